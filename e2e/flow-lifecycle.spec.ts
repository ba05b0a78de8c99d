// The whole life of a pipeline as a person lives it in the browser: a source connection, a
// pipeline reading it, a run, then the delete wizard from the counts to the typed name and the
// server's decommission to its end; a second tab on the pipelines list sees it go without a reload.
import { test, expect, type APIRequestContext } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function pipelineIdByName(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.get(`/api/v1/unstract/${ACME.id}/pipeline/?search=${encodeURIComponent(name)}`, { headers: auth });
  expect(response.status()).toBe(200);
  const body = (await response.json()) as { results: { id: string; pipeline_name: string }[] };
  const found = body.results.find((p) => p.pipeline_name === name);
  expect(found, `pipeline ${name} exists`).toBeTruthy();
  return found?.id ?? "";
}

test("create, run and delete a pipeline through the wizard; other tabs see it go", async ({ page, context, request }, testInfo) => {
  test.setTimeout(240_000);
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const stamp = Date.now();
  const sourceName = `flow source ${stamp}`;
  const name = `flow_${stamp}`;

  await signIn(page, ADMIN);

  // A source with enough records for a clear to take a visible moment.
  await page.getByTestId("nav-connections").click();
  await expect(page).toHaveURL(/\/connections$/);
  await page.getByLabel("Name", { exact: true }).fill(sourceName);
  await page.getByLabel("Connector", { exact: true }).selectOption("sample");
  await page.getByLabel("Config (JSON)").fill(JSON.stringify({ count: 20000, batch_size: 2000 }));
  await page.getByRole("button", { name: "Create connection" }).click();
  await expect(page.locator(`[data-testid="resource-row"][data-name="${sourceName}"]`)).toBeVisible();

  // The pipeline, with one job reading that source, made on the create page.
  await page.goto("/pipelines/new");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByRole("button", { name: "Add a job" }).click();
  await page.getByLabel("Source").selectOption({ label: `${sourceName} (sample)` });
  await page.getByRole("button", { name: "Create pipeline" }).click();
  await expect.poll(() => request.get(`/api/v1/unstract/${ACME.id}/pipeline/?search=${name}`, { headers: auth }).then((r) => r.json()).then((b: { count: number }) => b.count)).toBe(1);
  const id = await pipelineIdByName(request, name);

  // Run it from its page, and watch it complete on the executions page.
  await page.goto(`/pipelines/${id}`);
  await expect(page.getByTestId("pipeline-name")).toHaveText(name);
  await page.getByRole("button", { name: "Run now" }).click();
  await page.getByTestId("nav-executions").click();
  // A client-side navigation: on a loaded machine the route's code and data took over 10 s.
  await expect(page).toHaveURL(/\/executions$/, { timeout: 30_000 });
  const runRow = page.getByTestId("execution-row").filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(runRow).toHaveCount(1, { timeout: 30_000 });
  await expect(runRow).toHaveAttribute("data-status", "COMPLETED", { timeout: 90_000 });
  await expect(runRow).toContainText("20,000");

  // A second tab watches the pipelines list.
  const other = await context.newPage();
  await other.goto("/pipelines");
  const otherRow = other.locator('[data-testid="pipeline-row"]', { hasText: name });
  await expect(otherRow).toBeVisible();

  // Step 1: what goes, counted by the server.
  await page.goto(`/pipelines/${id}/delete`);
  await expect(page.getByRole("heading", { name: `Delete ${name}` })).toBeVisible();
  await expect(page.getByTestId("wizard-step-1")).toHaveAttribute("aria-current", "step");
  await expect(page.getByTestId("impact-executions")).toHaveText(/^[1-9][\d,]* runs?$/);
  await expect(page.getByTestId("impact-storage-records")).toHaveText(/^[1-9][\d,]* records? \(/);
  await expect(page.getByTestId("impact-kept-resources")).toContainText(sourceName);
  await attachScreenshots(page, testInfo, "wizard-step-1");

  await expect(page.getByTestId("download-config")).toBeVisible();

  // Step 2: pause, with a reason; it says Paused, who and why, and nothing runs.
  await page.getByRole("link", { name: "Continue to step 2" }).click();
  await expect(page).toHaveURL(/step=2$/);
  await expect(page.getByTestId("wizard-step-2")).toHaveAttribute("aria-current", "step");
  await expect(page.getByTestId("wizard-step-heading")).toBeFocused();
  await page.getByRole("button", { name: "Pause pipeline…" }).click();
  await page.getByTestId("confirm-pause-reason").fill("retiring the flow pipeline");
  await page.getByTestId("confirm-pause-reason").press("Enter");
  await expect(page.getByTestId("pipeline-active-state")).toHaveText("Paused");
  await expect(page.getByTestId("pipeline-pause-summary")).toContainText(`by ${ADMIN.email}`);
  await expect(page.getByTestId("pipeline-pause-summary")).toContainText("retiring the flow pipeline");
  await expect(page.getByTestId("running-count")).toHaveText("Nothing is running.");
  await expect(page.getByTestId("wizard-step-2")).toHaveAttribute("data-done", "true");
  await attachScreenshots(page, testInfo, "wizard-step-2");

  // Leave and come back: the state is the server's, the step is the URL's.
  await page.getByTestId("wizard-step-1").click();
  await expect(page).toHaveURL(/step=1$/);
  await page.goto(`/pipelines/${id}/delete?step=2`);
  await expect(page.getByTestId("pipeline-active-state")).toHaveText("Paused");

  // Step 3: what the server will still do, then the typed name.
  await page.getByRole("link", { name: "Continue to step 3" }).click();
  await expect(page.getByTestId("check-paused")).toHaveAttribute("data-ok", "true");
  await expect(page.getByTestId("check-cleared")).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("remaining-work")).toContainText("clear its storage, then delete it");
  const opener = page.getByRole("button", { name: "Delete pipeline…" });
  await opener.click();
  const dialog = page.getByRole("alertdialog", { name: `Delete pipeline ${name}?` });
  await expect(dialog).toBeVisible();
  const typed = dialog.getByLabel(`Type ${name} to confirm`);
  await expect(typed).toBeFocused();
  const confirm = dialog.getByRole("button", { name: `Delete ${name}` });
  await expect(confirm).toBeDisabled();
  await typed.fill(name.toUpperCase());
  await expect(confirm).toBeDisabled();
  await typed.fill(`  ${name}  `);
  await expect(confirm).toBeEnabled();
  await attachScreenshots(page, testInfo, "wizard-delete-dialog");

  // Esc changes nothing and gives the focus back.
  await page.keyboard.press("Escape");
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  expect((await request.get(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, { headers: auth })).status()).toBe(200);

  // Pasted, with spaces around it, as people paste.
  await opener.click();
  await expect(typed).toHaveValue("");
  await page.evaluate((text) => navigator.clipboard.writeText(text), `  ${name} `);
  await typed.focus();
  await page.keyboard.press("ControlOrMeta+V");
  await expect(typed).toHaveValue(`  ${name} `);
  await dialog.getByLabel("Reason (optional, kept in the audit log)").fill("flow spec cleanup");
  await expect(confirm).toBeEnabled();
  await confirm.click();

  // The server takes over: the page follows its steps to the end, the clear included.
  const plan = page.getByTestId("decommission");
  await expect(plan).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`/pipelines/${id}/delete$`));
  await expect(plan).toHaveAttribute("data-state", "done", { timeout: 90_000 });
  await expect(page.getByTestId("decommission-heading")).toHaveText(`${name} was deleted`);
  await expect(page.getByTestId("decommission-step-clearing")).toContainText("Cleared 20,000 rows.");
  await expect(page.getByTestId("decommission-step-pausing")).toContainText(`Already paused by ${ADMIN.email}.`);
  await expect(page.getByTestId("toast").filter({ hasText: `Pipeline ${name} was deleted.` })).toBeVisible();
  await attachScreenshots(page, testInfo, "wizard-decommission-done");
  expect((await request.get(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, { headers: auth })).status()).toBe(404);
  await page.getByTestId("decommission-back").click();
  await expect(page).toHaveURL(/\/pipelines$/);
  await expect(page.locator('[data-testid="pipeline-row"]', { hasText: name })).toHaveCount(0);

  // The other tab never reloaded: the live events took the row away.
  await expect(otherRow).toHaveCount(0);
  await other.close();
});
