// Password guessing at the console's sign-in meets a limit: after 5 failures for one email from
// one client (or 50 from one client), the credentials callback answers 429 with Retry-After,
// and the login form says to wait. Each test poses as its own client (X-Forwarded-For, believed
// because the e2e server trusts one proxy hop: the spec plays that proxy) so the rest of the
// suite, signing in from the socket's own address, is never held back.
import { test, expect, type APIRequestContext } from "@playwright/test";
import { ADMIN, MEMBER, uniqueEmail } from "./support/users";

const client = (n: number) => ({ "x-forwarded-for": `203.0.113.${n}` });

async function signInCall(request: APIRequestContext, headers: Record<string, string>, email: string, password: string) {
  const csrf = await request.get("/api/auth/csrf", { headers });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  return request.post("/api/auth/callback/credentials", {
    headers,
    form: { csrfToken, email, password, json: "true", callbackUrl: "/" },
  });
}

test("the 6th failed sign-in for an email is 429 with Retry-After, even with the right password", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 5; i++) {
    const res = await signInCall(request, client(1), MEMBER.email, `wrong-${i}`);
    expect(res.status()).toBe(401);
    expect(((await res.json()) as { url: string }).url).toContain("error=CredentialsSignin");
  }
  const refused = await signInCall(request, client(1), MEMBER.email, MEMBER.password);
  expect(refused.status()).toBe(429);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(14 * 60);
  expect(retryAfter).toBeLessThanOrEqual(15 * 60);
  expect(((await refused.json()) as { url: string }).url).toMatch(/\/login\?error=TooManyAttempts$/);
  expect(refused.headers()["set-cookie"] ?? "").not.toContain("session-token");

  // The account itself is not locked: the same person from another client gets in.
  const elsewhere = await signInCall(request, client(2), MEMBER.email, MEMBER.password);
  expect(elsewhere.status()).toBe(200);
  expect(elsewhere.headers()["set-cookie"]).toContain("next-auth.session-token=");
  await request.dispose();
});

test("successes never count: signing in right again and again is never limited", async ({ playwright, baseURL }) => {
  const request = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 8; i++) {
    const res = await signInCall(request, client(3), ADMIN.email, ADMIN.password);
    expect(res.status()).toBe(200);
  }
  await request.dispose();
});

test("50 failures from one client, over many emails, stop that client for any email", async ({ playwright, baseURL }) => {
  test.setTimeout(120_000);
  const request = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 50; i++) {
    const res = await signInCall(request, client(4), uniqueEmail(`guess${i}`), "guess");
    expect(res.status()).toBe(401);
  }
  const refused = await signInCall(request, client(4), ADMIN.email, ADMIN.password);
  expect(refused.status()).toBe(429);
  expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
  await request.dispose();
});

test("the login form says to wait once the limit is reached", async ({ page }) => {
  await page.setExtraHTTPHeaders(client(5));
  await page.goto("/login");
  const alert = page.locator("form").getByRole("alert");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(MEMBER.email);
    await page.getByLabel("Password").fill(`wrong-${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(alert).toHaveText("Wrong email or password.");
    await expect(page.getByRole("button", { name: "Sign in" })).toBeEnabled();
  }
  await page.getByLabel("Password").fill(MEMBER.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(alert).toHaveText("Too many failed attempts. Wait a few minutes, then try again.");
  await expect(page).toHaveURL(/\/login/);
});
