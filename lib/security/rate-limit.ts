// Failed sign-in attempts, counted per client so that password guessing is slowed to a crawl
// while people who type their password right (and our own test suites) never meet a limit.
//
// Two bounds apply together: a tight one per (client, email), against guessing one account, and a
// looser one per client, against one client trying many accounts. A flood from one client never
// touches another client's counts.
//
// The client is clientAddress() (lib/security/client-address.ts): the socket's peer, or the address
// the outermost trusted proxy saw (TRUST_PROXY), never a value the client wrote itself.
//
// Counts live in a store every web instance shares (lib/security/limit-store.ts: Redis when
// REDIS_URL is set, else the database), so N instances allow the same tries as one. Windows are
// fixed: they start at the first counted attempt and end 15 minutes later.
//
// An attempt is counted *before* its password is checked and handed back after unless it failed:
// a check-then-count limiter lets a burst of parallel guesses all pass the check before any of
// them is counted; counting first is one atomic step in the store.
import { createHash } from "node:crypto";
import { RateLimiterRes, type RateLimiterAbstract } from "rate-limiter-flexible";
import { getDb } from "@/db/client";
import { env } from "@/lib/env";
import { deploymentNamespace, postgresLimiter, redisLimiter, type LimitRule } from "./limit-store";

export const LOGIN_LIMITS = {
  perIdentity: { name: "sign-in-account", points: 5, windowSeconds: 15 * 60 },
  perClient: { name: "sign-in-client", points: 50, windowSeconds: 15 * 60 },
} as const satisfies Record<string, LimitRule>;

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

/** What became of a begun attempt: only a failed password check stays counted. */
export type Outcome = "signedIn" | "failed" | "notChecked";

export class SignInLimiter {
  constructor(
    private readonly perIdentity: RateLimiterAbstract,
    private readonly perClient: RateLimiterAbstract,
  ) {}

  /** Counts an attempt by this client for this email, or refuses it past either limit. */
  async begin(ip: string, email: string): Promise<Verdict> {
    const identity = identityKey(ip, email);
    try {
      await this.perIdentity.consume(identity);
    } catch (error) {
      return refusal(error);
    }
    try {
      await this.perClient.consume(ip);
    } catch (error) {
      await this.perIdentity.reward(identity);
      return refusal(error);
    }
    return { allowed: true };
  }

  /** Settles an attempt `begin` allowed. A right password forgets that account's failures here. */
  async settle(ip: string, email: string, outcome: Outcome): Promise<void> {
    if (outcome === "failed") return;
    const identity = identityKey(ip, email);
    if (outcome === "signedIn") await this.perIdentity.delete(identity);
    else await this.perIdentity.reward(identity);
    await this.perClient.reward(ip);
  }
}

/** The library refuses with its result (how long until the window ends); anything else is a store failure. */
function refusal(error: unknown): Verdict {
  if (!(error instanceof RateLimiterRes)) throw error;
  return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(error.msBeforeNext / 1000)) };
}

// Hashed: an email may be 254 characters, and the store's keys need not hold anyone's address.
const identityKey = (ip: string, email: string) =>
  createHash("sha256").update(`${ip}\u0000${email.trim().toLowerCase()}`).digest("hex");

async function createLoginLimiter(): Promise<SignInLimiter> {
  const { REDIS_URL, DATABASE_URL, DATA_DIR } = env();
  if (REDIS_URL) {
    const { default: Redis } = await import("ioredis");
    // No offline queue: while Redis is unreachable a command fails at once and the library's
    // in-memory insurance counts instead, rather than every sign-in waiting for a reconnect.
    const client = new Redis(REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
    client.on("error", () => {}); // reconnects on its own; the insurance limiter covers the gap
    // The first attempts must not be counted in memory only because the connection was not up yet.
    await new Promise<void>((resolve) => {
      const done = () => resolve();
      client.once("ready", done);
      client.once("error", done);
      setTimeout(done, 2000).unref();
    });
    const namespace = deploymentNamespace(DATABASE_URL ?? DATA_DIR);
    return new SignInLimiter(
      redisLimiter(client, LOGIN_LIMITS.perIdentity, namespace),
      redisLimiter(client, LOGIN_LIMITS.perClient, namespace),
    );
  }
  const db = await getDb();
  return new SignInLimiter(postgresLimiter(db, LOGIN_LIMITS.perIdentity), postgresLimiter(db, LOGIN_LIMITS.perClient));
}

// One limiter per process, shared by every surface that checks a password (the sign-in form and
// POST /api/auth/token), so guesses spread over both still add up. Kept on globalThis because
// route bundles may each evaluate this module.
const GLOBAL_KEY = Symbol.for("sluice.loginLimiter");
type WithLimiter = typeof globalThis & { [GLOBAL_KEY]?: Promise<SignInLimiter> };

export function loginLimiter(): Promise<SignInLimiter> {
  const scope = globalThis as WithLimiter;
  if (!scope[GLOBAL_KEY]) {
    const creating = createLoginLimiter();
    creating.catch(() => {
      if (scope[GLOBAL_KEY] === creating) delete scope[GLOBAL_KEY];
    });
    scope[GLOBAL_KEY] = creating;
  }
  return scope[GLOBAL_KEY];
}
