// Two admins removing or demoting each other at the same moment: the org keeps one admin. Only
// the real Postgres runs two transactions at once (PGlite has one connection and would queue
// them): when the suite runs on PGlite, this file's handlers run on a fresh database of the
// machine's Postgres instead (skipped only where there is none, and never in CI).
import { and, eq } from "drizzle-orm";
import { afterAll, describe, expect, inject, it } from "vitest";
import { DELETE as removeMember, PATCH as changeRole } from "@/app/api/v1/orgs/[org_id]/members/[user_id]/route";
import { closeDb, dbKind, getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { issueToken } from "@/lib/domain/tokens";
import { call, type Answer } from "../support/http";
import { makeOrg } from "../support/fixtures";
import { realPostgres } from "./support";

// Before anything opens the database: the app's client reads DATABASE_URL once, on first use.
const own = inject("databaseUrl") ? null : await realPostgres();
if (own) process.env.DATABASE_URL = own.url;
const onPostgres = !!inject("databaseUrl") || !!own;
if (!onPostgres) console.warn("No Postgres on this machine: the concurrent member changes need one and are skipped.");
afterAll(async () => {
  await closeDb();
  await own?.close();
});

/** An org with exactly two admins, each with a token. */
async function twoAdmins() {
  const org = await makeOrg();
  const db = await getDb();
  await db.update(memberships).set({ role: "admin" }).where(and(eq(memberships.orgId, org.id), eq(memberships.userId, org.member.userId)));
  const second = { ...org.member, role: "admin" as const };
  const token = (await issueToken(db, second, { name: "second admin" })).token;
  return { org, a: { id: org.admin.userId, token: org.admin.token }, b: { id: second.userId, token } };
}

async function adminsOf(orgId: string) {
  const db = await getDb();
  return db.select({ userId: memberships.userId }).from(memberships).where(and(eq(memberships.orgId, orgId), eq(memberships.role, "admin")));
}

const ROUNDS = 10;
const ok = (answer: Answer) => answer.status >= 200 && answer.status < 300;

describe.skipIf(!onPostgres)("two admins at once", () => {
  it.each([
    ["remove", (orgId: string, token: string, userId: string) => call(removeMember, { method: "DELETE", token, params: { org_id: orgId, user_id: userId } })],
    ["demote", (orgId: string, token: string, userId: string) => call(changeRole, { method: "PATCH", token, params: { org_id: orgId, user_id: userId }, body: { role: "member" } })],
  ])("%s each other: exactly one succeeds and one admin remains", async (_, act) => {
    expect(dbKind()).toBe("postgres");
    for (let round = 0; round < ROUNDS; round++) {
      const { org, a, b } = await twoAdmins();
      const answers = await Promise.all([act(org.id, a.token, b.id), act(org.id, b.token, a.id)]);
      expect(answers.filter(ok), JSON.stringify(answers.map((x) => [x.status, x.body]))).toHaveLength(1);
      // The loser was refused as the last admin, or was no longer an admin (or a member) by then.
      const refused = answers.find((x) => !ok(x));
      expect([400, 401, 403]).toContain(refused?.status);
      expect(await adminsOf(org.id)).toHaveLength(1);
    }
  });
});
