// Served over HTTPS (a trusted proxy terminating TLS says so in X-Forwarded-Proto, or PUBLIC_URL
// is https): every answer carries HSTS, and the session cookie is Secure and __Host- prefixed, so
// a browser never sends it over plain HTTP nor lets a sibling subdomain set it. Over plain HTTP
// neither applies (a browser would drop a Secure cookie there and the console could not sign in).
// The shared e2e server trusts one proxy hop (TRUST_PROXY=1): the spec plays the proxy.
import { expect, test, type APIRequestContext } from "@playwright/test";
import { ADMIN } from "../support/users";

const HTTPS = { "x-forwarded-proto": "https" };

async function signIn(request: APIRequestContext, client: string, extra: Record<string, string>) {
  const headers = { "x-forwarded-for": client, ...extra };
  const csrf = await request.get("/api/auth/csrf", { headers });
  const csrfCookie = csrf.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value.split(";")[0]).join("; ");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    headers: { ...headers, cookie: csrfCookie },
    form: { csrfToken, email: ADMIN.email, password: ADMIN.password, json: "true", callbackUrl: "/" },
    maxRedirects: 0,
  });
}

const setCookies = (res: { headersArray: () => { name: string; value: string }[] }) =>
  res.headersArray().filter((h) => h.name.toLowerCase() === "set-cookie").map((h) => h.value);

test.describe("over HTTPS behind the trusted proxy", () => {
  test("every answer carries Strict-Transport-Security; plain HTTP answers do not", async ({ request }) => {
    for (const path of ["/login", "/api/health", "/api/openapi.json"]) {
      const secure = await request.get(path, { headers: HTTPS });
      expect(secure.headers()["strict-transport-security"], path).toBe("max-age=31536000");
      const plain = await request.get(path);
      expect(plain.headers()["strict-transport-security"], path).toBeUndefined();
    }
  });

  test("signing in sets a __Host- session cookie, Secure and HttpOnly, that signs the next request in", async ({ request }) => {
    const res = await signIn(request, "198.18.0.1", HTTPS);
    expect(res.status()).toBe(200);
    const session = setCookies(res).find((c) => c.includes("session-token="));
    expect(session).toMatch(/^__Host-next-auth\.session-token=[^;]+/);
    expect(session).toMatch(/;\s*Secure/i);
    expect(session).toMatch(/;\s*HttpOnly/i);
    expect(session).toMatch(/;\s*Path=\/(;|$)/i);
    expect(session).not.toMatch(/;\s*Domain=/i);
    const cookie = session!.split(";")[0]!;
    const me = await request.get("/api/v1/me", { headers: { ...HTTPS, cookie } });
    expect(me.status()).toBe(200);
    expect(((await me.json()) as { email: string }).email).toBe(ADMIN.email);
    // Every cookie the sign-in set over HTTPS is Secure.
    for (const c of setCookies(res)) expect(c, c.split("=")[0]).toMatch(/;\s*Secure/i);
  });

  test("over plain HTTP the session cookie is the plain one, without Secure", async ({ request }) => {
    const res = await signIn(request, "198.18.0.2", {});
    expect(res.status()).toBe(200);
    const session = setCookies(res).find((c) => c.includes("session-token="));
    expect(session).toMatch(/^next-auth\.session-token=/);
    expect(session).not.toMatch(/;\s*Secure/i);
  });
});
