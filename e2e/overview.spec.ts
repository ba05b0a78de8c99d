// The Overview is the org's health: a pipeline whose last run failed and a paused one (who and
// why) show up by name, with storage, next runs and the runs of the last 24 hours; each card
// links to what it counts, and a change made elsewhere shows without a reload.
import fs from "node:fs";
import path from "node:path";
import { test, expect, type Page } from "@playwright/test";
import { DESKTOP, PHONE, attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const api = `/api/v1/unstract/${ACME.id}`;

async function saveScreenshots(page: Page) {
  const dir = path.join("reports", "screenshots");
  fs.mkdirSync(dir, { recursive: true });
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await page.screenshot({ path: path.join(dir, `overview-after-${size.width}.png`), fullPage: true });
  }
  await page.setViewportSize(DESKTOP);
}

test("the overview names failing and paused pipelines, counts storage, next runs and 24 h of runs, and links to each", async ({ page, request }, testInfo) => {
  test.setTimeout(60_000);
  const stamp = Date.now();
  // A pipeline whose run fails: its job reads a connection that was deleted.
  const resource = await request.post("/resources", { headers: auth, data: { name: `ov src ${stamp}`, kind: "source", connector: "sample" } });
  expect(resource.status()).toBe(201);
  const { id: resourceId } = (await resource.json()) as { id: string };
  const failingName = `ov_fail_${stamp}`;
  const made = await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: failingName, jobs: [{ name: "extract", source: resourceId }] } });
  expect(made.status()).toBe(201);
  const { id: failingId } = (await made.json()) as { id: string };
  expect((await request.delete(`/resources/${resourceId}`, { headers: auth })).status()).toBeLessThan(300);
  expect((await request.post(`${api}/pipeline/execute/`, { headers: auth, data: { pipeline_id: failingId } })).status()).toBe(200);
  // A paused one, with a reason, and a scheduled active one.
  const pausedName = `ov_paused_${stamp}`;
  const paused = (await (await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: pausedName } })).json()) as { id: string };
  expect((await request.patch(`${api}/pipeline/${paused.id}/`, { headers: auth, data: { active: false, reason: "vendor outage" } })).status()).toBe(200);
  const scheduled = await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: `ov_next_${stamp}`, cron_string: "0 * * * *" } });
  expect(scheduled.status()).toBe(201);
  await expect
    .poll(async () => ((await (await request.get(`${api}/pipeline/${failingId}/`, { headers: auth })).json()) as { last_run_status: string }).last_run_status, {
      timeout: 20_000,
    })
    .toBe("FAILURE");

  await signIn(page, ADMIN);
  await expect(page.getByTestId("overview-heading")).toHaveText(`Welcome, ${ADMIN.name}`);
  const failing = page.getByTestId("overview-failing");
  await expect(failing.getByRole("link", { name: failingName })).toHaveAttribute("href", `/pipelines/${failingId}`);
  await expect(page.getByTestId("overview-failing-count")).toHaveText(/^[1-9][\d,]* pipelines?$/);

  const pausedItem = page.getByTestId("overview-paused-item").filter({ hasText: pausedName });
  await expect(pausedItem).toContainText(`by ${ADMIN.email}`);
  await expect(pausedItem).toContainText("“vendor outage”");
  await expect(page.getByTestId("overview-storage-count")).toHaveText(/^\d+(\.\d)? (B|KB|MB|GB|TB)$/);
  await expect(page.getByTestId("overview-runs-ERROR")).toHaveText(/^Error: [1-9]/);
  await expect(page.getByTestId("overview-runs-chart").locator("rect").first()).toBeAttached();

  // Next runs: the server's ten soonest, soonest first, in words and as a date.
  const overview = (await (await request.get(`/api/v1/orgs/${ACME.id}/overview`, { headers: auth })).json()) as {
    next_runs: { pipeline_name: string }[];
  };
  const nextRows = page.getByTestId("overview-next-item");
  await expect(nextRows).toHaveCount(Math.min(10, overview.next_runs.length));
  await expect(nextRows.first()).toContainText(overview.next_runs[0]?.pipeline_name ?? "");
  await expect(nextRows.first()).toContainText(/in (less than a minute|\d+ minutes?|\d+ hours?)/);

  // Live: a pause made elsewhere shows without a reload.
  const liveName = `ov_live_${stamp}`;
  const live = (await (await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: liveName } })).json()) as { id: string };
  await request.patch(`${api}/pipeline/${live.id}/`, { headers: auth, data: { active: false, reason: "live check" } });
  await expect(page.getByTestId("overview-paused-item").filter({ hasText: liveName })).toContainText("“live check”");

  await attachScreenshots(page, testInfo, "overview");
  await saveScreenshots(page);

  // Each card links to what it counts.
  await page.getByTestId("overview-failing-link").click();
  await expect(page).toHaveURL(/\/executions\?status=ERROR$/);
  await expect(page.getByTestId("executions-status")).toHaveValue("ERROR");
  await expect(page.getByTestId("execution-status").first()).toHaveText("Error");
  await page.goBack();
  await page.getByTestId("overview-paused-link").click();
  await expect(page).toHaveURL(/\/pipelines\?active=false$/);
  await expect(page.getByTestId("pipelines-status")).toHaveValue("false");
  await page.goBack();
  await page.getByTestId("overview-paused-item").filter({ hasText: pausedName }).getByRole("link", { name: pausedName }).click();
  await expect(page).toHaveURL(new RegExp(`/pipelines/${paused.id}$`));
});
