// Every page of the console at 1280 and 390 px: axe finds nothing serious or critical, nothing
// spills out sideways, and a screenshot of each width is attached to the report.
import AxeBuilder from "@axe-core/playwright";
import { test, expect, type APIRequestContext, type Page, type TestInfo } from "@playwright/test";
import { DESKTOP, PHONE, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function axeAtBothWidths(page: Page, testInfo: TestInfo, name: string, ready: () => Promise<void>) {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await ready();
    await expect(page.getByTestId("loading")).toHaveCount(0);
    const results = await new AxeBuilder({ page }).analyze();
    const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
    const summary = serious.map((v) => `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes.map((n) => n.target.join(" ")).join("\n  ")}`).join("\n");
    expect(serious, `${name} at ${size.width} px:\n${summary}`).toEqual([]);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
        message: `${name} overflows sideways at ${size.width} px`,
      })
      .toBeLessThanOrEqual(0);
    await testInfo.attach(`${name}-${size.width}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
  await page.setViewportSize(DESKTOP);
}

const heading = (page: Page) => async () => {
  await expect(page.locator("h1").first()).toBeVisible();
};

async function createPipeline(request: APIRequestContext, label: string, body: Record<string, unknown> = {}): Promise<{ id: string; name: string }> {
  const name = `a11y_${label}_${Date.now()}`.slice(0, 32);
  const response = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, { headers: auth, data: { pipeline_name: name, ...body } });
  expect(response.status()).toBe(201);
  return { id: ((await response.json()) as { id: string }).id, name };
}

const consolePages = [
  { name: "overview", path: "/" },
  { name: "pipelines", path: "/pipelines" },
  { name: "pipeline-new", path: "/pipelines/new" },
  { name: "executions", path: "/executions" },
  { name: "connections", path: "/connections" },
  { name: "audit", path: "/audit" },
  { name: "members", path: "/members" },
  { name: "tokens", path: "/tokens" },
  { name: "api-reference", path: "/api-reference" },
  { name: "logout", path: "/logout" },
];

for (const { name, path } of consolePages) {
  test(`${name} (${path}) has no serious accessibility violation`, async ({ page }, testInfo) => {
    // The API reference lays out every operation of the OpenAPI document: axe takes its time
    // over that page at two widths on a busy 2-core machine.
    if (path === "/api-reference") test.slow();
    await signIn(page, ADMIN);
    await page.goto(path);
    await axeAtBothWidths(page, testInfo, name, heading(page));
  });
}

test("login has no serious accessibility violation", async ({ page }, testInfo) => {
  await page.goto("/login");
  await axeAtBothWidths(page, testInfo, "login", heading(page));
});

test("a pipeline page has no serious accessibility violation", async ({ page, request }, testInfo) => {
  const pipeline = await createPipeline(request, "page", { cron_string: "0 6 * * *" });
  await signIn(page, ADMIN);
  await page.goto(`/pipelines/${pipeline.id}`);
  await axeAtBothWidths(page, testInfo, "pipeline", heading(page));
  await page.getByRole("tab", { name: "Danger zone" }).click();
  await expect(page.getByTestId("danger-zone")).toBeVisible();
  await axeAtBothWidths(page, testInfo, "pipeline-danger-zone", async () => {
    await expect(page.getByTestId("clear-storage")).toBeVisible();
  });
});

test("every step of the delete wizard, and its dialog, has no serious accessibility violation", async ({ page, request }, testInfo) => {
  const pipeline = await createPipeline(request, "wizard");
  // Paused, with a reason.
  expect((await request.patch(`/api/v1/unstract/${ACME.id}/pipeline/${pipeline.id}/`, { headers: auth, data: { active: false, reason: "a11y" } })).status()).toBe(200);
  await signIn(page, ADMIN);
  for (const step of [1, 2, 3]) {
    await page.goto(`/pipelines/${pipeline.id}/delete?step=${step}`);
    await axeAtBothWidths(page, testInfo, `delete-wizard-step-${step}`, async () => {
      await expect(page.getByTestId("wizard-step-heading")).toHaveText(new RegExp(`^Step ${step} of 3`));
    });
  }
  await page.getByRole("button", { name: "Delete pipeline…" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete pipeline ${pipeline.name}?` });
  await axeAtBothWidths(page, testInfo, "delete-wizard-dialog", async () => {
    await expect(dialog).toBeVisible();
  });

  // Focus stays in the dialog: Tab from the last control comes back to the first.
  const field = dialog.getByLabel(`Type ${pipeline.name} to confirm`);
  await expect(field).toBeFocused();
  for (let i = 0; i < 6; i += 1) {
    await page.keyboard.press("Tab");
    expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  }
  await page.keyboard.press("Shift+Tab");
  expect(await dialog.evaluate((el) => el.contains(document.activeElement))).toBe(true);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByRole("button", { name: "Delete pipeline…" })).toBeFocused();

  // The server's decommission, followed on the page, to its end.
  await page.getByRole("button", { name: "Delete pipeline…" }).click();
  await dialog.getByLabel(`Type ${pipeline.name} to confirm`).fill(pipeline.name);
  await dialog.getByRole("button", { name: `Delete ${pipeline.name}` }).click();
  await expect(page.getByTestId("decommission")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await axeAtBothWidths(page, testInfo, "delete-wizard-done", async () => {
    await expect(page.getByTestId("decommission-heading")).toHaveText(`${pipeline.name} was deleted`);
  });
});
