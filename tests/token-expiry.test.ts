// Issue 15: tokens from POST /api/auth/token never expired, and scripts that sign in on every run
// piled them up. They now expire after TOKEN_TTL_DAYS (90 by default), and an expired token is
// told so: 401 "Token expired." in the error shape of whichever surface it was presented to.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as issueTokenRoute } from "@/app/api/auth/token/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as listPipelines } from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import { GET as listMaestro } from "@/app/platform/pipelines/route";
import { GET as listResources } from "@/app/resources/route";
import { GET as storagePipeline } from "@/app/v0/pipelines/[pipeline_name]/route";
import { getDb } from "@/db/client";
import { issueToken } from "@/lib/domain/tokens";
import { parseEnv } from "@/lib/env";
import { call } from "./support/http";
import { makeOrg, PASSWORD, type TestOrg } from "./support/fixtures";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});

const DAY = 86_400_000;

describe("TOKEN_TTL_DAYS", () => {
  it("is 90 by default, a whole number of days from 1 to 3650", () => {
    expect(parseEnv({}).TOKEN_TTL_DAYS).toBe(90);
    expect(parseEnv({ TOKEN_TTL_DAYS: "7" }).TOKEN_TTL_DAYS).toBe(7);
    for (const bad of ["0", "-1", "1.5", "forever", "3651"]) expect(() => parseEnv({ TOKEN_TTL_DAYS: bad })).toThrow("TOKEN_TTL_DAYS: ");
  });
});

describe("a token from POST /api/auth/token", () => {
  const signIn = (extra: Record<string, unknown> = {}) =>
    call(issueTokenRoute, { method: "POST", body: { email: org.member.email, password: PASSWORD, org: org.id, ...extra } });

  it("expires after TOKEN_TTL_DAYS (90 days) unless asked for fewer or more", async () => {
    const res = await signIn();
    expect(res.status).toBe(201);
    const expires = Date.parse((res.body as { expires_at: string | null }).expires_at ?? "");
    expect(Math.abs(expires - (Date.now() + 90 * DAY))).toBeLessThan(60_000);

    const shorter = await signIn({ expires_in_days: 1 });
    expect(Date.parse((shorter.body as { expires_at: string }).expires_at)).toBeLessThan(Date.now() + 2 * DAY);
  });

  it("expires even when null is asked for: a sign-in never makes an everlasting token", async () => {
    const res = await signIn({ expires_in_days: null });
    expect(res.status).toBe(201);
    expect((res.body as { expires_at: string | null }).expires_at).not.toBeNull();
  });
});

describe("an expired token", () => {
  it("answers 401 \"Token expired.\" in each surface's shape", async () => {
    const db = await getDb();
    const { token } = await issueToken(db, org.member, { name: "old", expiresAt: new Date(Date.now() - 1000) });
    const v1 = { status: 401, body: { type: "client_error", errors: [{ code: "not_authenticated", detail: "Token expired.", attr: null }] } };
    expect(await call(me, { token })).toMatchObject(v1);
    expect(await call(listPipelines, { token, params: { org_id: org.id } })).toMatchObject(v1);
    expect(await call(listResources, { token })).toMatchObject({ status: 401, body: { detail: "Token expired." } });
    expect(await call(storagePipeline, { token, params: { pipeline_name: "x" } })).toMatchObject({
      status: 401,
      body: { message: "Token expired.", error_code: "Unauthorized", details: {} },
    });
    // Maestro's 401 is always {"msg": "Unauthorized"} (seed 000): the same for every refusal.
    expect(await call(listMaestro, { token, headers: { customer_name: org.id } })).toMatchObject({ status: 401, body: { msg: "Unauthorized" } });
  });
});
