// Secrets at rest: personal tokens, pipeline keys and passwords are kept only as hashes (read
// back from every table of the database), passwords with salted scrypt, and presented secrets
// are checked without comparisons whose time depends on how much of a guess was right.
import { randomUUID } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { POST as issueTokenRoute } from "@/app/api/auth/token/route";
import { GET as me } from "@/app/api/v1/me/route";
import { POST as createToken } from "@/app/api/v1/orgs/[org_id]/tokens/route";
import { POST as createKeyRoute } from "@/app/api/v1/unstract/[org_id]/api/keys/pipeline/[pipeline_id]/route";
import { POST as createPipelineRoute } from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import { POST as trigger } from "@/app/deployment/pipeline/api/[org_id]/[pipeline_id]/route";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { personalTokens, pipelineKeys } from "@/db/schema";
import { hashPassword, hashSecret, verifyPassword } from "@/lib/domain/secrets";
import { createUser } from "@/lib/domain/users";
import { call } from "../support/http";
import { makeOrg, type TestOrg } from "../support/fixtures";

// node:crypto as it is, but with timingSafeEqual watched (see "in constant time").
const timingSafeEqualSpy = vi.hoisted(() => vi.fn());
vi.mock("node:crypto", async (importOriginal) => {
  const actual = await importOriginal<typeof import("node:crypto")>();
  timingSafeEqualSpy.mockImplementation(actual.timingSafeEqual);
  const crypto = { ...actual, timingSafeEqual: timingSafeEqualSpy };
  return { ...crypto, default: crypto };
});

/** Every row of every table of the app's schema, as one string. */
async function everything(): Promise<string> {
  const db = await getDb();
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
  );
  expect(tables.length).toBeGreaterThan(10);
  const dumps: string[] = [];
  for (const { table_name } of tables) {
    dumps.push(JSON.stringify(rowsOf(await db.execute(sql`select * from ${sql.identifier(table_name)}`))));
  }
  return dumps.join("\n");
}

describe("at rest", () => {
  it("no table holds a token, key or password in plain text; their hashes are there instead", async () => {
    const org = await makeOrg();
    const password = "a-password-only-this-test-knows";
    await createUser(await getDb(), { email: `plain-${org.id}@example.com`, name: "P", password });

    const scripted = await call(issueTokenRoute, { method: "POST", body: { email: org.admin.email, password: org.admin.password, org: org.id } });
    const personal = await call(createToken, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body: { name: "laptop" } });
    const created = await call(createPipelineRoute, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body: { pipeline_name: "at_rest" } });
    const pipeline = created.body as { id: string; api_key: { api_key: string } };
    const key = await call(createKeyRoute, {
      method: "POST",
      token: org.admin.token,
      params: { org_id: org.id, pipeline_id: pipeline.id },
      body: { pipeline: pipeline.id, description: "second" },
    });
    const secrets = {
      scriptedToken: (scripted.body as { token: string }).token,
      personalToken: (personal.body as { token: string }).token,
      fixtureToken: org.admin.token,
      firstKey: pipeline.api_key.api_key,
      secondKey: (key.body as { api_key: string }).api_key,
    };
    // Use a key, so its last use is written too.
    expect((await call(trigger, { method: "POST", token: secrets.secondKey, params: { org_id: org.id, pipeline_id: pipeline.id } })).status).toBe(200);

    const stored = await everything();
    for (const [what, plain] of Object.entries(secrets)) {
      expect(plain, what).toBeTruthy();
      expect(stored.includes(plain), `${what} stored in plain text`).toBe(false);
      expect(stored, `${what}'s hash`).toContain(hashSecret(plain));
    }
    for (const plain of [password, org.admin.password]) expect(stored.includes(plain), "a password stored in plain text").toBe(false);
  });

  it("passwords are salted scrypt: one password hashes differently each time, and verifies", async () => {
    const [a, b] = [await hashPassword("same password"), await hashPassword("same password")];
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword("same password", a)).toBe(true);
    expect(await verifyPassword("same passwore", a)).toBe(false);
  });
});

// What decides whether a presented secret is right. Each test calls the real routes and watches
// node:crypto's timingSafeEqual (a pass-through spy, so nothing changes unless a test says so):
// forcing its verdict must flip the route's answer, so the verdict comes from a comparison whose
// time does not depend on how much of a guess was right, and from nothing else.
describe("in constant time", () => {
  beforeEach(() => {
    timingSafeEqualSpy.mockClear();
  });

  const signIn = (org: TestOrg, email: string, password: string) => call(issueTokenRoute, { method: "POST", body: { email, password, org: org.id } });

  // Would catch: a password checked with === / !== on the hashes (forcing true would not let the
  // wrong password in; forcing false would not keep the right one out), or an unknown email
  // answered early without a comparison (timing would tell which emails exist).
  it("a password's verdict is timingSafeEqual's alone, for a known email and an unknown one", async () => {
    const org = await makeOrg();

    expect((await signIn(org, org.admin.email, org.admin.password)).status).toBe(201);
    expect(timingSafeEqualSpy).toHaveBeenCalledTimes(1);
    const [derived, stored] = timingSafeEqualSpy.mock.calls[0] as [Buffer, Buffer];
    expect(derived.length).toBe(32);
    expect(stored.length).toBe(32);

    timingSafeEqualSpy.mockReturnValueOnce(false);
    expect((await signIn(org, org.admin.email, org.admin.password)).status, "the right password, comparison forced false").toBe(401);
    timingSafeEqualSpy.mockReturnValueOnce(true);
    expect((await signIn(org, org.admin.email, "not-the-password")).status, "a wrong password, comparison forced true").toBe(201);

    timingSafeEqualSpy.mockClear();
    expect((await signIn(org, `nobody-${org.id}@example.com`, "whatever")).status).toBe(401);
    expect(timingSafeEqualSpy, "an unknown email is compared against a dummy hash all the same").toHaveBeenCalledTimes(1);
  });

  // Would catch: a key found by its plain value (or any other column) instead of its hash, and a
  // found key let in without the constant-time confirmation (forcing false would not refuse it).
  it("a pipeline key is found by the hash of what is presented, and timingSafeEqual confirms it", async () => {
    const org = await makeOrg();
    const created = await call(createPipelineRoute, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body: { pipeline_name: "by_hash" } });
    const pipeline = created.body as { id: string; api_key: { id: string; api_key: string } };
    const fire = (key: string) => call(trigger, { method: "POST", token: key, params: { org_id: org.id, pipeline_id: pipeline.id } });

    // Put the hash of another string in the key's row: that string is now the key, the old one is not.
    const replacement = `${randomUUID()}`;
    await (await getDb()).update(pipelineKeys).set({ keyHash: hashSecret(replacement) }).where(eq(pipelineKeys.id, pipeline.api_key.id));
    expect((await fire(pipeline.api_key.api_key)).status, "the old key").toBe(401);
    timingSafeEqualSpy.mockClear();
    expect((await fire(replacement)).status, "the string whose hash is stored").toBe(200);
    expect(timingSafeEqualSpy).toHaveBeenCalledTimes(1);
    expect(timingSafeEqualSpy.mock.calls[0]).toEqual([Buffer.from(hashSecret(replacement)), Buffer.from(hashSecret(replacement))]);

    timingSafeEqualSpy.mockReturnValueOnce(false);
    expect((await fire(replacement)).status, "the right key, comparison forced false").toBe(401);
  });

  // Would catch: a token found by its plain value, a prefix or its hint rather than by the hash
  // of the whole presented string.
  it("a personal token is found by the hash of what is presented", async () => {
    const org = await makeOrg();
    const issued = await call(createToken, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body: { name: "by hash" } });
    const { id, token } = issued.body as { id: string; token: string };

    // Changed behind the servers' backs before the token's first use: a server remembers who a
    // token it has seen speaks for (lib/api/principal-cache.ts), and only announced changes reach it.
    const replacement = `slt_${randomUUID()}`;
    await (await getDb()).update(personalTokens).set({ tokenHash: hashSecret(replacement) }).where(eq(personalTokens.id, id));
    expect((await call(me, { token })).status, "the old token").toBe(401);
    expect((await call(me, { token: replacement })).body, "the string whose hash is stored").toMatchObject({ id: org.admin.userId, org: org.id });
  });
});
