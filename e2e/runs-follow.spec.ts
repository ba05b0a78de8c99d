// Runs you can follow: the Executions page filters by pipeline, trigger and status (kept in the
// URL), says who started each run and writes counts with separators; a run-chart bar opens that
// run's log, whose times are to the millisecond; "Run started" says how the run ended, then goes.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const api = `/api/v1/unstract/${ACME.id}`;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious, JSON.stringify(serious.map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target) })), null, 2)).toEqual([]);
}

test("executions filter by pipeline, trigger and status in the URL; a chart bar opens its run's log", async ({ page, request }, testInfo) => {
  const name = `follow_${Date.now().toString(36)}`;
  const created = await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: name } });
  expect(created.status()).toBe(201);
  const pipeline = (await created.json()) as { id: string; api_key: { api_key: string; description: string } };
  expect((await request.post(`${api}/pipeline/execute/`, { headers: auth, data: { pipeline_id: pipeline.id } })).status()).toBe(200);
  const byKey = await request.post(`/deployment/pipeline/api/${ACME.id}/${pipeline.id}/`, { headers: { Authorization: `Bearer ${pipeline.api_key.api_key}` } });
  expect(byKey.status()).toBe(200);

  await signIn(page, ADMIN);
  await page.goto("/executions");
  const rows = page.getByTestId("execution-row");
  await expect(rows.first()).toBeVisible();
  // Counts read the same everywhere: "16,500", never "16500".
  for (const text of await page.getByTestId("execution-records").allTextContents()) expect(text).toMatch(/^\d{1,3}(,\d{3})* \/ \d{1,3}(,\d{3})*$/);

  await page.getByLabel("Pipeline").fill(name);
  await expect(page).toHaveURL(new RegExp(`pipeline=${pipeline.id}`));
  await expect(rows).toHaveCount(2);
  await expect(rows.getByRole("link", { name, exact: true })).toHaveCount(2);
  await page.getByLabel("Triggered by").selectOption("api_key");
  await expect(page).toHaveURL(/triggered_by=api_key/);
  await expect(rows).toHaveCount(1);
  await expect(rows.getByTestId("execution-trigger")).toHaveText(`API key “${pipeline.api_key.description}”`);
  await page.getByLabel("Status").selectOption("COMPLETED");
  await expect(page).toHaveURL(/status=COMPLETED/);
  await expect(rows).toHaveAttribute("data-status", "COMPLETED", { timeout: 10_000 });

  // The URL is the view: a reload keeps the filters.
  await page.reload();
  await expect(page.getByLabel("Pipeline")).toHaveValue(name);
  await expect(page.getByLabel("Triggered by")).toHaveValue("api_key");
  await expect(rows).toHaveCount(1);
  await page.getByLabel("Triggered by").selectOption("user");
  await expect(rows.getByTestId("execution-trigger")).toHaveText(ADMIN.email);
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "executions-filters");

  // The pipeline's chart: one link per run, to that run's log.
  await page.goto(`/pipelines/${pipeline.id}`);
  const bars = page.getByTestId("run-bar");
  await expect(bars).toHaveCount(2);
  await expect(bars.first()).toHaveAccessibleName(/^Open the log: Completed, started .*, took \d+s, 0 records ok, 0 records failed$/);
  const href = await bars.first().getAttribute("href");
  expect(href).toMatch(/^\/executions\?run=[0-9a-f-]{36}$/);
  await bars.first().click();
  await expect(page).toHaveURL(href!);
  const drawer = page.getByRole("dialog", { name: /^Logs of run/ });
  await expect(drawer).toBeVisible();
  await expect(drawer.getByRole("heading")).toContainText(href!.slice(-36, -28));
  await expect(drawer.getByRole("log").locator("time").first()).toHaveText(/^\d{2}:\d{2}:\d{2}\.\d{3}$/);
  await drawer.getByRole("button", { name: "Close" }).click();
  await expect(page).toHaveURL(/\/executions$/);

  await request.delete(`${api}/pipeline/${pipeline.id}/`, { headers: auth });
});

test("'Run started' says how the run ended, then goes; Last run says just now", async ({ page, request }) => {
  const name = `banner_${Date.now().toString(36)}`;
  const created = await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: name } });
  const id = ((await created.json()) as { id: string }).id;
  await signIn(page, ADMIN);
  await page.goto(`/pipelines/${id}`);
  await page.getByRole("button", { name: "Run now" }).click();
  const line = page.getByTestId("pipeline-status");
  await expect(line).toContainText(/Run (started|\S+ ended: completed)/);
  await expect(line).toHaveText(/^Run \S+ ended: completed\.$/, { timeout: 10_000 });
  await expect(page.getByTestId("fact-last-run")).toHaveText("Succeeded · just now");
  await expect(line).toHaveText("", { timeout: 7_000 });
  await expect(page.getByRole("button", { name: "Follow it under Executions" })).toHaveCount(0);

  await request.delete(`${api}/pipeline/${id}/`, { headers: auth });
});
