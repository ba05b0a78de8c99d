// Export before delete, recreate after: a pipeline's configuration downloaded from its Overview,
// imported on New pipeline (under another name when its own is taken), and a deleted pipeline
// recreated from what its deletion kept in the audit log. Both copies start paused, keyless.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const api = `/api/v1/unstract/${ACME.id}`;
const stamp = Date.now().toString(36);
const NAME = `cfg_${stamp}`;
const SOURCE = `cfg source ${stamp}`;
const DESTINATION = `cfg table ${stamp}`;
const configPath = path.join(os.tmpdir(), `sluice-e2e-${NAME}.sluice.json`);
let sourceId = "";

interface ConfigFile {
  format: string;
  pipeline_name: string;
  pipeline_type: string;
  cron_string: string | null;
  timezone: string;
  jobs: { name: string; source: { name: string }; destination: { name: string } | null }[];
  sharing: { shared_to_org: boolean; shared_users: string[] };
}

async function createResource(request: APIRequestContext, data: Record<string, unknown>): Promise<string> {
  const response = await request.post("/resources", { headers: auth, data });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function createPipeline(request: APIRequestContext, body: Record<string, unknown>): Promise<string> {
  const response = await request.post(`${api}/pipeline/`, { headers: auth, data: body });
  expect(response.status(), await response.text()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

async function memberId(request: APIRequestContext, email: string): Promise<string> {
  const response = await request.get(`/api/v1/orgs/${ACME.id}/members`, { headers: auth });
  const found = ((await response.json()) as { results: { id: string; email: string }[] }).results.find((m) => m.email === email);
  expect(found, `${email} is a member`).toBeTruthy();
  return found?.id ?? "";
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target) }))).toEqual([]);
}

test.describe.configure({ mode: "serial" });

test.afterAll(() => fs.rmSync(configPath, { force: true }));

test("the owner downloads the configuration from the Overview; a member is told why they cannot", async ({ page, browser, request }) => {
  sourceId = await createResource(request, { name: SOURCE, kind: "source", connector: "sample", config: { count: 5 } });
  const destination = await createResource(request, { name: DESTINATION, kind: "destination", connector: "table", config: { table: `cfg_${stamp}` } });
  const id = await createPipeline(request, {
    pipeline_name: NAME,
    pipeline_type: "ETL",
    description: "Copied by the configuration spec.",
    cron_string: "0 4 * * *",
    timezone: "Europe/Berlin",
    shared_to_org: true,
    shared_users: [await memberId(request, MEMBER.email)],
    jobs: [{ name: "extract", source: sourceId, destination }],
  });

  await signIn(page, ADMIN);
  await page.goto(`/pipelines/${id}`);
  const link = page.getByRole("link", { name: "Download configuration" });
  await expect(link).toHaveAttribute("href", `/api/v1/orgs/${ACME.id}/pipelines/${id}/export`);
  const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
  expect(download.suggestedFilename()).toBe(`${NAME}.sluice.json`);
  await download.saveAs(configPath);
  const config = JSON.parse(fs.readFileSync(configPath, "utf8")) as ConfigFile;
  expect(config).toMatchObject({
    format: "sluice.pipeline/1",
    pipeline_name: NAME,
    pipeline_type: "ETL",
    cron_string: "0 4 * * *",
    timezone: "Europe/Berlin",
    jobs: [{ name: "extract", source: { name: SOURCE }, destination: { name: DESTINATION } }],
    sharing: { shared_to_org: true, shared_users: [MEMBER.email] },
  });

  // Shared with the member, who may read it but not download it: the button says why.
  const memberContext = await browser.newContext();
  const memberPage = await memberContext.newPage();
  await signIn(memberPage, MEMBER);
  await memberPage.goto(`/pipelines/${id}`);
  const refused = memberPage.getByRole("button", { name: "Download configuration" });
  await expect(refused).toBeDisabled();
  await expect(refused).toHaveAccessibleDescription("Only the owner or an admin can download its configuration.");
  await memberContext.close();
});

test("import that file on New pipeline: its summary, the taken name refused on its field, then a paused copy", async ({ page, request }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto("/pipelines/new");
  const file = page.getByLabel("Configuration file (.json)");

  // Something else than a configuration: said plainly, nothing to create.
  await file.setInputFiles({ name: "notes.json", mimeType: "application/json", buffer: Buffer.from('{"notes": "not a pipeline"}') });
  await expect(page.getByTestId("config-file-problems")).toContainText("This file is not a Sluice pipeline configuration.");
  await expect(page.getByTestId("import-review")).toHaveCount(0);
  await expect(page.getByTestId("new-pipeline-form")).toBeVisible();

  await file.setInputFiles(configPath);
  const review = page.getByTestId("import-review");
  await expect(review).toBeVisible();
  await expect(page.getByTestId("config-file-problems")).toHaveCount(0);
  // The page's own form steps aside while a file is reviewed.
  await expect(page.getByTestId("new-pipeline-form")).toBeHidden();
  await expect(review.getByTestId("import-type")).toHaveText("ETL");
  await expect(review.getByTestId("import-schedule")).toContainText("0 4 * * *");
  await expect(review.getByTestId("import-schedule")).toContainText("Europe/Berlin");
  const job = review.getByTestId("import-job");
  await expect(job).toHaveCount(1);
  await expect(job).toContainText("extract");
  await expect(job).toContainText(SOURCE);
  await expect(job).toContainText(DESTINATION);
  await expect(review.getByTestId("import-sharing")).toContainText(`Everyone in ${ACME.name}`);
  await expect(review.getByTestId("import-sharing")).toContainText(MEMBER.email);
  await expect(review.getByTestId("import-note")).toHaveText("It is created paused, without API keys: resume it when you are ready.");
  const name = review.getByLabel("Name of the new pipeline");
  await expect(name).toHaveValue(NAME);

  // Its own name is taken (the original still exists): the error sits on the name field.
  await review.getByRole("button", { name: "Create paused pipeline" }).click();
  await expect(page.getByTestId("import-name-error")).toHaveText(`A pipeline named "${NAME}" already exists: give the new one another name.`);
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expect(name).toBeFocused();
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "config-import");

  const copy = `${NAME}_copy`;
  await name.fill(copy);
  await expect(page.getByTestId("import-name-error")).toHaveCount(0);
  await review.getByRole("button", { name: "Create paused pipeline" }).click();
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("toast").filter({ hasText: `Pipeline “${copy}” created, paused.` })).toBeVisible();
  await expect(page.getByTestId("pipeline-name")).toHaveText(copy);
  await expect(page.getByTestId("pipeline-active-badge")).toHaveText("Paused");

  const id = new URL(page.url()).pathname.split("/").pop() ?? "";
  const keys = await request.get(`${api}/api/keys/pipeline/${id}/`, { headers: auth });
  expect(keys.status()).toBe(200);
  expect(await keys.json()).toEqual([]);
});

test("recreate a deleted pipeline from its audit entry, under another name when its own is taken again", async ({ page, request }, testInfo) => {
  const gone = `gone_${stamp}`;
  const id = await createPipeline(request, { pipeline_name: gone, cron_string: "0 5 * * *", jobs: [{ name: "load", source: sourceId }] });
  const deleted = await request.delete(`${api}/pipeline/${id}/`, { headers: auth, data: { reason: "config spec: gone for now" } });
  expect(deleted.status()).toBe(204);
  // Someone took the name back meanwhile.
  await createPipeline(request, { pipeline_name: gone });

  await signIn(page, ADMIN);
  await page.goto("/audit");
  const row = page.locator(`[data-testid="audit-row"][data-action="pipeline.delete"][data-object-id="${id}"]`);
  const open = row.getByRole("button", { name: /^Recreate/ });
  // "Recreate…" on screen; its accessible name also says which pipeline.
  await expect(open).toHaveAccessibleName(`Recreate… ${gone}`);
  await expect(open).toHaveAttribute("aria-expanded", "false");

  // Cancel gives the focus back to the button that opened the panel.
  await open.click();
  const panel = page.getByTestId("recreate-panel");
  await expect(panel.getByRole("heading")).toHaveText(`Recreate “${gone}”`);
  const name = panel.getByLabel("Name of the new pipeline");
  await expect(name).toBeFocused();
  await panel.getByRole("button", { name: "Cancel" }).click();
  await expect(panel).toHaveCount(0);
  await expect(open).toBeFocused();

  await open.click();
  await expect(open).toHaveAttribute("aria-expanded", "true");
  await expect(panel.getByTestId("recreate-note")).toHaveText("A new, paused pipeline with the same configuration; never the old keys.");
  await expect(name).toHaveValue(gone);
  await panel.getByRole("button", { name: "Recreate paused" }).click();
  await expect(panel.getByTestId(`recreate-${await row.getAttribute("data-event-id")}-name-error`)).toHaveText(
    `A pipeline named "${gone}" already exists: give the new one another name.`,
  );
  await expect(name).toHaveAttribute("aria-invalid", "true");
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "audit-recreate");

  const back = `${gone}_back`;
  await name.fill(back);
  await panel.getByRole("button", { name: "Recreate paused" }).click();
  await expect(panel.getByTestId("recreate-done")).toContainText(`Recreated as “${back}”, paused and without keys.`);
  const openCreated = panel.getByRole("link", { name: `Open ${back}` });
  await expect(openCreated).toBeFocused();
  await attachScreenshots(page, testInfo, "audit-recreated");
  await openCreated.click();

  await expect(page.getByTestId("pipeline-name")).toHaveText(back);
  await expect(page.getByTestId("pipeline-active-badge")).toHaveText("Paused");
  const recreatedId = new URL(page.url()).pathname.split("/").pop() ?? "";
  const recreated = (await (await request.get(`${api}/pipeline/${recreatedId}/`, { headers: auth })).json()) as { cron_string: string; pause_reason: string };
  expect(recreated.cron_string).toBe("0 5 * * *");
  expect(recreated.pause_reason).toMatch(new RegExp(`^Recreated from the audit log \\(deleted by ${ADMIN.email.replace(/\./g, "\\.")} on .+\\)\\.$`));
});
