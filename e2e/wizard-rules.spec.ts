// The rules of the delete wizard and the danger zone as a person meets them: what a member who
// does not own the pipeline may not do and is told why, and a clear refused while a run is going,
// by the page and, when the page is fooled, by the server; the wizard's step 2 pauses and stops runs.
import { test, expect, type APIRequestContext } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const NOT_ALLOWED = "Only the owner or an admin can change this pipeline.";
const WAIT_FOR_RUNS = "Wait for or stop the running executions to clear its storage.";

async function createSource(request: APIRequestContext, name: string, config: Record<string, unknown>): Promise<string> {
  const response = await request.post("/resources", { headers: auth, data: { name, kind: "source", connector: "sample", config } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function createPipeline(request: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const response = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, { headers: auth, data: body });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function execute(request: APIRequestContext, id: string): Promise<string> {
  const response = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/execute/`, { headers: auth, data: { pipeline_id: id } });
  expect(response.status()).toBe(200);
  return ((await response.json()) as { execution: { execution_id: string } }).execution.execution_id;
}

async function storageStatus(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.get(`/v0/pipelines/${name}`, { headers: auth });
  return ((await response.json()) as { storage_status: string }).storage_status;
}

test("a member who does not own the pipeline sees every action disabled, with the reason", async ({ page, request }, testInfo) => {
  const name = `rules_shared_${Date.now()}`;
  const id = await createPipeline(request, { pipeline_name: name, shared_to_org: true });

  await signIn(page, MEMBER);

  // The danger zone of the pipeline page.
  await page.goto(`/pipelines/${id}`);
  await page.getByRole("tab", { name: "Danger zone" }).click();
  const zone = page.getByTestId("danger-zone");
  await expect(zone.getByRole("button", { name: "Pause pipeline…" })).toBeDisabled();
  await expect(zone.getByTestId("pause-button-why")).toHaveText(NOT_ALLOWED);
  await expect(zone.getByRole("button", { name: "Pause pipeline…" })).toHaveAccessibleDescription(NOT_ALLOWED);
  await expect(zone.getByRole("button", { name: "Clear storage…" })).toBeDisabled();
  await expect(zone.getByTestId("clear-storage-button-why")).toHaveText(NOT_ALLOWED);
  await expect(zone.getByRole("button", { name: "Delete pipeline…" })).toBeDisabled();
  await expect(zone.getByRole("button", { name: "Delete pipeline…" })).toHaveAccessibleDescription(NOT_ALLOWED);
  await attachScreenshots(page, testInfo, "danger-zone-member");

  // The wizard: anyone who sees the pipeline may look, but not act.
  await page.goto(`/pipelines/${id}/delete?step=2`);
  await expect(page.getByTestId("wizard-step-2")).toHaveAttribute("aria-current", "step");
  await expect(page.getByRole("button", { name: "Pause pipeline…" })).toBeDisabled();
  await expect(page.getByTestId("pause-button-why")).toHaveText(NOT_ALLOWED);
  await page.getByTestId("wizard-step-1").click();
  await expect(page.getByTestId("download-config")).toBeDisabled();
  await expect(page.getByTestId("download-config-why")).toHaveText("Only the owner or an admin can download its configuration.");
  await page.getByTestId("wizard-step-3").click();
  await expect(page.getByRole("button", { name: "Delete pipeline…" })).toBeDisabled();
  await expect(page.getByRole("button", { name: "Delete pipeline…" })).toHaveAccessibleDescription(NOT_ALLOWED);
  await attachScreenshots(page, testInfo, "wizard-member");

  // The server says the same to a script (sent from the console's own origin, as the page
  // would send it, so the refusal is the owner rule and not the cross-site one).
  const refused = await page.request.patch(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, {
    data: { active: false },
    headers: { origin: new URL(page.url()).origin },
  });
  expect(refused.status()).toBe(403);
  expect(JSON.stringify(await refused.json())).not.toContain("Cross-site");
  await request.delete(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, { headers: auth });
});

test("storage cannot be cleared while a run is going: the page says why, and the server refuses", async ({ page, request }, testInfo) => {
  test.setTimeout(120_000);
  const name = `rules_running_${Date.now()}`;
  // 1,000 records, ten a second: a run that goes on long after the checks below.
  const source = await createSource(request, `slow source ${Date.now()}`, { count: 1000, batch_size: 10, delay_ms: 100 });
  const id = await createPipeline(request, { pipeline_name: name, jobs: [{ name: "slow", source }] });
  await execute(request, id);
  await expect.poll(() => storageStatus(request, name), { timeout: 30_000 }).toBe("InUse");

  await signIn(page, ADMIN);
  await page.goto(`/pipelines/${id}`);
  await page.getByRole("tab", { name: "Danger zone" }).click();
  await expect(page.getByTestId("storage-status")).toHaveText("In use");
  const clear = page.getByRole("button", { name: "Clear storage…" });
  await expect(clear).toBeDisabled();
  await expect(page.getByTestId("clear-storage-button-why")).toHaveText(WAIT_FOR_RUNS);
  await expect(clear).toHaveAccessibleDescription(WAIT_FOR_RUNS);
  await attachScreenshots(page, testInfo, "danger-zone-clear-blocked");

  // A script is refused in the storage API's words.
  const refused = await request.post(`/v0/pipelines/${name}/clear`, { headers: auth, data: {} });
  expect(refused.status()).toBe(400);
  expect(((await refused.json()) as { error_code: string }).error_code).toBe("StorageStatusImmutableUnlessStopped");

  // A page that believes nothing runs (its list answered before the run began) is refused by
  // the server, and shows the server's reason.
  await page.route(/\/api\/v1\/orgs\/[^/]+\/executions\?.*pipeline_id=/, (route) =>
    route.fulfill({ json: { results: [], next_cursor: null, previous_cursor: null } }),
  );
  await page.reload();
  await page.getByRole("tab", { name: "Danger zone" }).click();
  await expect(page.getByRole("button", { name: "Clear storage…" })).toBeEnabled();
  await page.getByRole("button", { name: "Clear storage…" }).click();
  await page.getByRole("button", { name: "Clear storage", exact: true }).click();
  await expect(page.getByTestId("clear-storage-error")).toContainText("Storage can only be cleared when nothing of the pipeline is running");
  await expect(page.getByTestId("storage-status")).toHaveText("In use");
  await page.unroute(/\/api\/v1\/orgs\/[^/]+\/executions\?.*pipeline_id=/);

  // Stop the run from the wizard's step 2 (it says Paused once paused, and how far the run got);
  // then the clear goes through.
  await page.goto(`/pipelines/${id}/delete?step=2`);
  const runRow = page.getByTestId("running-run");
  await expect(runRow).toHaveCount(1);
  await expect(runRow).toContainText(/[1-9][\d,]* records so far/);
  await page.getByRole("button", { name: "Pause pipeline…" }).click();
  await page.getByTestId("confirm-pause-yes").click();
  await expect(page.getByTestId("pipeline-active-state")).toHaveText("Paused");
  await expect(page.getByRole("button", { name: "Resume pipeline…" })).toBeEnabled();
  await expect(page.getByText("Resuming…")).toHaveCount(0);
  await runRow.getByRole("button", { name: /^Stop/ }).click();
  await expect(page.getByTestId("running-count")).toHaveText("Nothing is running.", { timeout: 30_000 });
  await page.goto(`/pipelines/${id}`);
  await page.getByRole("tab", { name: "Danger zone" }).click();
  await expect(page.getByRole("button", { name: "Clear storage…" })).toBeEnabled();
  await page.getByRole("button", { name: "Clear storage…" }).click();
  await page.getByRole("button", { name: "Clear storage", exact: true }).click();
  await expect(page.getByTestId("storage-status")).toHaveText("Cleared", { timeout: 30_000 });
  await expect(page.getByRole("button", { name: "Clear storage…" })).toBeDisabled();
  await expect(page.getByTestId("clear-storage-button-why")).toHaveText("The storage is already cleared.");

  await request.delete(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, { headers: auth });
});
