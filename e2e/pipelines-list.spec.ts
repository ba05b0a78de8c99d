// The pipelines list as people use it: search, filter, sort and page through many pipelines,
// pause one and find it still paused after a reload, act on several at once and read how each
// one went; a member sees why the pipelines of others cannot be switched.
import AxeBuilder from "@axe-core/playwright";
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { attachScreenshots, DESKTOP, PHONE, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const api = `/api/v1/unstract/${ACME.id}`;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
// Unique per run, short enough for 32-character names: "pl<base36 time>-07".
const PREFIX = `pl${Date.now().toString(36)}`;
const COUNT = 60;
const nameOf = (i: number) => `${PREFIX}-${String(i).padStart(2, "0")}`;
// Every third one is an ETL pipeline (0, 3, …, 57): 20 of them.
const typeOf = (i: number) => (i % 3 === 0 ? "ETL" : "TASK");

interface Pipeline {
  id: string;
  pipeline_name: string;
  active: boolean;
  paused_by: string | null;
  pause_reason: string | null;
}

async function expectAccessible(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target) }))).toEqual([]);
}

async function pipelineNamed(request: APIRequestContext, name: string): Promise<Pipeline | undefined> {
  const res = await request.get(`${api}/pipeline/?search=${encodeURIComponent(name)}`, { headers: auth });
  expect(res.ok()).toBe(true);
  return ((await res.json()) as { results: Pipeline[] }).results.find((p) => p.pipeline_name === name);
}

const rows = (page: Page) => page.getByTestId("pipeline-row");
const row = (page: Page, name: string) => page.locator(`[data-testid="pipeline-row"][data-name="${name}"]`);

test.describe.configure({ mode: "serial" });

test.beforeAll(async ({ request }) => {
  // Ten at a time: enough pipelines for two pages of 50.
  for (let start = 0; start < COUNT; start += 10) {
    await Promise.all(
      Array.from({ length: 10 }, async (_, k) => {
        const i = start + k;
        const res = await request.post(`${api}/pipeline/`, {
          headers: auth,
          data: { pipeline_name: nameOf(i), pipeline_type: typeOf(i), description: `e2e list pipeline ${i}` },
        });
        expect(res.status(), await res.text()).toBe(201);
      }),
    );
  }
});

test("search, filter by type, sort by a column and page with the cursor", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await page.getByTestId("nav-pipelines").click();
  await expect(page).toHaveURL(/\/pipelines$/);
  await expect(rows(page).first()).toBeVisible();
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipelines-list");

  await page.getByLabel("Search by name").fill(PREFIX);
  await expect(page.getByTestId("pipelines-count")).toHaveText(`${COUNT} pipelines match`);
  await expect(page).toHaveURL(new RegExp(`search=${PREFIX}`));
  await expect(rows(page)).toHaveCount(50);

  // Never run: nothing was ever stored, so not "Cleared"; types and storage in words.
  await expect(row(page, nameOf(COUNT - 1)).getByTestId("storage-badge")).toHaveText("Storage: No storage");
  await expect(row(page, nameOf(COUNT - 1)).getByTestId("pipeline-type")).toHaveText("Task");

  // Page 2 by the cursor, and back; the pager says where it is.
  const pageOf = page.getByTestId("page-of");
  const button = (name: string) => page.getByTestId("pager").getByRole("button", { name, exact: true });
  await expect(pageOf).toHaveText("Page 1 of 2");
  await expect(button("First")).toBeDisabled();
  await button("Next").click();
  await expect(rows(page)).toHaveCount(COUNT - 50);
  await expect(pageOf).toHaveText("Page 2 of 2");
  await expect(page).toHaveURL(/cursor=.*page=2|page=2.*cursor=/);
  await expect(button("Next")).toBeDisabled();
  await expect(button("Last")).toBeDisabled();
  await attachScreenshots(page, testInfo, "pipelines-page-2");
  await button("First").click();
  await expect(rows(page)).toHaveCount(50);
  await expect(pageOf).toHaveText("Page 1 of 2");
  await expect(button("Previous")).toBeDisabled();
  // Last jumps to the end by its number; Previous comes back from there without a cursor.
  await button("Last").click();
  await expect(rows(page)).toHaveCount(COUNT - 50);
  await expect(pageOf).toHaveText("Page 2 of 2");
  await expect(page).toHaveURL(/page=2/);
  await button("Previous").click();
  await expect(rows(page)).toHaveCount(50);
  await expect(pageOf).toHaveText("Page 1 of 2");
  await expect(page).not.toHaveURL(/page=|cursor=/);

  // The Status select shows its whole first choice at both widths.
  for (const size of [PHONE, DESKTOP]) {
    await page.setViewportSize(size);
    if (size === PHONE) await page.getByRole("button", { name: /^Filters/ }).click();
    const status = page.getByLabel("Status");
    await expect(status).toBeVisible();
    // Its width against the width it takes when left to size itself to its longest choice.
    const room = await status.evaluate((select: HTMLSelectElement) => {
      const given = select.getBoundingClientRect().width;
      const before = select.style.width;
      select.style.width = "auto";
      const needed = select.getBoundingClientRect().width;
      select.style.width = before;
      return given - needed;
    });
    expect(room, `"Active and paused" is cut at ${size.width} px`).toBeGreaterThanOrEqual(0);
  }

  // Sorting by name: the header says how the table is sorted.
  const nameHeader = page.getByRole("columnheader", { name: /^Name/ });
  await expect(nameHeader).toHaveAttribute("aria-sort", "none");
  await page.getByTestId("sort-pipeline_name").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "ascending");
  await expect(rows(page).first()).toHaveAttribute("data-name", nameOf(0));
  await page.getByTestId("sort-pipeline_name").click();
  await expect(nameHeader).toHaveAttribute("aria-sort", "descending");
  await expect(rows(page).first()).toHaveAttribute("data-name", nameOf(COUNT - 1));
  await expect(page.getByRole("columnheader", { name: /^Last run/ })).toHaveAttribute("aria-sort", "none");

  // Filtered by type, still sorted by name, descending.
  await page.getByLabel("Type").selectOption("ETL");
  await expect(page.getByTestId("pipelines-count")).toHaveText("20 pipelines match");
  await expect(rows(page)).toHaveCount(20);
  await expect(rows(page).first()).toHaveAttribute("data-name", nameOf(57));
  for (const type of await rows(page).getByTestId("pipeline-type").allTextContents()) expect(type).toBe("ETL");
  await expect(page.getByTestId("pager")).toHaveCount(0);

  // The view is in the URL: a reload shows the same.
  await page.reload();
  await expect(page.getByLabel("Search by name")).toHaveValue(PREFIX);
  await expect(page.getByLabel("Type")).toHaveValue("ETL");
  await expect(rows(page).first()).toHaveAttribute("data-name", nameOf(57));

  await page.getByLabel("Search by name").fill(`${PREFIX}-nothing`);
  await expect(page.getByTestId("empty")).toHaveText("No pipelines match these filters.");
});

test("a row clicked while a search is still waiting opens that pipeline and stays there", async ({ page }) => {
  await signIn(page, ADMIN);
  // The pipeline's page answers a little slowly (as over a real network), so the list's search
  // delay ends while the navigation is still under way: it must not take the user back.
  await page.route(/\/pipelines\/[0-9a-f-]{36}/, async (route) => {
    if (route.request().resourceType() !== "document") await new Promise((resolve) => setTimeout(resolve, 600));
    await route.continue();
  });
  await page.goto("/pipelines");
  const first = rows(page).first();
  await expect(first).toBeVisible();
  const name = (await first.getAttribute("data-name")) ?? "";
  // The search matches the clicked row, and the row is found by its name: whether the list has
  // re-rendered with the search's results before the click or not, the click opens that pipeline.
  await page.getByLabel("Search by name").fill(name);
  await row(page, name).getByTestId("pipeline-link").click();
  await expect(page.getByTestId("pipeline-name")).toHaveText(name);
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  // Past the search delay (300 ms): still on the pipeline.
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/\/pipelines\/[0-9a-f-]{36}$/);
  await expect(page.getByTestId("pipeline-name")).toHaveText(name);
});

test("pausing a pipeline asks a reason in a popover, shows at once, says who and why, and is still paused after a reload", async ({ page, request }) => {
  const name = nameOf(3);
  await signIn(page, ADMIN);
  await page.goto(`/pipelines?search=${name}`);
  const toggle = row(page, name).getByRole("switch", { name: `Active: ${name}` });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  // The popover asks first; Enter in the reason confirms.
  const popover = row(page, name).getByTestId("pause-popover");
  await expect(popover.getByLabel(/Reason/)).toBeFocused();
  await popover.getByLabel(/Reason/).fill("vendor maintenance");
  await popover.getByLabel(/Reason/).press("Enter");
  await expect(popover).toHaveCount(0);
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(page.getByTestId("toast").filter({ hasText: `${name} is paused.` })).toBeVisible();
  await expect(row(page, name).getByTestId("next-run")).toContainText("—");
  const badge = row(page, name).getByTestId("paused-badge");
  await expect(badge).toHaveAttribute("title", `Paused by ${ADMIN.email} just now: vendor maintenance.`);

  await page.reload();
  await expect(row(page, name).getByRole("switch", { name: `Active: ${name}` })).toHaveAttribute("aria-checked", "false");
  expect(await pipelineNamed(request, name)).toMatchObject({ active: false, pause_reason: "vendor maintenance", paused_by: ADMIN.email });

  // Resuming is at once, and Undo puts the pause back as it was, reason included.
  await row(page, name).getByRole("switch", { name: `Active: ${name}` }).click();
  const resumed = page.getByTestId("toast").filter({ hasText: `${name} is active again.` });
  await expect(resumed).toBeVisible();
  await expect.poll(async () => (await pipelineNamed(request, name))?.active).toBe(true);
  await resumed.getByRole("button", { name: "Undo" }).click();
  await expect(row(page, name).getByRole("switch", { name: `Active: ${name}` })).toHaveAttribute("aria-checked", "false");
  await expect.poll(async () => (await pipelineNamed(request, name))?.pause_reason).toBe("vendor maintenance");
  await row(page, name).getByRole("switch", { name: `Active: ${name}` }).click();
  await expect.poll(async () => (await pipelineNamed(request, name))?.active).toBe(true);

  // When the server refuses, the switch goes back to what it was and the reason is shown.
  const id = (await pipelineNamed(request, name))?.id ?? "";
  let release: () => void = () => {};
  const answered = new Promise<void>((resolve) => (release = resolve));
  await page.route(`**${api}/pipeline/${id}/`, async (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    await answered;
    await route.fulfill({
      status: 403,
      json: { type: "client_error", errors: [{ code: "permission_denied", detail: "You do not have permission to perform this action.", attr: null }] },
    });
  });
  const switchAgain = row(page, name).getByRole("switch", { name: `Active: ${name}` });
  await expect(switchAgain).toHaveAttribute("aria-checked", "true");
  await switchAgain.click();
  await row(page, name).getByTestId("pause-popover-yes").click();
  await expect(switchAgain).toHaveAttribute("aria-checked", "false");
  release();
  await expect(switchAgain).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("toast").filter({ hasText: `Could not pause ${name}: You do not have permission to perform this action.` })).toBeVisible();
  expect((await pipelineNamed(request, name))?.active).toBe(true);
});

test("bulk pause two pipelines, with a result per pipeline", async ({ page, request }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto(`/pipelines?search=${PREFIX}&ordering=pipeline_name`);
  await expect(rows(page).first()).toHaveAttribute("data-name", nameOf(0));

  for (const i of [10, 11]) await row(page, nameOf(i)).getByRole("checkbox", { name: `Select ${nameOf(i)}` }).check();
  await expect(page.getByTestId("bulk-count")).toHaveText("2 pipelines selected");
  await expectAccessible(page);
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Pause…" }).click();
  const popover = page.getByTestId("bulk-pause-popover");
  await popover.getByLabel(/Reason/).fill("quarter close");
  await popover.getByRole("button", { name: "Pause 2 pipelines" }).click();

  const report = page.getByTestId("bulk-results");
  await expect(report.getByRole("heading")).toHaveText("Paused 2 of 2 pipelines");
  await expect(report.getByTestId("bulk-summary")).toHaveText("2 succeeded, 0 failed.");
  for (const i of [10, 11]) {
    await expect(report.locator(`[data-testid="bulk-result"][data-name="${nameOf(i)}"]`)).toContainText("Paused");
    await expect(row(page, nameOf(i)).getByRole("switch")).toHaveAttribute("aria-checked", "false");
    expect(await pipelineNamed(request, nameOf(i))).toMatchObject({ active: false, pause_reason: "quarter close" });
  }
  // The selection stays, for a next action.
  await expect(page.getByTestId("bulk-count")).toHaveText("2 pipelines selected");
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Clear selection" }).click();
  await attachScreenshots(page, testInfo, "pipelines-bulk-results");

  // The status filter shows the paused ones only, and back.
  await page.getByLabel("Status").selectOption("false");
  await expect(row(page, nameOf(10))).toBeVisible();
  await expect(row(page, nameOf(11))).toBeVisible();
  await expect(row(page, nameOf(12))).toHaveCount(0);
  for (const toggle of await rows(page).getByRole("switch").all()) await expect(toggle).toHaveAttribute("aria-checked", "false");
  await page.getByLabel("Status").selectOption("");
  await expect(row(page, nameOf(12))).toBeVisible();
});

test("bulk delete two, one of which a script deleted first: the server refuses that one and says why", async ({ page, request }, testInfo) => {
  await signIn(page, ADMIN);
  await page.goto(`/pipelines?search=${PREFIX}&ordering=pipeline_name`);
  const gone = nameOf(21);
  for (const i of [20, 21]) await row(page, nameOf(i)).getByRole("checkbox", { name: `Select ${nameOf(i)}` }).check();
  const goneId = (await pipelineNamed(request, gone))?.id ?? "";
  expect((await request.delete(`${api}/pipeline/${goneId}/`, { headers: auth })).status()).toBe(204);
  await page.getByTestId("bulk-bar").getByRole("button", { name: "Delete…" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete 2 pipelines?" });
  await expect(dialog).toBeVisible();
  await expect(dialog.locator(`[data-testid="bulk-delete-impact"][data-name="${nameOf(20)}"]`)).toHaveAttribute("data-loaded", "true");
  await expect(dialog.locator(`[data-testid="bulk-delete-impact"][data-name="${gone}"]`)).toContainText("Not found: it may have been deleted already.");
  await expect(dialog.getByLabel("Type delete 2 pipelines to confirm")).toBeFocused();
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipelines-bulk-delete-confirm");
  await dialog.getByLabel("Type delete 2 pipelines to confirm").fill("delete 2 pipelines");
  await dialog.getByRole("button", { name: "Delete 2 pipelines" }).click();
  await expect(dialog).toBeHidden();
  const progress = page.getByTestId("bulk-delete-progress");
  const result = (name: string) => progress.locator(`[data-testid="bulk-delete-result"][data-name="${name}"]`);
  await expect(result(gone)).toHaveAttribute("data-state", "refused");
  await expect(result(gone)).toContainText("Refused: No such pipeline that you can see.");
  await expect(result(nameOf(20))).toHaveAttribute("data-state", "done", { timeout: 30_000 });
  await expect(progress.getByTestId("bulk-delete-summary")).toHaveText("1 of 2 deleted, 1 refused");
  await expect(row(page, nameOf(20))).toHaveCount(0);
  expect(await pipelineNamed(request, nameOf(20))).toBeUndefined();
});

test("a member sees why another's pipeline cannot be switched", async ({ page }, testInfo) => {
  await signIn(page, MEMBER);
  // Shared with the whole org by the demo data, owned by the admin.
  await page.goto("/pipelines?search=acme_etl_sync");
  const toggle = row(page, "acme_etl_sync").getByRole("switch", { name: "Active: acme_etl_sync" });
  await expect(toggle).toHaveAttribute("aria-disabled", "true");
  await expect(toggle).toHaveAttribute("title", "Only the owner or an admin can change this pipeline.");
  await expect(toggle).toHaveAccessibleDescription(/Only the owner or an admin can change this pipeline\./);
  await expect(page.getByTestId("change-refusal")).toBeVisible();
  // It stays focusable, so the keyboard reaches it and hears why; pressing it changes nothing.
  const before = await toggle.getAttribute("aria-checked");
  await toggle.focus();
  await page.keyboard.press("Space");
  await expect(toggle).toHaveAttribute("aria-checked", before ?? "true");
  // Nothing opens and nothing is said: no pause form, no toast.
  await expect(page.getByTestId("pause-popover")).toHaveCount(0);
  await expect(page.getByTestId("toast")).toHaveCount(0);
  await expect(row(page, "acme_etl_sync").getByTestId("run-pills").getByRole("listitem")).toHaveCount(5);
  // It has run: its storage reads in words, never the API's "InUse".
  await expect(row(page, "acme_etl_sync").getByTestId("storage-badge")).toHaveText(/^Storage: (In use|Cleared|Clearing)/);
  await expectAccessible(page);
  await attachScreenshots(page, testInfo, "pipelines-member");
});
