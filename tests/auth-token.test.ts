// POST /api/auth/token: a personal token for scripts, from email + password + org.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as issueToken } from "@/app/api/auth/token/route";
import { GET as listTokens } from "@/app/api/v1/orgs/[org_id]/tokens/route";
import { call } from "./support/http";
import { makeOrg, type TestOrg } from "./support/fixtures";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

describe("POST /api/auth/token", () => {
  it("issues a token that then authenticates as that user in that org", async () => {
    const res = await call(issueToken, {
      method: "POST",
      body: { email: org.member.email.toUpperCase(), password: org.member.password, org: org.id, name: "ci" },
    });
    expect(res.status).toBe(201);
    const { token, name } = res.body as { token: string; name: string };
    expect(token).toMatch(/^slt_[\w-]{40,}$/);
    expect(name).toBe("ci");

    const listed = await call(listTokens, { token, params: { org_id: org.id } });
    expect(listed.status).toBe(200);
    const results = (listed.body as { results: { name: string; prefix: string }[] }).results;
    expect(results.map((t) => t.name)).toContain("ci");
    // The list never shows the secret, only a prefix to recognise it by.
    expect(JSON.stringify(listed.body)).not.toContain(token);
  });

  const unauthorised = {
    type: "client_error",
    errors: [{ code: "not_authenticated", detail: "Invalid email, password or organization.", attr: null }],
  };

  it.each([
    ["a wrong password", () => ({ email: org.admin.email, password: "wrong-password", org: org.id })],
    ["an unknown email", () => ({ email: "nobody@example.com", password: org.admin.password, org: org.id })],
    ["an org the user is not in", () => ({ email: org.admin.email, password: org.admin.password, org: other.id })],
    ["an org that does not exist", () => ({ email: org.admin.email, password: org.admin.password, org: "no_such_org" })],
  ])("answers 401 for %s, the same way each time", async (_, body) => {
    const res = await call(issueToken, { method: "POST", body: body() });
    expect(res).toMatchObject({ status: 401, body: unauthorised });
  });

  it.each([
    [{}, ["email", "password", "org"]],
    [{ email: "x", password: "p", org: "o" }, ["email"]],
    [{ email: "a@example.com", password: "", org: "o" }, ["password"]],
    [{ email: "a@example.com", password: "p", org: "o", expires_in_days: 0 }, ["expires_in_days"]],
    [{ email: 42, password: ["p"], org: null }, ["email", "password", "org"]],
  ])("answers 400 validation_error naming the fields for %j", async (body, fields) => {
    const res = await call(issueToken, { method: "POST", body });
    expect(res.status).toBe(400);
    const answer = res.body as { type: string; errors: { attr: string }[] };
    expect(answer.type).toBe("validation_error");
    expect(answer.errors.map((e) => e.attr).sort()).toEqual([...fields].sort());
  });

  it("answers 400 parse_error for malformed JSON", async () => {
    const res = await call(issueToken, { method: "POST", raw: '{"email": ' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ type: "client_error", errors: [{ code: "parse_error", attr: null }] });
  });

  it("answers 415 for a body that is not JSON", async () => {
    const res = await call(issueToken, { method: "POST", raw: "email=a", contentType: "application/x-www-form-urlencoded" });
    expect(res.status).toBe(415);
    expect(res.body).toMatchObject({ type: "client_error", errors: [{ code: "unsupported_media_type" }] });
  });
});
