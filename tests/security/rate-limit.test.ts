// Password guessing is slowed: failed sign-ins are counted per (client, email) and per client;
// past the limit the answer is 429 with Retry-After, while successes never count.
import { randomBytes, randomUUID } from "node:crypto";
import Redis from "ioredis";
import { afterAll, afterEach, describe, expect, it, vi } from "vitest";
import { getDb } from "@/db/client";
import { POST as issueToken } from "@/app/api/auth/token/route";
import { CLIENT_HEADER, clientAddress, markClientHeaderStamped, stampClientHeaders } from "@/lib/security/client-address";
import { deploymentNamespace, postgresLimiter, redisLimiter } from "@/lib/security/limit-store";
import { LOGIN_LIMITS, SignInLimiter } from "@/lib/security/rate-limit";
import { call } from "../support/http";
import { makeOrg } from "../support/fixtures";
import { redisReachable } from "../support/reachable";

const MINUTE = 60_000;

// The machine's Redis, or REDIS_URL's. Only a machine without one skips the Redis cases, and never CI.
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const haveRedis = await redisReachable(redisUrl);
if (!haveRedis && process.env.CI) throw new Error(`CI needs Redis at ${redisUrl}: the shared sign-in limit's Redis store must be tested`);
if (!haveRedis) console.warn(`Redis not reachable at ${redisUrl}: the Redis store's cases are skipped on this machine`);

const redisClients: Redis[] = [];
afterAll(() => redisClients.forEach((client) => client.disconnect()));
afterEach(() => vi.useRealTimers());

// Each call is one web instance: its own limiter objects (and, for Redis, its own connection)
// over the one store the instances share.
type Instance = () => Promise<SignInLimiter>;
const databaseInstance: Instance = async () => {
  const db = await getDb();
  return new SignInLimiter(postgresLimiter(db, LOGIN_LIMITS.perIdentity), postgresLimiter(db, LOGIN_LIMITS.perClient));
};
// A namespace per run: counts of earlier runs on the same Redis stay out of this one.
const namespace = deploymentNamespace(randomUUID());
const redisInstance: Instance = async () => {
  const client = new Redis(redisUrl, { enableOfflineQueue: true });
  redisClients.push(client);
  return new SignInLimiter(redisLimiter(client, LOGIN_LIMITS.perIdentity, namespace), redisLimiter(client, LOGIN_LIMITS.perClient, namespace));
};

// Addresses nobody else in this run uses (on Postgres every test file shares one database).
const freshIp = () => `10.${randomBytes(3).join(".")}`;

async function fail(limiter: SignInLimiter, ip: string, email: string) {
  const verdict = await limiter.begin(ip, email);
  if (verdict.allowed) await limiter.settle(ip, email, "failed");
  return verdict;
}

const stores: [string, Instance, boolean][] = [
  ["the database", databaseInstance, true],
  ["Redis", redisInstance, haveRedis],
];

describe.each(stores)("sign-in limits counted in %s", (_store, instance, available) => {
  it.runIf(available)("refuses the 6th attempt for one email after 5 failures, for 15 minutes from the first", async () => {
    const limiter = await instance();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) expect(await fail(limiter, ip, "a@example.com")).toEqual({ allowed: true });
    const refused = await limiter.begin(ip, "a@example.com");
    expect(refused.allowed).toBe(false);
    if (!refused.allowed) {
      expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
      expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
    }
    // The email is compared as the sign-in compares it.
    expect((await limiter.begin(ip, " A@Example.com ")).allowed).toBe(false);
    // Another client, or another email from this client, is not held back by it.
    expect((await fail(limiter, freshIp(), "a@example.com")).allowed).toBe(true);
    expect((await fail(limiter, ip, "b@example.com")).allowed).toBe(true);
  });

  it.runIf(available)("refuses any email from a client after 50 failures, never another client", async () => {
    const limiter = await instance();
    const ip = freshIp();
    for (let i = 0; i < 50; i++) expect((await fail(limiter, ip, `user${i}@example.com`)).allowed).toBe(true);
    expect((await limiter.begin(ip, "fresh@example.com")).allowed).toBe(false);
    expect((await fail(limiter, freshIp(), "fresh@example.com")).allowed).toBe(true);
  });

  it.runIf(available)("does not count successes or unchecked attempts, and a success forgets that account's failures", async () => {
    const limiter = await instance();
    const ip = freshIp();
    for (let i = 0; i < 60; i++) {
      expect((await limiter.begin(ip, "ok@example.com")).allowed).toBe(true);
      await limiter.settle(ip, "ok@example.com", i % 2 ? "signedIn" : "notChecked");
    }
    for (let i = 0; i < 4; i++) await fail(limiter, ip, "ok@example.com");
    await limiter.begin(ip, "ok@example.com");
    await limiter.settle(ip, "ok@example.com", "signedIn");
    for (let i = 0; i < 4; i++) await fail(limiter, ip, "ok@example.com");
    expect((await limiter.begin(ip, "ok@example.com")).allowed).toBe(true);
  });

  it.runIf(available)("holds across instances: failures counted by one are refused by the other", async () => {
    const [a, b] = [await instance(), await instance()];
    const ip = freshIp();
    for (let i = 0; i < 5; i++) await fail(i % 2 ? a : b, ip, "shared@example.com");
    expect((await a.begin(ip, "shared@example.com")).allowed).toBe(false);
    expect((await b.begin(ip, "shared@example.com")).allowed).toBe(false);
  });

  it.runIf(available)("lets exactly 5 of 30 simultaneous guesses through", async () => {
    // Counted before checking, in one atomic step of the store: a burst cannot all pass a check
    // made before any of it was counted.
    const [a, b] = [await instance(), await instance()];
    const ip = freshIp();
    const verdicts = await Promise.all(Array.from({ length: 30 }, (_, i) => fail(i % 2 ? a : b, ip, "burst@example.com")));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });
});

describe("sign-in limit windows", () => {
  it("end 15 minutes after the first counted failure", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: Date.now() });
    const limiter = await databaseInstance();
    const ip = freshIp();
    for (let i = 0; i < 5; i++) {
      await fail(limiter, ip, "a@example.com");
      vi.setSystemTime(Date.now() + MINUTE);
    }
    // Five failures at t=0..4 min, now t=5 min: the window ends at t=15 min.
    expect(await limiter.begin(ip, "a@example.com")).toEqual({ allowed: false, retryAfterSeconds: 600 });
    vi.setSystemTime(Date.now() + 10 * MINUTE - 1000);
    expect(await limiter.begin(ip, "a@example.com")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    vi.setSystemTime(Date.now() + 1000);
    expect((await limiter.begin(ip, "a@example.com")).allowed).toBe(true);
  });
});

/**
 * The headers a route handler gets when `npm start`'s server stood in front: the request came
 * from `socket` with this X-Forwarded-For, behind `hops` trusted proxies (one by default).
 */
function servedFrom(forwardedFor: string | undefined, socket = "127.0.0.1", hops = 1): Record<string, string> {
  const headers: Record<string, string | string[] | undefined> = forwardedFor === undefined ? {} : { "x-forwarded-for": forwardedFor };
  stampClientHeaders(headers, socket, hops);
  return Object.fromEntries(Object.entries(headers).filter((entry): entry is [string, string] => typeof entry[1] === "string"));
}

describe("clientAddress", () => {
  it("without the server in front, believes neither our header nor X-Forwarded-For (TRUST_PROXY=0)", () => {
    const headers = { [CLIENT_HEADER]: "203.0.113.7", "x-forwarded-for": "203.0.113.8" };
    expect(clientAddress(new Request("http://x/", { headers }))).toBe("local");
  });

  it("reads what the server in front stamped, once it runs in this process", () => {
    markClientHeaderStamped();
    expect(clientAddress(new Request("http://x/", { headers: servedFrom("6.6.6.6, 203.0.113.7") }))).toBe("203.0.113.7");
    expect(clientAddress(new Request("http://x/", { headers: servedFrom(undefined, "::ffff:192.0.2.4", 0) }))).toBe("192.0.2.4");
  });
});

describe("POST /api/auth/token under the limit", () => {
  it("keys on the client the trusted proxy saw: a new first X-Forwarded-For hop per try does not reset the count", async () => {
    markClientHeaderStamped();
    const org = await makeOrg();
    const wrong = { email: org.admin.email, password: "not-the-password", org: org.id };
    const statuses: number[] = [];
    for (let i = 0; i < 20; i++) {
      const res = await call(issueToken, { method: "POST", headers: servedFrom(`198.51.100.${i}, 203.0.113.20`), body: wrong });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([...Array<number>(5).fill(401), ...Array<number>(15).fill(429)]);
    // Meanwhile the same account from another client (another address at the proxy) gets in.
    const elsewhere = await call(issueToken, {
      method: "POST",
      headers: servedFrom("198.51.100.1, 203.0.113.21"),
      body: { ...wrong, password: org.admin.password },
    });
    expect(elsewhere.status).toBe(201);
  });

  it("answers 429 with Retry-After in the DRF shape after 5 failures, even for the right password", async () => {
    const org = await makeOrg();
    const headers = servedFrom("198.51.100.1");
    const wrong = { email: org.admin.email, password: "not-the-password", org: org.id };
    for (let i = 0; i < 5; i++) {
      expect((await call(issueToken, { method: "POST", headers, body: wrong })).status).toBe(401);
    }
    const refused = await call(issueToken, { method: "POST", headers, body: { ...wrong, password: org.admin.password } });
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(14 * 60);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(15 * 60);
    expect(refused.body).toEqual({
      type: "client_error",
      errors: [{ code: "throttled", detail: expect.stringMatching(/^Too many failed sign-in attempts\. Expected available in \d+ seconds\.$/), attr: null }],
    });
    // The same account from another client, and the member from this one, still get in.
    const elsewhere = await call(issueToken, {
      method: "POST",
      headers: servedFrom("198.51.100.2"),
      body: { ...wrong, password: org.admin.password },
    });
    expect(elsewhere.status).toBe(201);
    const member = await call(issueToken, { method: "POST", headers, body: { email: org.member.email, password: org.member.password, org: org.id } });
    expect(member.status).toBe(201);
  });

  it("never limits a client that signs in right, however often", async () => {
    const org = await makeOrg();
    const headers = servedFrom("198.51.100.3");
    for (let i = 0; i < 12; i++) {
      const res = await call(issueToken, { method: "POST", headers, body: { email: org.member.email, password: org.member.password, org: org.id } });
      expect(res.status).toBe(201);
    }
  });

  it("does not count a malformed body as a guess", async () => {
    const org = await makeOrg();
    const headers = servedFrom("198.51.100.4");
    for (let i = 0; i < 8; i++) {
      const res = await call(issueToken, { method: "POST", headers, body: { email: org.member.email, password: "x" } });
      expect(res.status).toBe(400);
    }
    const res = await call(issueToken, { method: "POST", headers, body: { email: org.member.email, password: org.member.password, org: org.id } });
    expect(res.status).toBe(201);
  });
});
