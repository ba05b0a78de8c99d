// Found probing from outside (issue 15): a deeply nested JSON body was a 500 with a RangeError
// stack in the log (POST /api/auth/token needs no login, at depth 2,000), and a body over
// 10 MiB was cut silently and answered "Unterminated string". Both are the client's mistake:
// 400 (too deep) and 413 (too large) in the route's own dialect, and nothing in the log.
import { afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { NextRequest } from "next/server";
import { POST as issueToken } from "@/app/api/auth/token/route";
import { POST as createPipeline } from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import { POST as createMaestro } from "@/app/platform/pipeline/route";
import { POST as createResource } from "@/app/resources/route";
import { POST as clear } from "@/app/v0/pipelines/[pipeline_name]/clear/route";
import { MAX_BODY_BYTES, MAX_JSON_DEPTH } from "@/lib/api/body";
import { proxy } from "@/proxy";
import { call, type Handler } from "../support/http";
import { makeOrg, type TestOrg } from "../support/fixtures";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});
afterEach(() => {
  vi.restoreAllMocks();
});

const v1Code = (status: number) => (status === 413 ? "request_too_large" : "parse_error");
const nested = (depth: number) => `${"[".repeat(depth)}${"]".repeat(depth)}`;
const nestedObject = (depth: number) => `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;

// Each surface's create, with what it needs besides the body.
const surfaces = (): { name: string; handler: Handler; options: Record<string, unknown>; shape: (status: number) => unknown }[] => [
  {
    name: "POST /api/auth/token",
    handler: issueToken,
    options: {},
    shape: (status) => ({ type: "client_error", errors: [{ code: v1Code(status), detail: expect.any(String), attr: null }] }),
  },
  {
    name: "§1 pipeline create",
    handler: createPipeline,
    options: { token: org.admin.token, params: { org_id: org.id } },
    shape: (status) => ({ type: "client_error", errors: [{ code: v1Code(status), detail: expect.any(String), attr: null }] }),
  },
  {
    name: "§2 Maestro create",
    handler: createMaestro,
    options: { token: org.admin.token, headers: { customer_name: org.id } },
    shape: (status) => ({ status: false, error: status === 413 ? "RequestTooLarge" : "ValidationError", detail: expect.any(String) }),
  },
  {
    name: "§3 storage clear",
    handler: clear,
    options: { token: org.admin.token, params: { pipeline_name: "nothing" } },
    shape: (status) =>
      status === 413
        ? { message: expect.any(String), error_code: "RequestTooLarge", details: { limit_bytes: MAX_BODY_BYTES } }
        : { message: expect.any(String), error_code: "InvalidRequest", details: {} },
  },
  {
    name: "§4 resource create",
    handler: createResource,
    options: { token: org.admin.token },
    shape: () => ({ detail: expect.any(String) }),
  },
];

describe("a JSON body nested too deeply", () => {
  it("is a 400 in each route's dialect, with no stack in the log", async () => {
    const logged = vi.spyOn(console, "error");
    for (const surface of surfaces()) {
      for (const raw of [nested(2_000), nestedObject(100_000), nested(MAX_JSON_DEPTH + 1)]) {
        const res = await call(surface.handler, { method: "POST", raw, ...surface.options });
        expect({ surface: surface.name, status: res.status, body: res.body }).toEqual({ surface: surface.name, status: 400, body: surface.shape(400) });
      }
    }
    expect(logged).not.toHaveBeenCalled();
  });

  it("is read as usual up to the limit", async () => {
    const res = await call(issueToken, { method: "POST", raw: nested(MAX_JSON_DEPTH) });
    // An array is not the object the schema wants: a validation error, not a depth refusal.
    expect(res.status).toBe(400);
    expect((res.body as { type: string }).type).toBe("validation_error");
  });

  it("counts brackets inside strings as text", async () => {
    const res = await call(issueToken, { method: "POST", body: { email: "x@example.com", password: "[".repeat(1_000), org: "nope" } });
    expect(res.status).toBe(401);
  });
});

describe("a body over the size limit", () => {
  const big = () => JSON.stringify({ pipeline_name: "x", description: "a".repeat(MAX_BODY_BYTES) });

  it("is a 413 in each route's dialect when read, however it was sent", async () => {
    for (const surface of surfaces()) {
      const res = await call(surface.handler, { method: "POST", raw: big(), ...surface.options });
      expect({ surface: surface.name, status: res.status, body: res.body }).toEqual({ surface: surface.name, status: 413, body: surface.shape(413) });
    }
  });

  it("is refused by the proxy from its Content-Length, before Next.js buffers (and cuts) it", async () => {
    const cases: [string, unknown][] = [
      ["/api/auth/token", { type: "client_error", errors: [{ code: "request_too_large", detail: expect.any(String), attr: null }] }],
      ["/platform/pipeline", { status: false, error: "RequestTooLarge", detail: expect.any(String) }],
      ["/v0/pipelines/x/clear", { message: expect.any(String), error_code: "RequestTooLarge", details: { limit_bytes: MAX_BODY_BYTES } }],
      ["/resources", { detail: expect.any(String) }],
    ];
    for (const [path, body] of cases) {
      const req = new NextRequest(`http://localhost${path}`, {
        method: "POST",
        headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES + 1) },
      });
      const res = proxy(req);
      expect({ path, status: res.status, body: (await res.json()) as unknown }).toEqual({ path, status: 413, body });
    }
  });

  it("lets a body at the limit through the proxy", () => {
    const req = new NextRequest("http://localhost/resources", {
      method: "POST",
      headers: { "content-type": "application/json", "content-length": String(MAX_BODY_BYTES) },
    });
    expect(proxy(req).status).toBe(200);
  });
});
