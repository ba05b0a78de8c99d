// Members and tokens pages: what an admin can do, what a member may only read, and that a
// token made in the browser works for scripts until it is revoked there.
import { test, expect } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER, uniqueEmail } from "./support/users";

test("an admin adds a member, is told about a duplicate, and removes them", async ({ page }, testInfo) => {
  const person = { email: uniqueEmail("new-member"), name: `Nia Newcomer ${Date.now()}`, password: "newcomer-password" };
  await signIn(page, ADMIN);
  await page.getByTestId("nav-members").click();
  await expect(page).toHaveURL(/\/members$/);
  await expect(page.getByTestId("nav-members")).toHaveAttribute("aria-current", "page");

  const addMember = async () => {
    await page.getByTestId("member-email").fill(person.email);
    await page.getByTestId("member-name").fill(person.name);
    await page.getByTestId("member-password").fill(person.password);
    await page.getByLabel("Role").selectOption("member");
    await page.getByRole("button", { name: "Add member" }).click();
  };

  await addMember();
  const row = page.locator(`[data-testid="member-row"][data-email="${person.email}"]`);
  await expect(row).toContainText(person.name);
  await expect(row).toContainText("member");
  await expect(page.getByTestId("add-member-success")).toContainText(person.email);
  await expect(page.getByTestId("member-email")).toHaveValue("");

  await addMember();
  await expect(page.getByTestId("member-email-error")).toHaveText("This user is already a member of this organization.");
  await expect(page.getByTestId("member-email")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("add-member-error")).toHaveCount(0);
  await attachScreenshots(page, testInfo, "members-admin");

  await row.getByTestId("remove-member").click();
  const confirm = page.getByRole("alertdialog", { name: `Remove ${person.name} from ${ACME.name}?` });
  await expect(confirm).toBeVisible();
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(row).toHaveCount(1);

  await row.getByTestId("remove-member").click();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await attachScreenshots(page, testInfo, "members-confirm-remove");
  await confirm.getByRole("button", { name: "Remove" }).click();
  await expect(row).toHaveCount(0);

  // The last admin cannot go: the page does not offer it, and says why (e2e/members-last-admin.spec.ts).
  const adminRow = page.locator(`[data-testid="member-row"][data-email="${ADMIN.email}"]`);
  await expect(adminRow.getByTestId("last-admin-note")).toHaveText("The only admin: make someone else an admin first.");
  await expect(adminRow.getByTestId("remove-member")).toHaveCount(0);
});

test("a member sees the members read-only", async ({ page }, testInfo) => {
  await signIn(page, MEMBER);
  await page.goto("/members");
  await expect(page.getByText("Only admins can add or remove members.")).toBeVisible();
  await expect(page.locator(`[data-testid="member-row"][data-email="${ADMIN.email}"]`)).toBeVisible();
  await expect(page.getByTestId("add-member-form")).toHaveCount(0);
  await expect(page.getByTestId("remove-member")).toHaveCount(0);
  await expect(page.getByTestId("change-role")).toHaveCount(0);
  await attachScreenshots(page, testInfo, "members-read-only");
});

test("a token made in the browser works for the API until revoked there", async ({ page, context, request }, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const name = `e2e script ${Date.now()}`;
  const listTokens = (token: string) =>
    request.get(`/api/v1/orgs/${ACME.id}/tokens`, { headers: { authorization: `Bearer ${token}` } });

  await signIn(page, ADMIN);
  await page.getByTestId("nav-tokens").click();
  await expect(page).toHaveURL(/\/tokens$/);

  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Expires in (days)").fill("30");
  await page.getByRole("button", { name: "Create token" }).click();

  const panel = page.getByTestId("new-token-panel");
  await expect(panel).toContainText("This token is shown once. Store it now: Sluice keeps only its hash.");
  const token = await page.getByLabel("Token", { exact: true }).inputValue();
  expect(token).toMatch(/^slt_/);
  await panel.getByRole("button", { name: "Copy" }).click();
  await expect(panel.getByTestId("copy-status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(token);

  const row = page.locator(`[data-testid="token-row"][data-name="${name}"]`);
  await expect(row).toBeVisible();
  const prefix = (await row.getByTestId("token-prefix").textContent())?.replace("…", "") ?? "";
  expect(prefix.length).toBeGreaterThan(4);
  expect(token.startsWith(prefix)).toBe(true);
  await attachScreenshots(page, testInfo, "tokens-new");

  const allowed = await listTokens(token);
  expect(allowed.status()).toBe(200);
  expect(((await allowed.json()) as { results: { name: string }[] }).results.map((t) => t.name)).toContain(name);

  await panel.getByRole("button", { name: "I have stored it" }).click();
  await expect(panel).toHaveCount(0);

  await row.getByTestId("revoke-token").click();
  const confirm = page.getByRole("alertdialog", { name: new RegExp(`^Revoke “${name}”\\?`) });
  await expect(confirm).toBeVisible();
  await attachScreenshots(page, testInfo, "tokens-confirm-revoke");
  await confirm.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toHaveCount(0);

  expect((await listTokens(token)).status()).toBe(401);
  // The seeded token of the same admin is untouched.
  expect((await listTokens(ADMIN_TOKEN)).status()).toBe(200);
});
