// Secrets at rest: personal tokens, pipeline keys and passwords are kept only as hashes (read
// back from every table of the database), passwords with salted scrypt, and presented secrets
// are checked without comparisons whose time depends on how much of a guess was right.
import fs from "node:fs";
import { sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { POST as issueTokenRoute } from "@/app/api/auth/token/route";
import { POST as createToken } from "@/app/api/v1/orgs/[org_id]/tokens/route";
import { POST as createKeyRoute } from "@/app/api/v1/unstract/[org_id]/api/keys/pipeline/[pipeline_id]/route";
import { POST as createPipelineRoute } from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import { POST as trigger } from "@/app/deployment/pipeline/api/[org_id]/[pipeline_id]/route";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { hashPassword, hashSecret, verifyPassword } from "@/lib/domain/secrets";
import { createUser } from "@/lib/domain/users";
import { call } from "../support/http";
import { makeOrg } from "../support/fixtures";

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

describe("in constant time", () => {
  // The comparisons live in source; these tests hold them to the rule a reader can check.
  const source = (file: string) => fs.readFileSync(file, "utf8");

  it("a password is compared with crypto.timingSafeEqual, never ===", () => {
    const secrets = source("lib/domain/secrets.ts");
    expect(secrets).toMatch(/return timingSafeEqual\(actual, expected\)/);
  });

  it("a key is looked up by its hash and compared again with timingSafeEqual; a token is looked up by its hash only", () => {
    expect(source("lib/domain/keys.ts")).toMatch(/timingSafeEqual\(Buffer\.from\(key\.keyHash\), presented\)/);
    expect(source("lib/domain/tokens.ts")).toMatch(/eq\(personalTokens\.tokenHash, hashSecret\(plain\)\)/);
  });

  it("no secret or hash is compared with === or !== anywhere in the domain", () => {
    for (const file of fs.readdirSync("lib/domain").map((f) => `lib/domain/${f}`)) {
      expect(source(file), file).not.toMatch(/(Hash|hash|token|apiKey|plainKey|password)\s*[!=]==/);
    }
  });
});
