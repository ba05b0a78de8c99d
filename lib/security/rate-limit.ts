// Failed sign-in attempts, counted per client so that password guessing is slowed to a crawl
// while people who type their password right (and our own test suites) never meet a limit.
//
// Only failures count: a success clears the (ip, email) record, and a request that is refused
// here never reaches the password check at all. Two bounds apply together: a tight one per
// (client ip, email), against guessing one account, and a looser one per client ip, against
// one client trying many accounts.
//
// The client is clientAddress() (lib/security/client-address.ts): the socket's peer, or the address
// the outermost trusted proxy saw (TRUST_PROXY), never a value the client wrote itself, so a new
// X-Forwarded-For per try does not start a new count, and clients that send none no longer share
// one count. Behind a proxy, TRUST_PROXY must say so, or every client is the proxy's address.
//
// State is still kept in memory, per web process: several instances behind one Postgres each
// keep their own counts, so N instances allow N times the tries. Counting in a store the
// instances share is the next step (issue 14, part 3); until then run one web process, or
// accept the multiplied limit.

export interface Rule {
  /** Failures allowed inside the window; the next attempt is refused. */
  limit: number;
  windowMs: number;
}

export interface LimiterOptions {
  perIdentity: Rule;
  perIp: Rule;
  /** Injected in unit tests; Date.now otherwise. */
  now?: () => number;
  /** Keys kept at most, so a flood of made-up emails cannot grow memory without bound. */
  maxKeys?: number;
}

export type Verdict = { allowed: true } | { allowed: false; retryAfterSeconds: number };

export const LOGIN_LIMITS = {
  perIdentity: { limit: 5, windowMs: 15 * 60_000 },
  perIp: { limit: 50, windowMs: 15 * 60_000 },
} as const satisfies Pick<LimiterOptions, "perIdentity" | "perIp">;

export class FailureLimiter {
  // Failure times per key, oldest first (a sliding window: each failure expires on its own).
  private readonly failures = new Map<string, number[]>();
  private readonly now: () => number;
  private readonly maxKeys: number;

  constructor(private readonly options: LimiterOptions) {
    this.now = options.now ?? Date.now;
    this.maxKeys = options.maxKeys ?? 100_000;
  }

  /** Whether an attempt by this client for this email may go ahead now. */
  check(ip: string, email: string): Verdict {
    const now = this.now();
    const waits = [
      this.waitFor(identityKey(ip, email), this.options.perIdentity, now),
      this.waitFor(ipKey(ip), this.options.perIp, now),
    ];
    const wait = Math.max(...waits);
    return wait > 0 ? { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(wait / 1000)) } : { allowed: true };
  }

  recordFailure(ip: string, email: string): void {
    const now = this.now();
    this.push(identityKey(ip, email), this.options.perIdentity, now);
    this.push(ipKey(ip), this.options.perIp, now);
  }

  /** A right password: that account's failures from this client are forgotten. */
  recordSuccess(ip: string, email: string): void {
    this.failures.delete(identityKey(ip, email));
  }

  /** Milliseconds until one more attempt is allowed under `rule` (0: allowed now). */
  private waitFor(key: string, rule: Rule, now: number): number {
    const times = this.live(key, rule, now);
    if (times.length < rule.limit) return 0;
    // The attempt becomes allowed when enough of the oldest failures have left the window.
    const freeing = times[times.length - rule.limit] ?? now;
    return freeing + rule.windowMs - now;
  }

  private live(key: string, rule: Rule, now: number): number[] {
    const times = this.failures.get(key);
    if (!times) return [];
    const cutoff = now - rule.windowMs;
    const kept = times.filter((t) => t > cutoff);
    if (kept.length === 0) this.failures.delete(key);
    else if (kept.length !== times.length) this.failures.set(key, kept);
    return kept;
  }

  private push(key: string, rule: Rule, now: number): void {
    const times = this.live(key, rule, now);
    // More than `limit` entries are never needed to compute a wait.
    const next = [...times, now].slice(-rule.limit);
    this.failures.delete(key); // re-inserted last: the Map's order is then least recently failed first
    this.failures.set(key, next);
    while (this.failures.size > this.maxKeys) {
      const oldest = this.failures.keys().next().value;
      if (oldest === undefined) break;
      this.failures.delete(oldest);
    }
  }
}

const identityKey = (ip: string, email: string) => `id\u0000${ip}\u0000${email.trim().toLowerCase()}`;
const ipKey = (ip: string) => `ip\u0000${ip}`;

// One limiter per process, shared by every surface that checks a password (the sign-in form and
// POST /api/auth/token), so guesses spread over both still add up. Kept on globalThis because
// route bundles may each evaluate this module.
const GLOBAL_KEY = Symbol.for("sluice.loginLimiter");
type WithLimiter = typeof globalThis & { [GLOBAL_KEY]?: FailureLimiter };

export function loginLimiter(): FailureLimiter {
  const scope = globalThis as WithLimiter;
  scope[GLOBAL_KEY] ??= new FailureLimiter(LOGIN_LIMITS);
  return scope[GLOBAL_KEY];
}
