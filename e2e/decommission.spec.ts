// The delete wizard hands the work to the server: a decommission goes on when its tab is closed,
// shows where it stands to a second tab and to anyone coming back, and can be cancelled there
// before the delete step, leaving the pipeline paused.
import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const api = `/api/v1/unstract/${ACME.id}`;

async function json<T>(response: Promise<import("@playwright/test").APIResponse>): Promise<T> {
  const answer = await response;
  expect(answer.ok(), await answer.text()).toBe(true);
  return (await answer.json()) as T;
}

async function source(request: APIRequestContext, config: Record<string, unknown>): Promise<string> {
  return (await json<{ id: string }>(request.post("/resources", { headers: auth, data: { name: `dc source ${Date.now()}`, kind: "source", connector: "sample", config } }))).id;
}

async function pipeline(request: APIRequestContext, name: string, sourceId: string): Promise<string> {
  return (await json<{ id: string }>(request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: name, jobs: [{ name: "read", source: sourceId }] } }))).id;
}

async function run(request: APIRequestContext, id: string): Promise<string> {
  return (await json<{ execution: { execution_id: string } }>(request.post(`${api}/pipeline/execute/`, { headers: auth, data: { pipeline_id: id } }))).execution.execution_id;
}

const runStatus = async (request: APIRequestContext, executionId: string) =>
  (await json<{ status: string }>(request.get(`/api/v1/orgs/${ACME.id}/executions/${executionId}`, { headers: auth }))).status;

const planOf = async (request: APIRequestContext, id: string) =>
  json<{ state: string; reason: string | null; steps: { step: string; status: string }[] }>(request.get(`/api/v1/orgs/${ACME.id}/pipelines/${id}/decommission`, { headers: auth }));

async function confirmDelete(page: Page, id: string, name: string, reason: string) {
  await page.goto(`/pipelines/${id}/delete?step=3`);
  await page.getByRole("button", { name: "Delete pipeline…" }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete pipeline ${name}?` });
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await dialog.getByLabel("Reason (optional, kept in the audit log)").fill(reason);
  await dialog.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(page.getByTestId("decommission")).toBeVisible();
}

test("a decommission goes on after its tab is closed, and ends with the pipeline deleted", async ({ context, request }) => {
  const name = `dc_closed_${Date.now()}`;
  const id = await pipeline(request, name, await source(request, { count: 3000, batch_size: 1000 }));
  const stored = await run(request, id);
  await expect.poll(() => runStatus(request, stored), { timeout: 60_000 }).toBe("COMPLETED");

  const page = await context.newPage();
  await signIn(page, ADMIN);
  await confirmDelete(page, id, name, "closing the tab");
  await page.close();

  await expect.poll(async () => (await planOf(request, id)).state, { timeout: 60_000 }).toBe("done");
  expect((await request.get(`${api}/pipeline/${id}/`, { headers: auth })).status()).toBe(404);
  expect((await planOf(request, id)).reason).toBe("closing the tab");
});

test("a second tab watches it, leaving and coming back shows where it stands, and cancel leaves it paused", async ({ page, context, request }, testInfo) => {
  test.setTimeout(180_000);
  const name = `dc_watch_${Date.now()}`;
  // One record every 60 s: the run is mid-batch for a long while, so the decommission waits in
  // "Stop runs" (a run stops at its next batch) long enough to be watched and cancelled, even
  // on a loaded machine (at 30 s a slow run of the steps below saw the pipeline deleted).
  const id = await pipeline(request, name, await source(request, { count: 100, batch_size: 1, delay_ms: 60_000 }));
  const execution = await run(request, id);
  await expect.poll(() => runStatus(request, execution), { timeout: 30_000 }).toBe("EXECUTING");

  await signIn(page, ADMIN);
  await confirmDelete(page, id, name, "watched by two tabs");
  const plan = page.getByTestId("decommission");
  await expect(plan).toHaveAttribute("data-state", "stopping", { timeout: 20_000 });
  await expect(page.getByTestId("decommission-step-pausing")).toHaveAttribute("data-status", "done");
  await expect(page.getByTestId("decommission-step-stopping")).toContainText("1 run asked to stop; waiting for 1 run to end.");
  await attachScreenshots(page, testInfo, "decommission-stopping");

  // A second tab: the pipeline page says it is being deleted, and leads to the same progress.
  const other = await context.newPage();
  await other.goto(`/pipelines/${id}`);
  await expect(other.getByTestId("decommission-banner")).toContainText("Being deleted: stopping runs.");
  await expect(other.getByTestId("pause-info")).toContainText("watched by two tabs");
  await other.getByRole("link", { name: "See its progress" }).click();
  await expect(other.getByTestId("decommission")).toHaveAttribute("data-state", "stopping");

  // The list shows it too.
  await page.goto(`/pipelines?search=${name}`);
  await expect(page.locator(`[data-testid="pipeline-row"][data-name="${name}"]`).getByTestId("deleting-badge")).toHaveAttribute("data-state", "stopping");

  // Come back: where it stands, with Cancel.
  await page.goto(`/pipelines/${id}/delete`);
  await expect(page.getByTestId("decommission")).toHaveAttribute("data-state", "stopping");
  await page.getByRole("button", { name: "Cancel the deletion…" }).click();
  await page.getByTestId("cancel-decommission-yes").click();
  await expect(page.getByTestId("decommission")).toHaveAttribute("data-state", "cancelled");
  await expect(page.getByTestId("decommission-heading")).toHaveText(`The deletion of ${name} was cancelled`);
  // The other tab hears of it without a reload.
  await expect(other.getByTestId("decommission")).toHaveAttribute("data-state", "cancelled");
  await attachScreenshots(other, testInfo, "decommission-cancelled");

  // The pipeline stays, paused; the run asked to stop ends STOPPED at its next record.
  const read = await json<{ active: boolean; decommission: unknown }>(request.get(`${api}/pipeline/${id}/`, { headers: auth }));
  expect(read).toMatchObject({ active: false, decommission: null });
  expect((await planOf(request, id)).state).toBe("cancelled");
  await expect.poll(() => runStatus(request, execution), { timeout: 75_000 }).toBe("STOPPED");

  // Coming back later, the wizard says what happened and starts afresh.
  await page.goto(`/pipelines/${id}/delete`);
  await expect(page.getByTestId("previous-decommission")).toContainText("was cancelled");
  await expect(page.getByTestId("wizard-step-1")).toHaveAttribute("aria-current", "step");
  await other.close();
  await request.delete(`${api}/pipeline/${id}/`, { headers: auth });
});
