// Issue 15: a token made by signing in (POST /api/auth/token) expires after TOKEN_TTL_DAYS (90 by
// default), and the tokens page says when; the seeded admin token never expires.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/console";
import { ACME, ADMIN } from "./support/users";

test("the tokens page shows when a signed-in script's token expires: in 90 days", async ({ page, request }) => {
  const name = `expiring script ${Date.now()}`;
  const issued = await request.post("/api/auth/token", { data: { email: ADMIN.email, password: ADMIN.password, org: ACME.id, name } });
  expect(issued.status()).toBe(201);
  const expiresAt = new Date(((await issued.json()) as { expires_at: string }).expires_at);
  expect(Math.round((expiresAt.getTime() - Date.now()) / 86_400_000)).toBe(90);

  await signIn(page, ADMIN);
  await page.getByTestId("nav-tokens").click();
  const row = page.locator(`[data-testid="token-row"][data-name="${name}"]`);
  const shown = new Intl.DateTimeFormat("en", { dateStyle: "medium" }).format(expiresAt);
  await expect(row.getByTestId("token-expires")).toContainText(shown);
  await expect(page.locator('[data-testid="token-row"][data-name="Seed admin token"]').getByTestId("token-expires")).toHaveText("never");
});
