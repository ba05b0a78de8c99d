// The clear's progress bar when the live stream is down: the page falls back to reading
// GET /v0/pipelines/{name} every second, and the bar, its rows, bytes and time left follow.
// The reads during the clear are answered by this spec with a slow clear's progress (the real
// clear of a few records is over at once); the clear itself and its end are the server's.
import { test, expect, type APIRequestContext } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function json<T>(response: Promise<import("@playwright/test").APIResponse>): Promise<T> {
  return (await (await response).json()) as T;
}

async function pipelineWithStorage(request: APIRequestContext, name: string): Promise<string> {
  const source = await json<{ id: string }>(
    request.post("/resources", { headers: auth, data: { name: `progress source ${Date.now()}`, kind: "source", connector: "sample", config: { count: 40 } } }),
  );
  const pipeline = await json<{ id: string }>(
    request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, { headers: auth, data: { pipeline_name: name, jobs: [{ name: "few", source: source.id }] } }),
  );
  const run = await json<{ execution: { execution_id: string } }>(
    request.post(`/api/v1/unstract/${ACME.id}/pipeline/execute/`, { headers: auth, data: { pipeline_id: pipeline.id } }),
  );
  await expect
    .poll(async () => (await json<{ status: string }>(request.get(`/api/v1/orgs/${ACME.id}/executions/${run.execution.execution_id}`, { headers: auth }))).status)
    .toBe("COMPLETED");
  expect((await request.patch(`/api/v1/unstract/${ACME.id}/pipeline/${pipeline.id}/`, { headers: auth, data: { active: false } })).status()).toBe(200);
  return pipeline.id;
}

test("with the live stream down, the bar follows reads every second: percent, rows, bytes, time left", async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const name = `progress_${Date.now()}`;
  const id = await pipelineWithStorage(request, name);

  await signIn(page, ADMIN);
  // No live events: the page must poll.
  await page.route(/\/api\/v1\/orgs\/[^/]+\/events$/, (route) => route.abort());

  // Reads during the clear: 0, 25 and 50 %, held at 50 % until the checks are done, then 75 %,
  // then the server's real answer.
  let cleared = false;
  let released = false;
  let reads = 0;
  const started = new Date(Date.now() - 2_000).toISOString();
  const slowClear = [0, 5_000, 10_000, 15_000];
  await page.route(`**/v0/pipelines/${name}`, async (route) => {
    if (!cleared || route.request().method() !== "GET" || reads >= slowClear.length) return route.continue();
    const real = (await (await route.fetch()).json()) as Record<string, unknown>;
    const done = slowClear[reads] ?? 0;
    if (reads < 2 || released) reads += 1;
    await route.fulfill({
      json: {
        ...real,
        storage_status: "Clearing",
        storage_status_details: {
          done_rows: done,
          total_rows: 20_000,
          done_bytes: done * 50,
          total_bytes: 20_000 * 50,
          percent: done / 200,
          started_at: started,
          finished_at: null,
        },
      },
    });
  });

  await page.goto(`/pipelines/${id}`);
  await page.getByRole("tab", { name: "Danger zone" }).click();
  await expect(page.getByTestId("storage-status")).toHaveText("In use");
  await page.evaluate(() => {
    const seen: number[] = [];
    (window as unknown as { __progress: number[] }).__progress = seen;
    new MutationObserver(() => {
      const value = document.querySelector('[data-testid="storage-progressbar"]')?.getAttribute("aria-valuenow");
      if (value != null && seen[seen.length - 1] !== Number(value)) seen.push(Number(value));
    }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });
  });

  // The confirmation says how much goes: the pipeline's stored records and their size.
  const impact = await json<{ removed: { storage_records: number } }>(request.get(`/api/v1/orgs/${ACME.id}/pipelines/${id}/deletion-impact`, { headers: auth }));
  expect(impact.removed.storage_records).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Clear storage…" }).click();
  await expect(page.getByTestId("confirm-clear-storage")).toContainText(
    new RegExp(`This deletes ${impact.removed.storage_records} records \\([\\d.]+ (B|KB)\\) from the storage of ${name}, for good\\.`),
  );
  cleared = true;
  await page.getByRole("button", { name: "Clear storage", exact: true }).click();

  const bar = page.getByRole("progressbar", { name: `Clearing the storage of ${name}` });
  await expect(bar).toHaveAttribute("aria-valuemin", "0");
  await expect(bar).toHaveAttribute("aria-valuemax", "100");
  await expect(bar).toHaveAttribute("aria-valuenow", "50", { timeout: 15_000 });
  const text = page.getByTestId("storage-progress-text");
  await expect(text).toContainText("10,000 of 20,000 rows");
  await expect(text).toContainText("488 KB of 977 KB");
  await expect(text).toContainText(/about \d+ s left/);
  await expect(bar).toHaveAttribute("aria-valuetext", /^50% · 10,000 of 20,000 rows · 488 KB of 977 KB · about \d+ s left$/);
  // One state: the header badge, the panel, its button and Run now all say the storage is clearing.
  await expect(page.getByTestId("storage-badge")).toHaveAttribute("data-status", "Clearing");
  await expect(page.getByTestId("storage-badge")).toHaveText(/Clearing\s*50%/);
  await expect(page.getByTestId("storage-status")).toHaveText("Clearing");
  await expect(page.getByTestId("storage-progress-percent")).toHaveText("50%");
  await expect(page.getByTestId("clear-storage-button")).toHaveText("Clearing…");
  await expect(page.getByTestId("run-now")).toHaveAttribute("aria-disabled", "true");
  await expect(page.getByTestId("run-now")).toHaveAccessibleDescription(/^Storage is being cleared/);
  await attachScreenshots(page, testInfo, "danger-zone-clear-progress");
  released = true;

  // Then the server's own answer: cleared.
  await expect(bar).toHaveAttribute("aria-valuenow", "100", { timeout: 15_000 });
  await expect(page.getByTestId("storage-status")).toHaveText("Cleared");
  const values = await page.evaluate(() => (window as unknown as { __progress: number[] }).__progress);
  expect(values).toEqual([0, 25, 50, 75, 100]);
  expect(reads).toBe(slowClear.length);

  await request.delete(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, { headers: auth });
});
