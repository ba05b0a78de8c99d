// Issue 16, row a: a server remembers who a token speaks for (and a member's role) while it
// LISTENs, so a script's requests skip that lookup; what another server changes reaches it by
// NOTIFY. The tests change things the way another server would (the domain, in its transaction,
// without this process's route), wait until this process has heard the event, and ask again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listPipelines } from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import { getDb, postgresApplicationName } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { personalTokens } from "@/db/schema";
import { EVENTS_CHANNEL } from "@/lib/domain/events";
import { changeMemberRole, removeMember } from "@/lib/domain/members";
import { issueToken, revokeOwnToken } from "@/lib/domain/tokens";
import { listenGeneration, subscribe, type StampedEvent } from "@/lib/api/events-hub";
import { startRemembering } from "@/lib/api/principal-cache";
import { call, sessionCookie } from "./support/http";
import { makeOrg, type TestOrg } from "./support/fixtures";

let org: TestOrg;
const heard: StampedEvent[] = [];
let stopHearing: () => void = () => {};

beforeAll(async () => {
  org = await makeOrg();
  stopHearing = await subscribe((event) => heard.push(event));
  await startRemembering(); // as the server does at boot
});
afterAll(() => stopHearing());

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`waited 10 s for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

const heardOf = (kind: string, match: (e: StampedEvent) => boolean) => () => heard.some((e) => e.kind === kind && match(e));

/** A fresh token of the org's member, used once so this process remembers it. */
async function rememberedToken(name: string) {
  const db = await getDb();
  const issued = await issueToken(db, org.member, { name });
  expect((await call(me, { token: issued.token })).status).toBe(200);
  return issued;
}

describe("who a token speaks for is remembered while listening", () => {
  it("a change nobody announced goes unseen (the lookup is really skipped) until a NOTIFY says it", async () => {
    const issued = await rememberedToken("remembered");
    const db = await getDb();
    // Deleted behind every server's back: no NOTIFY. The remembered grant still answers…
    await db.delete(personalTokens).where(eq(personalTokens.id, issued.id));
    expect((await call(me, { token: issued.token })).status).toBe(200);
    // …until the announcement any revoke makes reaches this process.
    const event = { kind: "token", org_id: org.id, user_id: org.member.userId, token_id: issued.id, change: "revoked" };
    await db.execute(sql`select pg_notify(${EVENTS_CHANNEL}, ${JSON.stringify({ ...event, at: new Date().toISOString() })})`);
    await until(heardOf("token", (e) => e.kind === "token" && e.token_id === issued.id), "the token event");
    expect((await call(me, { token: issued.token })).status).toBe(401);
  });

  it("a token revoked through another server is refused once its event is heard", async () => {
    const issued = await rememberedToken("revoked elsewhere");
    const db = await getDb();
    await revokeOwnToken(db, org.member, issued.id);
    await until(heardOf("token", (e) => e.kind === "token" && e.token_id === issued.id), "the token event");
    expect(await call(me, { token: issued.token })).toMatchObject({ status: 401, body: { errors: [{ detail: "Invalid token." }] } });
  });

  it("expiry is checked on every request, from the remembered expires_at", async () => {
    const db = await getDb();
    const issued = await issueToken(db, org.member, { name: "brief", expiresAt: new Date(Date.now() + 1_500) });
    expect((await call(me, { token: issued.token })).status).toBe(200);
    expect((await call(me, { token: issued.token })).status).toBe(200);
    await new Promise((r) => setTimeout(r, 1_600));
    expect(await call(me, { token: issued.token })).toMatchObject({ status: 401, body: { errors: [{ detail: "Token expired." }] } });
  });

  it("a role changed through another server is in force for the member's token and session once heard", async () => {
    const other = await makeOrg();
    const db = await getDb();
    const cookie = await sessionCookie(other.member);
    // As a member, the org's pipeline list is open to both; the role is remembered.
    expect((await call(me, { token: other.member.token })).body).toMatchObject({ role: "member" });
    expect((await call(listPipelines, { cookie, params: { org_id: other.id } })).status).toBe(200);
    await changeMemberRole(db, other.admin, other.member.userId, "admin", "on call this week");
    await until(heardOf("member", (e) => e.kind === "member" && e.user_id === other.member.userId && e.change === "role"), "the role event");
    expect((await call(me, { token: other.member.token })).body).toMatchObject({ role: "admin" });

    await removeMember(db, other.admin, other.member.userId);
    await until(heardOf("member", (e) => e.kind === "member" && e.user_id === other.member.userId && e.change === "removed"), "the removal event");
    expect((await call(me, { token: other.member.token })).status).toBe(401);
    expect((await call(listPipelines, { cookie, params: { org_id: other.id } })).status).toBe(404);
  });
});

// A LISTEN that dropped and came back may have missed notifications: what was remembered before
// is forgotten. Only Postgres's listening connection can drop (PGlite's LISTEN is in this process).
describe.runIf(!!process.env.DATABASE_URL)("after the LISTEN reconnects", () => {
  it("forgets everything remembered before", async () => {
    const issued = await rememberedToken("across a reconnect");
    const db = await getDb();
    await db.delete(personalTokens).where(eq(personalTokens.id, issued.id));
    expect((await call(me, { token: issued.token })).status).toBe(200); // remembered, as above
    const before = listenGeneration();
    // postgres.js reconnects its listening connection and LISTENs again by itself.
    // This process's own listening connection only: other test files listen on the same database.
    const cut = rowsOf(await db.execute(
      sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = ${postgresApplicationName()} and query ilike 'listen %'`,
    ));
    expect(cut.length).toBe(1);
    await until(() => listenGeneration() > before, "the LISTEN to come back");
    expect((await call(me, { token: issued.token })).status).toBe(401);
  });
});
