// Password guessing is slowed: failed sign-ins are counted per (client, email) and per client;
// past the limit the answer is 429 with Retry-After, while successes never count.
import { describe, expect, it } from "vitest";
import { POST as issueToken } from "@/app/api/auth/token/route";
import { CLIENT_HEADER, clientAddress, markClientHeaderStamped, stampClientHeaders } from "@/lib/security/client-address";
import { FailureLimiter, LOGIN_LIMITS } from "@/lib/security/rate-limit";
import { call } from "../support/http";
import { makeOrg } from "../support/fixtures";

const MINUTE = 60_000;

function limiterAt(start = 1_000_000) {
  const clock = { now: start };
  const limiter = new FailureLimiter({ ...LOGIN_LIMITS, now: () => clock.now });
  return { clock, limiter };
}

describe("FailureLimiter", () => {
  it("refuses the 6th attempt for one email after 5 failures, until the first failure is 15 minutes old", () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 5; i++) {
      expect(limiter.check("1.2.3.4", "a@example.com")).toEqual({ allowed: true });
      limiter.recordFailure("1.2.3.4", "a@example.com");
      clock.now += MINUTE;
    }
    // Five failures at t=0..4 min, now t=5 min: the first frees at t=15 min.
    expect(limiter.check("1.2.3.4", "a@example.com")).toEqual({ allowed: false, retryAfterSeconds: 600 });
    // The email is compared as the sign-in compares it.
    expect(limiter.check("1.2.3.4", " A@Example.com ").allowed).toBe(false);
    // Another client, or another email from this client, is not held back by it.
    expect(limiter.check("5.6.7.8", "a@example.com").allowed).toBe(true);
    expect(limiter.check("1.2.3.4", "b@example.com").allowed).toBe(true);
    clock.now += 10 * MINUTE - 1;
    expect(limiter.check("1.2.3.4", "a@example.com")).toEqual({ allowed: false, retryAfterSeconds: 1 });
    clock.now += 1;
    expect(limiter.check("1.2.3.4", "a@example.com")).toEqual({ allowed: true });
  });

  it("refuses any email from a client after 50 failures in 15 minutes", () => {
    const { clock, limiter } = limiterAt();
    for (let i = 0; i < 50; i++) {
      expect(limiter.check("9.9.9.9", `user${i}@example.com`).allowed).toBe(true);
      limiter.recordFailure("9.9.9.9", `user${i}@example.com`);
      clock.now += 1000;
    }
    expect(limiter.check("9.9.9.9", "fresh@example.com")).toEqual({ allowed: false, retryAfterSeconds: 15 * 60 - 50 });
    expect(limiter.check("9.9.9.8", "fresh@example.com").allowed).toBe(true);
  });

  it("does not count successes, and a success forgets that account's failures", () => {
    const { limiter } = limiterAt();
    for (let i = 0; i < 100; i++) limiter.recordSuccess("1.1.1.1", "ok@example.com");
    expect(limiter.check("1.1.1.1", "ok@example.com").allowed).toBe(true);
    for (let i = 0; i < 4; i++) limiter.recordFailure("1.1.1.1", "ok@example.com");
    limiter.recordSuccess("1.1.1.1", "ok@example.com");
    for (let i = 0; i < 4; i++) limiter.recordFailure("1.1.1.1", "ok@example.com");
    expect(limiter.check("1.1.1.1", "ok@example.com").allowed).toBe(true);
  });

  it("keeps a bounded number of keys", () => {
    const limiter = new FailureLimiter({ ...LOGIN_LIMITS, maxKeys: 10 });
    for (let i = 0; i < 1000; i++) limiter.recordFailure(`10.0.0.${i}`, `u${i}@example.com`);
    // The most recent client is still tracked; memory stayed at the cap (not observable, but
    // the oldest entries were dropped rather than the newest).
    for (let i = 0; i < 4; i++) limiter.recordFailure("10.0.0.999", "u999@example.com");
    expect(limiter.check("10.0.0.999", "u999@example.com").allowed).toBe(false);
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
