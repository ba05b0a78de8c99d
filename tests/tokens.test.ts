// A user's own personal tokens: list, create (shown once), revoke; and what a token opens.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/orgs/[org_id]/tokens/route";
import { DELETE as revokeToken } from "@/app/api/v1/orgs/[org_id]/tokens/[id]/route";
import { GET as me } from "@/app/api/v1/me/route";
import { getDb } from "@/db/client";
import { personalTokens } from "@/db/schema";
import { hashSecret } from "@/lib/domain/secrets";
import { issueToken } from "@/lib/domain/tokens";
import { call, sessionCookie } from "./support/http";
import { makeOrg, type TestOrg } from "./support/fixtures";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});

interface TokenAnswer {
  id: string;
  token: string;
  name: string;
  expires_at: string | null;
}

describe("personal tokens", () => {
  it("creates a token shown once, stored only as a hash", async () => {
    const res = await call(createToken, { method: "POST", token: org.member.token, params: { org_id: org.id }, body: { name: "deploy", expires_in_days: 30 } });
    expect(res.status).toBe(201);
    const created = res.body as TokenAnswer;
    expect(Date.parse(created.expires_at ?? "")).toBeGreaterThan(Date.now() + 29 * 86_400_000);

    const db = await getDb();
    const [row] = await db.select().from(personalTokens).where(eq(personalTokens.id, created.id));
    expect(row?.tokenHash).toBe(hashSecret(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);

    const listed = await call(listTokens, { token: created.token, params: { org_id: org.id } });
    expect(JSON.stringify(listed.body)).not.toContain(created.token);
    expect((listed.body as { results: { id: string }[] }).results.map((t) => t.id)).toContain(created.id);
  });

  it("keeps last_used_at", async () => {
    const res = await call(createToken, { method: "POST", token: org.member.token, params: { org_id: org.id }, body: { name: "fresh" } });
    const created = res.body as TokenAnswer;
    await call(me, { token: created.token });
    const listed = await call(listTokens, { token: org.member.token, params: { org_id: org.id } });
    const row = (listed.body as { results: { id: string; last_used_at: string | null }[] }).results.find((t) => t.id === created.id);
    expect(row?.last_used_at).not.toBeNull();
  });

  it("a revoked token gets 401 at once", async () => {
    const res = await call(createToken, { method: "POST", token: org.member.token, params: { org_id: org.id }, body: { name: "short-lived" } });
    const created = res.body as TokenAnswer;
    expect((await call(me, { token: created.token })).status).toBe(200);

    const revoked = await call(revokeToken, { method: "DELETE", token: org.member.token, params: { org_id: org.id, id: created.id } });
    expect(revoked.status).toBe(204);
    const after = await call(me, { token: created.token });
    expect(after).toMatchObject({
      status: 401,
      body: { type: "client_error", errors: [{ code: "not_authenticated", detail: "Invalid token." }] },
    });
  });

  it("an expired token gets 401", async () => {
    const db = await getDb();
    const expired = await issueToken(db, org.member, { name: "old", expiresAt: new Date(Date.now() - 1000) });
    expect((await call(me, { token: expired.token })).status).toBe(401);
  });

  it("nobody revokes another user's token: 404", async () => {
    const res = await call(createToken, { method: "POST", token: org.member.token, params: { org_id: org.id }, body: { name: "mine" } });
    const created = res.body as TokenAnswer;
    const byAdmin = await call(revokeToken, { method: "DELETE", token: org.admin.token, params: { org_id: org.id, id: created.id } });
    expect(byAdmin.status).toBe(404);
    expect((await call(me, { token: created.token })).status).toBe(200);
  });

  it("a malformed token id is a 404, not a 500", async () => {
    const res = await call(revokeToken, { method: "DELETE", token: org.member.token, params: { org_id: org.id, id: "not-a-uuid" } });
    expect(res).toMatchObject({ status: 404, body: { type: "client_error", errors: [{ code: "not_found" }] } });
  });

  it("a session and a bearer token resolve to the same principal", async () => {
    const byToken = await call(me, { token: org.admin.token });
    const bySession = await call(me, { cookie: await sessionCookie(org.admin) });
    expect(byToken.status).toBe(200);
    expect(bySession.body).toEqual(byToken.body);
    expect(byToken.body).toMatchObject({ id: org.admin.userId, org: org.id, role: "admin" });
  });

  it.each([
    ["no credential", {}, "Authentication credentials were not provided."],
    ["a malformed bearer", { headers: { authorization: "Bearer" } }, "Invalid token."],
    ["an unknown token", { token: "slt_unknown-unknown-unknown-unknown-unknown" }, "Invalid token."],
    ["a forged session cookie", { cookie: "next-auth.session-token=forged" }, "Authentication credentials were not provided."],
  ])("%s gets 401", async (_, options, detail) => {
    const res = await call(me, options);
    expect(res).toMatchObject({ status: 401, body: { type: "client_error", errors: [{ detail }] } });
  });

  it("rejects a blank name", async () => {
    const res = await call(createToken, { method: "POST", token: org.member.token, params: { org_id: org.id }, body: { name: "  " } });
    expect(res).toMatchObject({ status: 400, body: { type: "validation_error", errors: [{ attr: "name" }] } });
  });
});
