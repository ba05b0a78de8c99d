// Cross-site request forgery: a change authenticated by the session cookie must come from our
// own origin (Origin, else Referer, naming this host); bearer-token calls are not affected.
// Refusals are 403 in each surface's own error shape, and change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as pause } from "@/app/platform/pipeline/pause/route";
import { DELETE as deleteResource } from "@/app/resources/[id]/route";
import { POST as clear } from "@/app/v0/pipelines/[pipeline_name]/clear/route";
import { GET as listPipelines, POST as createPipeline } from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import { isSameOrigin } from "@/lib/security/same-origin";
import { call, ORIGIN, sessionCookie, type Answer, type CallOptions } from "../support/http";
import { makeOrg, type TestOrg } from "../support/fixtures";

let org: TestOrg;
let cookie: string;
beforeAll(async () => {
  org = await makeOrg();
  cookie = await sessionCookie(org.admin);
});

const REFUSED = /^Cross-site request refused/;
let n = 0;
const create = (options: Partial<CallOptions>): Promise<Answer> =>
  call(createPipeline, { method: "POST", params: { org_id: org.id }, body: { pipeline_name: `csrf_${++n}` }, ...options });

async function pipelineNames(): Promise<string[]> {
  const res = await call(listPipelines, { token: org.admin.token, params: { org_id: org.id }, path: `/api/v1/unstract/${org.id}/pipeline/?page_size=1000` });
  return (res.body as { results: { pipeline_name: string }[] }).results.map((p) => p.pipeline_name);
}

describe("a cookie-authenticated change", () => {
  it.each([
    ["a foreign Origin", { origin: "https://evil.example" }],
    ["no Origin and no Referer", { origin: null }],
    ['Origin "null"', { origin: "null" }],
    ["a foreign Origin with our Referer", { origin: "https://evil.example", headers: { referer: `${ORIGIN}/pipelines` } }],
    ["no Origin and a foreign Referer", { origin: null, headers: { referer: "https://evil.example/page" } }],
    ["an Origin on our host name but another port", { origin: "http://localhost:4000" }],
    ["an Origin of another scheme than http(s)", { origin: "ftp://localhost:3000" }],
  ] satisfies [string, Partial<CallOptions>][])("with %s is refused with 403 in the dialect's shape, creating nothing", async (_, options) => {
    const res = await create({ cookie, ...options });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ type: "client_error", errors: [{ code: "permission_denied", detail: expect.stringMatching(REFUSED), attr: null }] });
    expect(await pipelineNames()).not.toContain(`csrf_${n}`);
  });

  it.each([
    ["our own Origin", {}],
    ["our host over https (behind a TLS proxy)", { origin: "https://localhost:3000" }],
    ["no Origin but our own Referer", { origin: null, headers: { referer: `${ORIGIN}/pipelines/new` } }],
    ["the public host a proxy forwarded", { origin: "https://sluice.example.com", headers: { "x-forwarded-host": "sluice.example.com" } }],
  ] satisfies [string, Partial<CallOptions>][])("with %s goes through", async (_, options) => {
    const res = await create({ cookie, ...options });
    expect(res.status).toBe(201);
  });

  it("is refused in the Maestro, storage and resources shapes too", async () => {
    const options = { cookie, origin: "https://evil.example" };
    const maestro = await call(pause, { ...options, method: "POST", headers: { customer_name: org.id }, body: { pipeline_id: "00000000-0000-4000-8000-000000000000" } });
    expect(maestro).toMatchObject({ status: 403, body: { detail: expect.stringMatching(REFUSED) } });
    const storage = await call(clear, { ...options, method: "POST", params: { pipeline_name: "anything" } });
    expect(storage).toMatchObject({ status: 403, body: { message: expect.stringMatching(REFUSED), error_code: expect.any(String) } });
    const resource = await call(deleteResource, { ...options, method: "DELETE", params: { id: "507f1f77bcf86cd799439011" } });
    expect(resource).toMatchObject({ status: 403, body: { detail: expect.stringMatching(REFUSED) } });
  });
});

describe("what the rule leaves alone", () => {
  it("reads with the cookie from any origin (a foreign page cannot read the answer anyway)", async () => {
    const res = await call(listPipelines, { cookie, origin: "https://evil.example", params: { org_id: org.id } });
    expect(res.status).toBe(200);
  });

  it("bearer-token changes need no Origin, and a foreign one does not matter", async () => {
    expect((await create({ token: org.member.token })).status).toBe(201);
    expect((await create({ token: org.member.token, headers: { origin: "https://evil.example" } })).status).toBe(201);
  });

  it("a foreign-origin change without any credential is still a 401, not a 403", async () => {
    const res = await create({ headers: { origin: "https://evil.example" } });
    expect(res.status).toBe(401);
  });
});

describe("isSameOrigin", () => {
  const req = (headers: Record<string, string>, url = "http://127.0.0.1:3000/x") => new Request(url, { method: "POST", headers });
  it("matches the Host header, X-Forwarded-Host, or the URL's own host", () => {
    expect(isSameOrigin(req({ host: "console.internal:8080", origin: "http://console.internal:8080" }))).toBe(true);
    expect(isSameOrigin(req({ "x-forwarded-host": "a.example, b.example", origin: "https://a.example" }))).toBe(true);
    expect(isSameOrigin(req({ "x-forwarded-host": "a.example, b.example", origin: "https://b.example" }))).toBe(false);
    expect(isSameOrigin(req({ origin: "http://127.0.0.1:3000" }))).toBe(true);
    expect(isSameOrigin(req({ origin: "not a url" }))).toBe(false);
  });
});
