// The org-wide executions page: runs of every pipeline the reader may see, newest first, with a
// link to each run's pipeline; a new run shows up and completes without a reload.
import { test, expect } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

test("an admin sees the runs of every pipeline, live", async ({ page, request }, testInfo) => {
  await signIn(page, ADMIN);
  await page.getByTestId("nav-executions").click();
  await expect(page).toHaveURL(/\/executions$/);
  await expect(page.getByTestId("nav-executions")).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { name: "Executions", level: 1 })).toBeVisible();

  // The demo data has runs of several pipelines: the page is org-wide, not one pipeline's.
  const rows = page.getByTestId("execution-row");
  await expect(rows.first()).toBeVisible();
  const pipelineNames = new Set(await page.getByTestId("executions-table").getByRole("link").allTextContents());
  expect(pipelineNames.size).toBeGreaterThan(1);
  await attachScreenshots(page, testInfo, "executions-admin");

  // A run started by a script appears on top and completes while the page watches.
  const name = `exec_page_${Date.now()}`;
  const created = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, { headers: auth, data: { pipeline_name: name } });
  expect(created.status()).toBe(201);
  const id = ((await created.json()) as { id: string }).id;
  const run = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/execute/`, { headers: auth, data: { pipeline_id: id } });
  expect(run.status()).toBe(200);
  const newRow = rows.filter({ has: page.getByRole("link", { name, exact: true }) });
  await expect(newRow).toHaveCount(1);
  await expect(newRow).toHaveAttribute("data-status", "COMPLETED", { timeout: 30_000 });
  await expect(newRow.getByRole("link", { name })).toHaveAttribute("href", `/pipelines/${id}`);

  // Filtered by status.
  await page.getByLabel("Status").selectOption("ERROR");
  await expect
    .poll(async () => {
      const statuses = await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-status")));
      return statuses.length > 0 && statuses.every((status) => status === "ERROR");
    })
    .toBe(true);

  await request.delete(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, { headers: auth });
});

test("a member sees only the runs of pipelines they may see", async ({ page, request }) => {
  const name = `exec_private_${Date.now()}`;
  const created = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, { headers: auth, data: { pipeline_name: name } });
  const id = ((await created.json()) as { id: string }).id;
  await request.post(`/api/v1/unstract/${ACME.id}/pipeline/execute/`, { headers: auth, data: { pipeline_id: id } });

  await signIn(page, MEMBER);
  await page.goto("/executions");
  await expect(page.getByRole("heading", { name: "Executions", level: 1 })).toBeVisible();
  await expect(page.getByTestId("execution-row").first().or(page.getByTestId("empty"))).toBeVisible();
  await expect(page.getByRole("link", { name, exact: true })).toHaveCount(0);

  await request.delete(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, { headers: auth });
});
