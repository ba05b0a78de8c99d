// Issue 15, against the real server (what only Next.js's routing and body buffering can show):
// an unknown API path is a JSON 404 in its dialect while the real routes beside the catch-alls
// still answer; a method a path does not serve is a JSON 405 with Allow; a body over 10 MiB is
// a 413 whether its size is declared or it arrives chunked (Next.js used to cut it silently).
import http from "node:http";
import { expect, test } from "@playwright/test";
import { BASE_URL } from "../../playwright.config";
import { ACME, ADMIN_TOKEN } from "../support/users";

const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const MIB = 1024 * 1024;

test("unknown API paths answer JSON 404s in their dialect; the real routes beside them are not shadowed", async ({ request }) => {
  const cases: [string, unknown][] = [
    ["/api/nothing", { type: "client_error", errors: [{ code: "not_found", detail: "Not found.", attr: null }] }],
    [`/api/v1/unstract/${ACME.id}/pipeline/x/y/z/`, { type: "client_error", errors: [{ code: "not_found", detail: "Not found.", attr: null }] }],
    ["/platform/nothing/here", { detail: "Not Found" }],
    ["/resources/a/b", { detail: "Not Found" }],
    ["/v0/nothing", { message: "Not found.", error_code: "NotFound", details: { path: "/v0/nothing" } }],
  ];
  for (const [path, body] of cases) {
    const res = await request.get(path, { headers: auth, maxRedirects: 0 });
    expect({ path, status: res.status(), type: res.headers()["content-type"] }).toEqual({ path, status: 404, type: expect.stringContaining("application/json") });
    expect(await res.json()).toEqual(body);
  }
  // The routes next to the catch-alls.
  expect((await request.get(`/api/v1/unstract/${ACME.id}/pipeline/`, { headers: auth })).status()).toBe(200);
  expect(await (await request.get("/resources/65f1c0ffee0123456789abcd", { headers: auth })).json()).toEqual({ detail: "Resource not found" });
  expect((await request.get("/api/health")).status()).toBe(200);
  expect((await request.get("/api/auth/csrf")).status()).toBe(200);
});

test("a method a path does not serve is a JSON 405 with Allow", async ({ request }) => {
  const res = await request.delete("/api/health");
  expect(res.status()).toBe(405);
  expect(res.headers()["allow"]).toBe("GET, HEAD, OPTIONS");
  expect(await res.json()).toEqual({ type: "client_error", errors: [{ code: "method_not_allowed", detail: 'Method "DELETE" not allowed.', attr: null }] });
});

/** POSTs `size` bytes of a JSON string, chunked (no Content-Length) when asked; resolves status and body. */
function postLarge(path: string, size: number, chunked: boolean): Promise<{ status: number; body: string }> {
  const url = new URL(path, BASE_URL);
  return new Promise((resolve, reject) => {
    const req = http.request(url, {
      method: "POST",
      headers: { ...auth, "content-type": "application/json", ...(chunked ? {} : { "content-length": String(size) }) },
    });
    req.on("response", (res) => {
      let body = "";
      res.on("data", (chunk: Buffer) => (body += chunk.toString()));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    // The server may answer and close before the whole body is sent.
    req.on("error", reject);
    const chunk = Buffer.alloc(64 * 1024, "a");
    let sent = 0;
    req.write('{"name":"');
    sent += 9;
    const pump = () => {
      while (sent < size - 2) {
        const piece = chunk.subarray(0, Math.min(chunk.length, size - 2 - sent));
        sent += piece.length;
        if (!req.write(piece)) return void req.once("drain", pump);
      }
      req.end('"}');
    };
    pump();
  });
}

test("a body over 10 MiB is a 413 in the route's dialect, declared or chunked", async () => {
  for (const chunked of [false, true]) {
    const res = await postLarge("/resources", 12 * MIB, chunked);
    expect({ chunked, status: res.status }).toEqual({ chunked, status: 413 });
    expect(JSON.parse(res.body)).toEqual({ detail: expect.stringContaining("10 MiB") });
  }
  const storage = await postLarge("/v0/pipelines/x/clear", 11 * MIB, true);
  expect(storage.status).toBe(413);
  expect(JSON.parse(storage.body)).toMatchObject({ error_code: "RequestTooLarge" });
});

test("deep JSON to the console's sign-in (Auth.js) is refused as a client error, not a 500", async ({ request }) => {
  for (const data of [`${"[".repeat(5_000)}${"]".repeat(5_000)}`, `${'{"a":'.repeat(100_000)}1${"}".repeat(100_000)}`]) {
    const res = await request.post("/api/auth/callback/credentials", { headers: { "content-type": "application/json" }, data, maxRedirects: 0 });
    expect(res.status()).toBeLessThan(500);
  }
});
