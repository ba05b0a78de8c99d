// A person in two orgs switches between them, and every view and the API follow the switch.
import { test, expect } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, GLOBEX, GLOBEX_ADMIN, uniqueEmail } from "./support/users";

test("switching to Globex shows Globex everywhere and moves the session", async ({ page, request }, testInfo) => {
  const person = { email: uniqueEmail("two-orgs"), name: "Tess Twoorgs", password: "two-orgs-password" };

  const inAcme = await request.post(`/api/v1/orgs/${ACME.id}/members`, {
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    data: { ...person, role: "member" },
  });
  expect(inAcme.status()).toBe(201);

  const issued = await request.post("/api/auth/token", {
    data: { email: GLOBEX_ADMIN.email, password: GLOBEX_ADMIN.password, org: GLOBEX.id },
  });
  expect(issued.status()).toBe(201);
  const { token: globexToken } = (await issued.json()) as { token: string };
  // An existing user keeps their password: the one sent here must not open the account.
  const inGlobex = await request.post(`/api/v1/orgs/${GLOBEX.id}/members`, {
    headers: { authorization: `Bearer ${globexToken}` },
    data: { ...person, password: "another-password", role: "admin" },
  });
  expect(inGlobex.status()).toBe(201);

  await signIn(page, person);
  const organization = page.getByLabel("Organization");
  await expect(organization).toHaveValue(ACME.id);
  await expect(page.getByTestId("overview-org")).toHaveText(ACME.name);
  await expect(page.getByText("You are a member of")).toBeVisible();

  await organization.selectOption({ label: GLOBEX.name });

  await expect(page.getByTestId("overview-org")).toHaveText(GLOBEX.name);
  await expect(page.getByText("You are an admin of")).toBeVisible();
  await expect(page.getByTestId("org-switcher").locator("option:checked")).toHaveText(GLOBEX.name);
  await expect(organization).toBeEnabled();
  await attachScreenshots(page, testInfo, "overview-after-switch");

  const me = await page.request.get("/api/v1/me");
  expect(me.status()).toBe(200);
  expect(await me.json()).toMatchObject({ email: person.email, org: GLOBEX.id, role: "admin" });

  // Other pages follow the new org too.
  await page.getByTestId("nav-members").click();
  const table = page.getByTestId("members-table");
  await expect(table).toContainText(GLOBEX_ADMIN.email);
  await expect(table).not.toContainText(ADMIN.email);

  // A reload keeps the switched org: it lives in the session, not in the page.
  await page.reload();
  await expect(organization).toHaveValue(GLOBEX.id);
});
