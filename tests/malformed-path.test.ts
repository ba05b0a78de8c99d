// Found by the reliability fuzzer: a path parameter with a bad percent-encoding ("%ZZ", or
// "%D8%00", not UTF-8) was a bare 500 from Next.js before any route ran. The proxy answers it
// with a 400 in the dialect of the surface the path belongs to.
import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { proxy } from "@/proxy";

async function answer(path: string) {
  const res = proxy(new NextRequest(`http://localhost${path}`));
  return { status: res.status, body: res.status === 400 ? ((await res.json()) as unknown) : null };
}

describe("paths whose percent-encoding does not decode", () => {
  it("answer 400 in each dialect's shape", async () => {
    expect(await answer("/resources/%ZZ")).toEqual({ status: 400, body: { detail: expect.any(String) } });
    expect(await answer("/platform/pipeline/%D8%00")).toEqual({
      status: 400,
      body: { status: false, error: "ValidationError", detail: expect.any(String) },
    });
    expect(await answer("/v0/pipelines/%ZZ/clear")).toEqual({
      status: 400,
      body: { message: expect.any(String), error_code: "InvalidRequest", details: {} },
    });
    for (const path of ["/api/v1/unstract/%ZZ/pipeline/", "/api/v1/orgs/acme_corp/members/%D8%00", "/deployment/pipeline/api/%ZZ/x/"]) {
      expect(await answer(path)).toEqual({
        status: 400,
        body: { type: "client_error", errors: [{ code: "parse_error", detail: expect.any(String), attr: null }] },
      });
    }
  });

  it("leave well-formed paths to the routes", async () => {
    expect((await answer("/resources/%F0%9F%98%80")).status).toBe(200);
    expect((await answer("/api/v1/unstract/acme_corp/pipeline/")).status).toBe(200);
  });
});
