// Auth.js's POST routes take only what next-auth can handle: anything else is a 4xx in the DRF
// shape of /api/auth/token, never a 500 from inside next-auth (the reliability fuzzer found
// malformed JSON, non-string fields and deep nesting answered 500 without signing in).
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { call, type CallOptions, type Handler } from "../support/http";

const at = (action: string, options: CallOptions) =>
  call(POST as unknown as Handler, { method: "POST", ...options, params: { nextauth: action.split("/") } as unknown as Record<string, string> });

const drf = (code: string) => ({ type: "client_error", errors: [expect.objectContaining({ code })] });
const validation = (attr: string | null) => ({ type: "validation_error", errors: [expect.objectContaining({ attr })] });

describe("POST /api/auth/…", () => {
  it.each(["session", "signout", "callback/credentials"])("%s: malformed JSON is a 400 parse error", async (action) => {
    const res = await at(action, { raw: '{"csrfToken": ' });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(drf("parse_error"));
  });

  it.each(["session", "callback/credentials"])("%s: JSON nested 100,000 deep is a 400", async (action) => {
    const res = await at(action, { raw: `${"[".repeat(100_000)}${"]".repeat(100_000)}` });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ type: "client_error", errors: [expect.objectContaining({ code: "parse_error", detail: expect.stringContaining("nesting deeper than 64 levels") })] });
  });

  it("refuses a field that is not a string, naming it", async () => {
    const res = await at("callback/credentials", { body: { email: ["a@example.com"], password: "x", callbackUrl: 1 } });
    expect(res.status).toBe(400);
    expect(res.body).toEqual(validation("email"));
    expect((await at("signout", { body: [1, 2] })).body).toEqual(validation(null));
  });

  it("refuses a body of another media type with 415", async () => {
    const res = await at("callback/credentials", { raw: "<x/>", contentType: "application/xml" });
    expect(res.status).toBe(415);
  });

  // What next-auth handles still reaches it (it reads cookies() then, which only a real request
  // scope has, so it is proven end to end): a form sign-in in e2e/auth.spec.ts, a session
  // update's JSON {csrfToken, data} in e2e/org-switcher.spec.ts.
});
