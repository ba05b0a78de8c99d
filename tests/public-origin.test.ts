// The origin every absolute URL is built on: PUBLIC_URL when set, else the request's own Host,
// and a proxy's X-Forwarded-Host/-Proto only when TRUST_PROXY says a proxy is there.
import { afterEach, describe, expect, it, vi } from "vitest";

const settings = vi.hoisted(() => ({ PUBLIC_URL: undefined as string | undefined, TRUST_PROXY: 0 }));
vi.mock("@/lib/env", async (importOriginal) => {
  const actual = await importOriginal<typeof import("@/lib/env")>();
  return { ...actual, env: () => ({ ...actual.env(), ...settings }) };
});

const { publicOrigin, publicUrl, requestOrigin } = await import("@/lib/api/public-origin");

// Next.js hands route handlers a URL on localhost:PORT whatever the client addressed.
const request = (headers: Record<string, string>) => new Request("http://localhost:3000/api/x?a=1", { headers });

afterEach(() => {
  settings.PUBLIC_URL = undefined;
  settings.TRUST_PROXY = 0;
});

describe("requestOrigin", () => {
  it.each([
    ["the Host the client addressed, over http", { host: "console.example:8080" }, 0, "http://console.example:8080"],
    ["untrusted X-Forwarded-Host/-Proto are ignored", { host: "console.example", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" }, 0, "http://console.example"],
    ["a trusted proxy's host and scheme", { host: "10.0.0.5:3000", "x-forwarded-host": "pipelines.example.com", "x-forwarded-proto": "https" }, 1, "https://pipelines.example.com"],
    ["the proxy's entry, not the client's, in a list", { host: "10.0.0.5", "x-forwarded-host": "evil.example, pipelines.example.com" }, 1, "http://pipelines.example.com"],
    ["a trusted proxy that passes Host on unchanged", { host: "pipelines.example.com", "x-forwarded-proto": "https" }, 1, "https://pipelines.example.com"],
    ["a Host that is no host: the URL's own", { host: "evil.example/x?y" }, 0, "http://localhost:3000"],
    ["no Host at all: the URL's own", {}, 0, "http://localhost:3000"],
    ["IPv6 Host", { host: "[::1]:3000" }, 0, "http://[::1]:3000"],
  ] as const)("%s", (_case, headers, hops, origin) => {
    expect(requestOrigin(request(headers), hops)).toBe(origin);
  });
});

describe("publicOrigin", () => {
  it("is PUBLIC_URL when set, whatever the request says", () => {
    settings.PUBLIC_URL = "https://pipelines.example.com";
    settings.TRUST_PROXY = 1;
    expect(publicOrigin(request({ host: "10.0.0.5:3000", "x-forwarded-host": "other.example" }))).toBe("https://pipelines.example.com");
    expect(publicUrl(request({}), "/api/v1/x/?page=2").toString()).toBe("https://pipelines.example.com/api/v1/x/?page=2");
  });

  it("is the request's origin, by TRUST_PROXY, when PUBLIC_URL is unset", () => {
    const req = request({ host: "10.0.0.5:3000", "x-forwarded-host": "pipelines.example.com", "x-forwarded-proto": "https" });
    expect(publicOrigin(req)).toBe("http://10.0.0.5:3000");
    settings.TRUST_PROXY = 1;
    expect(publicOrigin(req)).toBe("https://pipelines.example.com");
  });
});
