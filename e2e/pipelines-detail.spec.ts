// One pipeline's life in the browser: created with a job (its key shown once), edited with the
// API's own rules, scheduled, run and followed to its last log line, given keys and a Postman
// collection, and shared with a member and the org, who then sees it read-only.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const api = `/api/v1/unstract/${ACME.id}`;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const NAME = `pd${Date.now().toString(36)}`;
let pipelineUrl = "";

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target) }))).toEqual([]);
}

const tab = (page: Page, name: string) => page.getByRole("tab", { name });

test.describe.configure({ mode: "serial" });

test("create a pipeline with a sample-source job and copy its key, shown once", async ({ page, context }, testInfo) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signIn(page, ADMIN);
  await page.goto("/pipelines");
  await page.getByTestId("new-pipeline").click();
  await expect(page).toHaveURL(/\/pipelines\/new$/);

  await page.getByLabel("Name").fill(NAME);
  await page.getByLabel("Type").selectOption("ETL");
  await page.getByLabel(/^Description/).fill("Made by the e2e detail spec.");
  await page.getByRole("button", { name: "Add a job" }).click();
  // Sending without a source: the form says what is missing, beside the field.
  await page.getByRole("button", { name: "Create pipeline" }).click();
  await expect(page.getByText("Choose a source connection.")).toBeVisible();
  await page.getByLabel("Source").selectOption({ label: "Acme sample source (sample)" });
  await expect(page.getByLabel(/^Destination/)).toHaveValue("");
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipeline-new-form");

  await page.getByRole("button", { name: "Create pipeline" }).click();
  const panel = page.getByTestId("key-once-panel");
  await expect(panel.getByRole("heading")).toHaveText(`Pipeline “${NAME}” created`);
  await expect(panel).toContainText("This API key is shown once.");
  const key = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^[0-9a-f-]{36}$/);
  await panel.getByRole("button", { name: "Copy" }).click();
  await expect(panel.getByTestId("copy-key-status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(key);
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipeline-created-key");

  await panel.getByRole("link", { name: `Open ${NAME}` }).click();
  await expect(page.getByTestId("pipeline-name")).toHaveText(NAME);
  pipelineUrl = new URL(page.url()).pathname;
  await expect(page.getByTestId("pipeline-active-badge")).toHaveText("Active");
});

test("edit the settings with the API's rules, and schedule it", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto(pipelineUrl);
  await expect(tab(page, "Overview")).toHaveAttribute("aria-selected", "true");
  const form = page.getByTestId("pipeline-edit-form");

  // 33 characters: refused in the browser by the same schema as the server's.
  await form.getByLabel("Name").fill("x".repeat(33));
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("edit-name-error")).toHaveText("Ensure this field has no more than 32 characters.");
  await expect(form.getByLabel("Name")).toHaveAttribute("aria-invalid", "true");
  await form.getByLabel("Name").fill(NAME);

  await form.getByLabel("Description").fill("Nightly copy of the sample source.");
  // A schedule the server refuses: its message shows beside the cron as it is typed, and again after a save.
  await form.getByLabel("Schedule (cron)").fill("*/10 * * * *");
  await expect(page.getByTestId("cron-error")).toContainText("Schedules must be at least 30 minutes apart");
  await form.getByRole("button", { name: "Save changes" }).click();
  // The server's answer first: the message above is also the as-you-type one, so it alone does
  // not say the save came back (an answer landing after the next edit would cover its message).
  await expect(page.getByTestId("edit-status")).toHaveText("Not saved.");
  await expect(page.getByTestId("cron-error")).toContainText("Schedules must be at least 30 minutes apart");

  await form.getByLabel("Schedule (cron)").fill("0 61 * * *");
  await expect(page.getByTestId("cron-error")).toHaveText("hour 61 is outside 0–23.");
  await form.getByRole("button", { name: "Weekdays at 09:00" }).click();
  await expect(form.getByLabel("Schedule (cron)")).toHaveValue("0 9 * * 1-5");
  await form.getByLabel("Timezone").fill("berlin");
  await page.getByRole("option", { name: /^Europe\/Berlin \(UTC[+-]\d\d:\d\d\)$/ }).click();
  await expect(page.getByTestId("cron-words")).toContainText("At 09:00, Monday through Friday");
  await expect(page.getByTestId("cron-words")).toContainText("Europe/Berlin");
  await expect(page.getByTestId("cron-next-runs").getByRole("listitem")).toHaveCount(5);
  await expect(page.getByTestId("cron-next-runs")).toContainText("09:00");
  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("edit-status")).toHaveText("Saved.");
  // The next weekday 09:00 in Berlin: "in 40 minutes", "tomorrow" or "in 3 days", by when this runs.
  await expect(page.getByTestId("fact-next-run")).toHaveText(/^(in .+|tomorrow)$/);
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipeline-overview");

  await page.reload();
  await expect(page.getByTestId("pipeline-edit-form").getByLabel("Description")).toHaveValue("Nightly copy of the sample source.");
  await expect(page.getByTestId("pipeline-edit-form").getByLabel("Schedule (cron)")).toHaveValue("0 9 * * 1-5");
});

test("run it, watch the execution complete and read its log", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto(pipelineUrl);
  await page.getByRole("button", { name: "Run now" }).click();
  await expect(page.getByTestId("pipeline-status")).toContainText("Run started");
  await page.getByRole("button", { name: "Follow it under Executions" }).click();
  await expect(tab(page, "Executions")).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/#executions$/);

  const run = page.getByTestId("execution-row").first();
  await expect(run).toBeVisible();
  await expect(run).toHaveAttribute("data-status", "COMPLETED", { timeout: 30_000 });
  await expect(run.getByTestId("execution-status")).toHaveText("Completed");
  await expect(run.getByTestId("execution-trigger")).toHaveText(ADMIN.email);

  await run.getByRole("button", { name: /^Logs/ }).click();
  const drawer = page.getByRole("dialog", { name: /^Logs of run/ });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("log")).toContainText("Run started (DIRECT).");
  await expect(drawer.getByRole("log")).toContainText("Run completed");
  await expect(drawer.getByTestId("logs-state")).toContainText("Run completed.");
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipeline-logs");
  await page.keyboard.press("Escape");
  await expect(drawer).toBeHidden();
  await expect(run.getByRole("button", { name: /^Logs/ })).toBeFocused();

  // Keyboard: the tabs move with the arrow keys.
  await tab(page, "Executions").focus();
  await page.keyboard.press("ArrowLeft");
  await expect(tab(page, "Overview")).toBeFocused();
  await expect(tab(page, "Overview")).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("run-history-bars")).toHaveAttribute("aria-label", /1 completed/);
  await expect(page.getByTestId("fact-runs")).toHaveText("1");

  await page.keyboard.press("ArrowRight");
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipeline-executions");
});

test("create a key, switch keys off and on, download the Postman collection", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto(`${pipelineUrl}#keys`);
  await expect(tab(page, "Keys")).toHaveAttribute("aria-selected", "true");
  const keyRows = page.getByTestId("key-row");
  await expect(keyRows).toHaveCount(1);

  await page.getByLabel("Description").fill("e2e script key");
  await page.getByRole("button", { name: "Create key" }).click();
  const panel = page.getByTestId("key-once-panel");
  await expect(panel).toContainText("This API key is shown once.");
  const key = await page.getByLabel("API key", { exact: true }).inputValue();
  expect(key).toMatch(/^[0-9a-f-]{36}$/);
  await expect(keyRows).toHaveCount(2);
  await attachScreenshots(page, testInfo, "pipeline-key-created");
  await panel.getByRole("button", { name: "I have stored it" }).click();
  await expect(panel).toHaveCount(0);

  // Every key off: the collection cannot be made, and the button says why.
  for (const name of [`Active: API Key for ${NAME}`, "Active: e2e script key"]) {
    const toggle = page.getByRole("switch", { name });
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-checked", "false");
  }
  const download = page.getByTestId("postman-download");
  await expect(download).toBeDisabled();
  await expect(page.getByTestId("postman-refusal")).toContainText("No active key");
  await expect(download).toHaveAccessibleDescription(/No active key/);
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipeline-keys");

  await page.getByRole("switch", { name: "Active: e2e script key" }).click();
  await expect(page.getByRole("switch", { name: "Active: e2e script key" })).toHaveAttribute("aria-checked", "true");
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Postman collection" }).click()]);
  expect(file.suggestedFilename()).toBe(`${NAME}.json`);

  // Delete the auto-created key, after a confirmation.
  const first = page.locator(`[data-testid="key-row"][data-description="API Key for ${NAME}"]`);
  await first.getByRole("button", { name: /^Delete/ }).click();
  const confirm = page.getByRole("alertdialog", { name: /^Delete API Key for/ });
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(keyRows).toHaveCount(1);
});

test("share with the member and with the org; the member then sees it read-only", async ({ page, browser, request }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto(`${pipelineUrl}#sharing`);
  await page.getByLabel("Share with", { exact: true }).selectOption({ label: `${MEMBER.name} (${MEMBER.email})` });
  await page.getByRole("button", { name: "Add" }).click();
  await expect(page.locator(`[data-testid="shared-user"][data-email="${MEMBER.email}"]`)).toBeVisible();
  await expect(page.getByTestId("sharing-status")).toHaveText(`Shared with ${MEMBER.name}.`);

  const orgSwitch = page.getByRole("switch", { name: `Share with everyone in ${ACME.name}` });
  await expect(orgSwitch).toHaveAttribute("aria-checked", "false");
  await orgSwitch.click();
  await expect(orgSwitch).toHaveAttribute("aria-checked", "true");
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipeline-sharing");

  const id = pipelineUrl.split("/").pop() ?? "";
  const users = (await (await request.get(`${api}/pipeline/${id}/users/`, { headers: auth })).json()) as {
    shared_users: { username: string }[];
    shared_to_org: boolean;
  };
  expect(users.shared_users.map((u) => u.username)).toEqual([MEMBER.email]);
  expect(users.shared_to_org).toBe(true);

  // The member: can see it and its keys (shared with them), not change it nor the admin's key.
  const memberContext = await browser.newContext();
  const member = await memberContext.newPage();
  await signIn(member, MEMBER);
  await member.goto(`${pipelineUrl}#sharing`);
  await expect(member.getByTestId("sharing-refusal")).toContainText("Only the owner or an admin can change this pipeline.");
  await expect(member.getByRole("switch", { name: `Share with everyone in ${ACME.name}` })).toHaveAttribute("aria-disabled", "true");
  await expect(member.getByTestId("share-form")).toHaveCount(0);
  await tab(member, "Executions").click();
  await expect(member.getByTestId("executions-refused")).toHaveText("Only the owner or an admin can see this pipeline's executions.");
  await tab(member, "Overview").click();
  await expect(member.getByTestId("settings-refusal")).toBeVisible();
  await expect(member.getByTestId("pipeline-edit-form").getByLabel("Description")).toBeDisabled();
  await tab(member, "Keys").click();
  await expect(member.getByTestId("key-row")).toHaveCount(1);
  await expect(member.getByTestId("key-change-refusal")).toBeVisible();
  await expect(member.getByTestId("key-row").getByRole("switch")).toHaveCount(0);
  await expectAccessible(member);
  await attachScreenshots(member, testInfo, "pipeline-member-keys");
  await memberContext.close();
});
