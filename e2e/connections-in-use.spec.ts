// Deleting a connection a pipeline uses: the dialog names the pipeline and what will happen to
// it; the delete goes through, and the pipeline's next run fails at that job, saying why.
import { test, expect } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

test("the delete dialog names the pipelines using a connection; their runs then fail at that job", async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const name = `orders db ${stamp}`;
  const created = await request.post("/resources", { headers: auth, data: { name, kind: "source", connector: "sample", config: { count: 5 } } });
  expect(created.status()).toBe(201);
  const { id: resourceId } = (await created.json()) as { id: string };
  const pipelineName = `in_use_${stamp}`;
  const made = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, {
    headers: auth,
    data: { pipeline_name: pipelineName, jobs: [{ name: "extract", source: resourceId }] },
  });
  expect(made.status()).toBe(201);
  const { id: pipelineId } = (await made.json()) as { id: string };
  // A connection nobody uses, for the other answer of the dialog.
  const spareName = `spare ${stamp}`;
  const spare = await request.post("/resources", { headers: auth, data: { name: spareName, kind: "source", connector: "sample" } });
  expect(spare.status()).toBe(201);
  const { id: spareId } = (await spare.json()) as { id: string };

  await signIn(page, ADMIN);
  await page.getByTestId("nav-connections").click();
  await expect(page).toHaveURL(/\/connections$/);

  const spareRow = page.locator(`[data-testid="resource-row"][data-name="${spareName}"]`);
  await spareRow.getByRole("button", { name: `Delete ${spareName}` }).click();
  const spareDialog = page.getByRole("alertdialog", { name: `Delete connection ${spareName}?` });
  await expect(spareDialog.getByTestId("resource-usage-none")).toHaveText("No pipeline uses it.");
  await spareDialog.getByRole("button", { name: "Cancel" }).click();
  await expect(spareDialog).toHaveCount(0);

  const row = page.locator(`[data-testid="resource-row"][data-name="${name}"]`);
  await row.getByRole("button", { name: `Delete ${name}` }).click();
  const dialog = page.getByRole("alertdialog", { name: `Delete connection ${name}?` });
  await expect(dialog).toBeVisible();
  const usage = dialog.getByTestId("resource-usage");
  await expect(usage.getByRole("link", { name: pipelineName })).toHaveAttribute("href", `/pipelines/${pipelineId}`);
  await expect(usage).toContainText("job “extract” (reads it)");
  await expect(usage).toContainText("Their runs will fail at that job until it points at another connection.");
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name);
  await attachScreenshots(page, testInfo, "connections-delete-in-use");
  await dialog.getByRole("button", { name: `Delete ${name}` }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("toast").filter({ hasText: `Connection ${name} was deleted.` })).toBeVisible();

  // The pipeline is still there; its next run ends ERROR at the job, naming the connection.
  const run = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/execute/`, { headers: auth, data: { pipeline_id: pipelineId } });
  expect(run.status()).toBe(200);
  const { execution } = (await run.json()) as { execution: { execution_id: string } };
  const finished = async () => {
    const answer = await request.get(`/api/v1/orgs/${ACME.id}/executions/${execution.execution_id}`, { headers: auth });
    return (await answer.json()) as { status: string; error_message: string | null };
  };
  await expect.poll(async () => (await finished()).status, { timeout: 30_000 }).toBe("ERROR");
  expect((await finished()).error_message).toMatch(
    new RegExp(
      `^Job "extract": its source connection "${name}" \\(${resourceId}\\) was deleted on \\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z\\. ` +
        "Point the job at another connection or delete the pipeline\\.$",
    ),
  );

  await request.delete(`/api/v1/unstract/${ACME.id}/pipeline/${pipelineId}/`, { headers: auth });
  await request.delete(`/resources/${spareId}`, { headers: auth });
});
