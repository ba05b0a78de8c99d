// Where next-auth sends a browser after signing in or out: our paths and our origin only, and
// never a 500 for a callbackUrl that is not a URL (the reliability fuzzer's "fz_1" was one).
import { describe, expect, it } from "vitest";
import { authOptions } from "@/lib/auth/options";

const baseUrl = "https://pipelines.example.com";
const redirect = (url: string) => authOptions(true).callbacks!.redirect!({ url, baseUrl });

describe("the sign-in/out redirect", () => {
  it.each([
    ["/pipelines?x=1", `${baseUrl}/pipelines?x=1`],
    [`${baseUrl}/audit`, `${baseUrl}/audit`],
    ["fz_1", baseUrl],
    ["", baseUrl],
    ["https://evil.example/phish", baseUrl],
    ["//evil.example/phish", baseUrl],
    ["/\\evil.example", baseUrl],
    ["javascript:alert(1)", baseUrl],
  ])("%s → %s", async (url, target) => {
    expect(await redirect(url)).toBe(target);
  });
});
