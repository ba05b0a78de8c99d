// Found probing from outside (issue 15): an unknown path under an API prefix answered Next.js's
// HTML 404 page, and a method a path does not serve a bare 405 with no body. Scripts read JSON:
// both are answered in the dialect of the surface the path belongs to, the 405 with an Allow.
import fs from "node:fs";
import path from "node:path";
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import * as unknownApi from "@/app/api/[...path]/route";
import * as unknownDeployment from "@/app/deployment/[...path]/route";
import * as unknownPlatform from "@/app/platform/[...path]/route";
import * as unknownResources from "@/app/resources/[...path]/route";
import * as unknownStorage from "@/app/v0/[...path]/route";
import { allowHeader, isRefusal, METHODS, type Method } from "@/lib/api/methods";
import { call, type Handler } from "../support/http";

const APP = path.resolve(import.meta.dirname, "../../app");

function routeFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

type RouteModule = Partial<Record<Method, Handler>>;

describe("every route file", () => {
  it("exports every method, answering those it does not serve with a JSON 405 and an Allow header", async () => {
    const files = routeFiles(APP);
    expect(files.length).toBeGreaterThan(40);
    for (const file of files) {
      const route = (await import(file)) as RouteModule;
      const where = path.relative(APP, file);
      const served = METHODS.filter((method) => route[method] && !isRefusal(route[method]));
      expect({ where, missing: METHODS.filter((method) => !route[method]) }).toEqual({ where, missing: [] });
      // An unknown-path catch-all serves nothing; its 404s are checked below.
      if (served.length === 0) continue;
      for (const method of METHODS.filter((m) => isRefusal(route[m]))) {
        const handler = route[method];
        if (!handler) continue;
        const res = await call(handler, { method, path: "/x" });
        expect({ where, method, status: res.status, allow: res.headers.get("allow"), json: typeof res.body }).toEqual({
          where,
          method,
          status: 405,
          allow: allowHeader(served),
          json: "object",
        });
      }
    }
  });

  it("words a 405 in each surface's dialect", async () => {
    const refused = async (file: string, method: Method) => {
      const route = (await import(path.join(APP, file))) as RouteModule;
      const handler = route[method];
      if (!handler) throw new Error(`${file} exports no ${method}`);
      return (await call(handler, { method, path: "/x" })).body;
    };
    expect(await refused("api/v1/unstract/[org_id]/pipeline/execute/route.ts", "GET")).toEqual({
      type: "client_error",
      errors: [{ code: "method_not_allowed", detail: 'Method "GET" not allowed.', attr: null }],
    });
    expect(await refused("platform/pipeline/pause/route.ts", "DELETE")).toEqual({ status: false, error: "MethodNotAllowed", detail: 'Method "DELETE" not allowed.' });
    expect(await refused("v0/pipelines/[pipeline_name]/clear/route.ts", "GET")).toEqual({
      message: 'Method "GET" not allowed.',
      error_code: "MethodNotAllowed",
      details: { allowed: "POST, OPTIONS" },
    });
    expect(await refused("resources/route.ts", "DELETE")).toEqual({ detail: 'Method "DELETE" not allowed.' });
  });
});

describe("an unknown path under an API prefix", () => {
  const cases: [string, RouteModule, string, unknown][] = [
    ["/api/v1/nothing/here", unknownApi, "/api", { type: "client_error", errors: [{ code: "not_found", detail: "Not found.", attr: null }] }],
    ["/deployment/x", unknownDeployment, "/deployment", { type: "client_error", errors: [{ code: "not_found", detail: "Not found.", attr: null }] }],
    ["/platform/nothing/here", unknownPlatform, "/platform", { detail: "Not Found" }],
    ["/resources/a/b", unknownResources, "/resources", { detail: "Not Found" }],
    ["/v0/nothing", unknownStorage, "/v0", { message: "Not found.", error_code: "NotFound", details: { path: "/v0/nothing" } }],
  ];

  it.each(cases)("%s answers a JSON 404 in its dialect, whatever the method", async (where, route, _prefix, body) => {
    for (const method of METHODS) {
      const handler = route[method];
      if (!handler) throw new Error(`no ${method}`);
      const res = await call(handler, { method, path: where, params: {} });
      expect({ method, status: res.status, body: res.body }).toEqual({ method, status: 404, body });
    }
  });

  it("is not a page: no HTML", async () => {
    const res = await (unknownApi.GET as Handler)(new NextRequest("http://localhost/api/nope"), { params: Promise.resolve({}) });
    expect(res.headers.get("content-type")).toContain("application/json");
  });
});
