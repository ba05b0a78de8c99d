// Hostile names render as text: a pipeline and a connection named like an HTML injection show
// their names literally on every page that names them, no element is made from them, and no
// script of theirs runs.
import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const PAYLOAD = "<img src=x onerror=alert(1)>";
const RESOURCE_PAYLOAD = `<script>alert(2)</script>${Date.now()}`;
const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function hostilePipeline(request: APIRequestContext): Promise<string> {
  const created = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, { headers: auth, data: { pipeline_name: PAYLOAD } });
  if (created.status() === 201) return ((await created.json()) as { id: string }).id;
  // Already made by an earlier run on this database: use that one.
  expect(created.status()).toBe(400);
  const found = await request.get(`/api/v1/unstract/${ACME.id}/pipeline/?search=${encodeURIComponent(PAYLOAD)}`, { headers: auth });
  const match = ((await found.json()) as { results: { id: string; pipeline_name: string }[] }).results.find((p) => p.pipeline_name === PAYLOAD);
  expect(match).toBeDefined();
  return match?.id ?? "";
}

async function expectInert(page: Page, dialogs: string[], where: string) {
  // Give any injected handler the chance to fire before looking.
  await page.waitForLoadState("networkidle");
  await expect(page.locator('img[src="x"]'), `${where}: an <img> made from the name`).toHaveCount(0);
  await expect(page.locator("script", { hasText: "alert(2)" }), `${where}: a <script> made from the name`).toHaveCount(0);
  expect(dialogs, `${where}: dialogs opened`).toEqual([]);
}

test("a pipeline named <img src=x onerror=alert(1)> renders as text everywhere", async ({ page, request }) => {
  test.setTimeout(120_000);
  const dialogs: string[] = [];
  page.on("dialog", async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });

  const id = await hostilePipeline(request);
  // A run (for the executions page) and audit entries come with using it as anyone would.
  const run = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/execute/`, { headers: auth, data: { pipeline_id: id } });
  expect(run.status()).toBe(200);
  await request.patch(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, { headers: auth, data: { description: PAYLOAD } });
  const resource = await request.post("/resources", { headers: auth, data: { name: RESOURCE_PAYLOAD, kind: "source", connector: "sample" } });
  expect(resource.status()).toBe(201);

  await signIn(page, ADMIN);
  await expectInert(page, dialogs, "overview");

  const visits: [string, string, () => Promise<void>][] = [
    ["/pipelines", "pipelines list", async () => {
      await page.getByTestId("pipelines-search").fill(PAYLOAD);
      await expect(page.getByTestId("pipeline-row").filter({ hasText: PAYLOAD })).toHaveCount(1);
    }],
    [`/pipelines/${id}`, "pipeline detail", async () => {
      await expect(page.getByTestId("pipeline-name")).toHaveText(PAYLOAD);
      await expect(page.getByText(PAYLOAD, { exact: true }).first()).toBeVisible();
    }],
    [`/pipelines/${id}/delete`, "delete wizard", async () => {
      await expect(page.getByTestId("delete-wizard").getByText(PAYLOAD).first()).toBeVisible();
    }],
    ["/executions", "executions", async () => {
      await expect(page.getByTestId("execution-row").getByRole("link", { name: PAYLOAD, exact: true }).first()).toBeVisible();
    }],
    ["/audit", "audit", async () => {
      await expect(page.getByTestId("audit-row").filter({ hasText: PAYLOAD }).first()).toBeVisible();
    }],
    ["/connections", "connections", async () => {
      await expect(page.getByTestId("resource-row").filter({ hasText: RESOURCE_PAYLOAD }).first()).toBeVisible();
    }],
  ];
  for (const [path, where, shows] of visits) {
    await page.goto(path);
    await shows();
    await expectInert(page, dialogs, where);
  }
  // The page title names the pipeline too: as text, not markup.
  await page.goto(`/pipelines/${id}`);
  await expect(page.getByTestId("pipeline-name")).toHaveText(PAYLOAD);
  await expectInert(page, dialogs, "detail, again");
});
