// The API reference page: the routes of the served OpenAPI document, grouped, filterable and
// linkable, at desktop and phone widths.
import { test, expect } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN } from "./support/users";

const operation = (page: import("@playwright/test").Page, id: string) => page.locator(`[data-testid="operation"][data-operation-id="${id}"]`);

test("the API reference shows the pipeline routes and filters them", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.getByTestId("nav-api").click();
  await expect(page).toHaveURL(/\/api-reference$/);
  await expect(page.getByTestId("nav-api")).toHaveAttribute("aria-current", "page");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("API reference");
  await expect(page.getByTestId("org-hint")).toContainText(ACME.id);

  // The pipeline routes of §1, with their documented trailing slashes.
  const pipelines = page.locator('[data-testid="tag-section"][data-tag="Pipelines"]');
  await expect(pipelines.getByRole("heading", { level: 2, name: "Pipelines" })).toBeVisible();
  for (const [id, method, path] of [
    ["listPipelines", "get", "/api/v1/unstract/{org_id}/pipeline/"],
    ["createPipeline", "post", "/api/v1/unstract/{org_id}/pipeline/"],
    ["getPipeline", "get", "/api/v1/unstract/{org_id}/pipeline/{id}/"],
    ["patchPipeline", "patch", "/api/v1/unstract/{org_id}/pipeline/{id}/"],
    ["deletePipeline", "delete", "/api/v1/unstract/{org_id}/pipeline/{id}/"],
  ] as const) {
    await expect(operation(page, id).getByTestId("method-badge")).toHaveText(method);
    await expect(operation(page, id).getByTestId("operation-path")).toHaveText(path);
  }
  const create = operation(page, "createPipeline");
  await expect(create.getByRole("heading", { level: 3 })).toContainText("Create a pipeline");
  await expect(create.getByTestId("operation-auth")).toHaveText("Personal token or session cookie");
  // Parameters, body and answers are folded (and not yet laid out) until opened.
  await expect(create.getByTestId("request-body")).toHaveCount(0);
  await create.getByTestId("operation-details").click();
  await expect(create.getByTestId("request-body").locator('[data-testid="field"][data-name="pipeline_name"]')).toContainText("required");
  await expect(create.getByTestId("request-body").locator('[data-testid="field"][data-name="pipeline_type"]')).toContainText('default "DEFAULT"');
  await expect(create.locator('[data-testid="response"][data-status="201"]')).toContainText("CreatedPipeline");
  await expect(operation(page, "triggerPipeline").getByTestId("operation-auth")).toHaveText("Pipeline API key");

  const download = page.getByRole("link", { name: "Download OpenAPI JSON" });
  await expect(download).toHaveAttribute("href", "/api/openapi.json");
  const served = await page.request.get("/api/openapi.json");
  expect(served.ok()).toBe(true);
  expect((await served.json()) as { openapi: string }).toMatchObject({ openapi: "3.1.0" });
  await attachScreenshots(page, testInfo, "api-reference");

  // Filtering: only the operations that match stay, and the count says so.
  const all = await page.getByTestId("operation").count();
  await page.getByLabel("Filter operations").fill("execute");
  await expect(operation(page, "listPipelines")).toHaveCount(0);
  await expect(operation(page, "executePipeline").getByTestId("operation-path")).toHaveText("/api/v1/unstract/{org_id}/pipeline/execute/");
  const shown = page.getByTestId("operation");
  const count = await shown.count();
  expect(count).toBeLessThan(all);
  for (const card of await shown.all()) {
    const text = `${await card.getByTestId("operation-path").textContent()} ${await card.getByRole("heading", { level: 3 }).textContent()}`;
    expect(text.toLowerCase()).toContain("execute");
  }
  await expect(page.getByTestId("operation-count")).toHaveText(`${count} of ${all} operations match.`);
  await attachScreenshots(page, testInfo, "api-reference-filtered");

  // Each operation has an anchor of its own.
  await operation(page, "executePipeline").getByRole("link", { name: "Link to Execute a pipeline" }).click();
  await expect(page).toHaveURL(/#executePipeline$/);

  await page.getByLabel("Filter operations").fill("no such operation");
  await expect(page.getByTestId("operation")).toHaveCount(0);
  await expect(page.getByTestId("empty")).toHaveText("No operation matches “no such operation”.");
  await page.getByLabel("Filter operations").fill("");
  await expect(page.getByTestId("operation")).toHaveCount(all);
});

test("a link to an operation opens the page at it", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/api-reference#createPipelineKey");
  await expect(operation(page, "createPipelineKey")).toBeInViewport();
  // The operation linked to opens by itself.
  await expect(operation(page, "createPipelineKey").getByTestId("response").first()).toBeVisible();
});
