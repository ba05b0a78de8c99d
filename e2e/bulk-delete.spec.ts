// Deleting several pipelines from the list (issue 11): the dialog says what goes, pipeline by
// pipeline and in all, asks for the phrase "delete N pipelines" and a reason, then follows each
// pipeline's decommission on the server until it is deleted. A member is offered only their own.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const api = `/api/v1/unstract/${ACME.id}`;
const org = `/api/v1/orgs/${ACME.id}`;
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };
const PREFIX = `bd${Date.now().toString(36)}`;
const REASON = "Replaced by the warehouse sync (issue 11)";

test.describe.configure({ mode: "serial" });

async function json<T>(response: Promise<import("@playwright/test").APIResponse>, status: number): Promise<T> {
  const answer = await response;
  expect(answer.status(), await answer.text()).toBe(status);
  return (await answer.json()) as T;
}

async function createPipeline(request: APIRequestContext, headers: Record<string, string>, body: Record<string, unknown>): Promise<string> {
  return (await json<{ id: string }>(request.post(`${api}/pipeline/`, { headers, data: body }), 201)).id;
}

/** Active, scheduled, and with 2,000 stored records from one completed run. */
async function pipelineWithStorage(request: APIRequestContext, name: string): Promise<string> {
  const source = await json<{ id: string }>(
    request.post("/resources", { headers: admin, data: { name: `${name} source`, kind: "source", connector: "sample", config: { count: 2000 } } }),
    201,
  );
  const id = await createPipeline(request, admin, { pipeline_name: name, cron_string: "0 2 * * *", jobs: [{ name: "all", source: source.id }] });
  const run = await json<{ execution: { execution_id: string } }>(request.post(`${api}/pipeline/execute/`, { headers: admin, data: { pipeline_id: id } }), 200);
  await expect
    .poll(async () => (await json<{ status: string }>(request.get(`${org}/executions/${run.execution.execution_id}`, { headers: admin }), 200)).status, {
      timeout: 30_000,
    })
    .toBe("COMPLETED");
  return id;
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target) }))).toEqual([]);
}

const row = (page: Page, name: string) => page.locator(`[data-testid="pipeline-row"][data-name="${name}"]`);
const select = (page: Page, name: string) => row(page, name).getByRole("checkbox", { name: `Select ${name}` }).check();
const impactRow = (page: Page, name: string) => page.locator(`[data-testid="bulk-delete-impact"][data-name="${name}"]`);
const result = (page: Page, name: string) => page.locator(`[data-testid="bulk-delete-result"][data-name="${name}"]`);

test("an admin deletes three pipelines: impact first, the exact phrase, then each one's progress to Deleted", async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const stored = `${PREFIX}-stored`;
  const paused = `${PREFIX}-paused`;
  const shared = `${PREFIX}-shared`;
  const ids = {
    [stored]: await pipelineWithStorage(request, stored),
    [paused]: await createPipeline(request, admin, { pipeline_name: paused }),
    [shared]: await createPipeline(request, admin, { pipeline_name: shared, shared_to_org: true }),
  };
  await json(request.patch(`${api}/pipeline/${ids[paused]}/`, { headers: admin, data: { active: false } }), 200);

  await signIn(page, ADMIN);
  await page.goto(`/pipelines?search=${PREFIX}-`);
  for (const name of [stored, paused, shared]) await select(page, name);
  await expect(page.getByTestId("bulk-count")).toHaveText("3 pipelines selected");
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Delete…" }).click();

  const dialog = page.getByRole("alertdialog", { name: "Delete 3 pipelines?" });
  await expect(dialog).toBeVisible();
  await expect(dialog).toHaveAccessibleDescription(/then it is deleted with its jobs, runs, keys, shares and schedule\. Connections and destination tables stay\. This cannot be undone\./);
  const phrase = dialog.getByLabel("Type delete 3 pipelines to confirm");
  await expect(phrase).toBeFocused();

  // Per pipeline: what matters about it and what it holds.
  for (const name of [stored, paused, shared]) await expect(impactRow(page, name)).toHaveAttribute("data-loaded", "true");
  const flags = (name: string) => impactRow(page, name).getByTestId("bulk-delete-flag");
  await expect(flags(stored)).toHaveText(["Active", "Scheduled"]);
  await expect(impactRow(page, stored).getByTestId("bulk-delete-impact-counts")).toContainText("1 run · 2,000 records");
  await expect(flags(paused)).toHaveText(["Paused"]);
  await expect(flags(shared)).toHaveText(["Active", "Shared with the org"]);
  await expect(impactRow(page, shared).getByTestId("bulk-delete-impact-counts")).toContainText("0 runs · 0 records");
  // In all: each pipeline was created with its API key.
  await expect(dialog.getByTestId("bulk-delete-total-runs")).toHaveText("1");
  await expect(dialog.getByTestId("bulk-delete-total-records")).toHaveText("2,000");
  await expect(dialog.getByTestId("bulk-delete-total-bytes")).not.toHaveText("0 B");
  await expect(dialog.getByTestId("bulk-delete-total-keys")).toHaveText("3");
  await expect(dialog.getByTestId("bulk-delete-total-running")).toHaveText("0");
  await expect(dialog.getByTestId("bulk-delete-excluded")).toHaveCount(0);
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "bulk-delete-dialog");

  // Nearly right is not right.
  const confirm = dialog.getByRole("button", { name: "Delete 3 pipelines" });
  await expect(confirm).toBeDisabled();
  for (const wrong of ["delete 2 pipelines", "Delete 3 pipelines", "delete 3 pipeline", "delete 3 pipelines!"]) {
    await phrase.fill(wrong);
    await expect(confirm).toBeDisabled();
  }
  await dialog.getByLabel("Reason (optional, kept in the audit log)").fill(REASON);
  await phrase.fill("  delete 3 pipelines ");
  await expect(confirm).toBeEnabled();
  await confirm.click();

  // The dialog gives way to the progress, which outlives the rows it is about.
  await expect(dialog).toBeHidden();
  const progress = page.getByTestId("bulk-delete-progress");
  await expect(progress.getByRole("heading", { name: /Deleting 3 pipelines/ })).toBeFocused();
  await expect(page.getByTestId("bulk-bar")).toHaveCount(0);
  for (const name of [stored, paused, shared]) {
    await expect(result(page, name)).toHaveAttribute("data-state", "done", { timeout: 60_000 });
    await expect(result(page, name).getByTestId("bulk-delete-state")).toHaveText("✓ Deleted");
  }
  await expect(progress.getByTestId("bulk-delete-summary")).toHaveText("3 of 3 deleted");
  await expect(progress).toHaveAttribute("data-ended", "true");
  for (const name of [stored, paused, shared]) await expect(row(page, name)).toHaveCount(0);
  await attachScreenshots(page, testInfo, "bulk-delete-progress");

  // The server agrees: each plan is done, each delete is in the audit log with the reason.
  for (const id of Object.values(ids)) {
    const plan = await json<{ state: string; reason: string | null; batch_id: string | null }>(request.get(`${org}/pipelines/${id}/decommission`, { headers: admin }), 200);
    expect(plan).toMatchObject({ state: "done", reason: REASON });
    expect(plan.batch_id).not.toBeNull();
    const audit = await json<{ results: { action: string; object_id: string; reason: string | null }[] }>(
      request.get(`${org}/audit?action=pipeline.delete&object_id=${id}`, { headers: admin }),
      200,
    );
    expect(audit.results).toEqual([expect.objectContaining({ action: "pipeline.delete", object_id: id, reason: REASON })]);
  }
});

test.describe("as a member", () => {
  const own = `${PREFIX}-m-own`;
  const theirs = `${PREFIX}-m-admins`;
  const ids: string[] = [];

  test.beforeAll(async ({ request }) => {
    const issued = await json<{ token: string }>(request.post("/api/auth/token", { data: { email: MEMBER.email, password: MEMBER.password, org: ACME.id } }), 201);
    ids.push(await createPipeline(request, { authorization: `Bearer ${issued.token}` }, { pipeline_name: own }));
    ids.push(await createPipeline(request, admin, { pipeline_name: theirs, shared_to_org: true }));
  });

  test("the admin's pipeline is left out of the delete, with why", async ({ page, request }, testInfo) => {
    await signIn(page, MEMBER);
    await page.goto(`/pipelines?search=${PREFIX}-m-`);
    await select(page, own);
    await select(page, theirs);
    const deleteButton = page.getByTestId("bulk-bar").getByRole("button", { name: "Delete…" });
    await expect(deleteButton).toBeEnabled();
    await deleteButton.click();

    const dialog = page.getByRole("alertdialog", { name: "Delete 1 pipeline?" });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByLabel("Type delete 1 pipeline to confirm")).toBeFocused();
    await expect(impactRow(page, own)).toHaveAttribute("data-loaded", "true");
    await expect(impactRow(page, theirs)).toHaveCount(0);
    const excluded = dialog.locator(`[data-testid="bulk-delete-excluded-item"][data-name="${theirs}"]`);
    await expect(excluded).toContainText("You are not its owner.");
    await expect(dialog.getByRole("button", { name: "Delete 1 pipeline" })).toBeDisabled();
    await expectAccessible(page);
    await attachScreenshots(page, testInfo, "bulk-delete-dialog-member");

    // Escape changes nothing: both pipelines stay, still selected.
    await page.keyboard.press("Escape");
    await expect(dialog).toBeHidden();
    await expect(page.getByTestId("bulk-count")).toHaveText("2 pipelines selected");
    for (const id of ids) expect((await request.get(`${api}/pipeline/${id}/`, { headers: admin })).status()).toBe(200);
  });

  test("with only the admin's pipeline selected, Delete is not offered and the bar says why", async ({ page }, testInfo) => {
    await signIn(page, MEMBER);
    await page.goto(`/pipelines?search=${PREFIX}-m-`);
    await select(page, theirs);
    await expect(page.getByTestId("bulk-count")).toHaveText("1 pipeline selected");
    const deleteButton = page.getByTestId("bulk-bar").getByRole("button", { name: "Delete…" });
    await expect(deleteButton).toBeDisabled();
    await expect(page.getByTestId("bulk-delete-why")).toHaveText("You can delete only the pipelines you own.");
    await expect(deleteButton).toHaveAccessibleDescription("You can delete only the pipelines you own.");
    await expectAccessible(page);
    await attachScreenshots(page, testInfo, "bulk-delete-member-refused");
  });
});
