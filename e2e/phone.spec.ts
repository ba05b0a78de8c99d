// Every console page on a phone (390 × 844): nothing spills out sideways, a pipeline's sections
// are all reachable by their full names, filters fold away so the first screen shows rows, and
// the bulk bar stays in view while the list scrolls. Each page's screenshot is attached and
// kept in reports/screenshots/phone-<page>.png.
import fs from "node:fs";
import path from "node:path";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { DESKTOP, PHONE, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const api = `/api/v1/unstract/${ACME.id}`;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const SHOTS = path.join("reports", "screenshots");
const PREFIX = `ph${Date.now().toString(36)}`;

async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const body = await page.screenshot({ fullPage: true });
  fs.mkdirSync(SHOTS, { recursive: true });
  fs.writeFileSync(path.join(SHOTS, `${name}.png`), body);
  await testInfo.attach(name, { body, contentType: "image/png" });
}

async function expectNoSidewaysOverflow(page: Page, name: string) {
  await expect
    .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
      message: `${name} overflows sideways at ${page.viewportSize()?.width} px`,
    })
    .toBeLessThanOrEqual(0);
}

async function ready(page: Page) {
  await expect(page.locator("h1").first()).toBeVisible();
  await expect(page.getByTestId("loading")).toHaveCount(0);
}

const pages = [
  { name: "overview", path: "/" },
  { name: "pipelines", path: "/pipelines", firstRow: "pipeline-row", filter: "pipelines-type" },
  { name: "pipeline-new", path: "/pipelines/new" },
  { name: "executions", path: "/executions", firstRow: "execution-row", filter: "executions-status" },
  { name: "connections", path: "/connections" },
  { name: "members", path: "/members" },
  { name: "tokens", path: "/tokens" },
  { name: "audit", path: "/audit", firstRow: "audit-row", filter: "audit-actor" },
  { name: "api-reference", path: "/api-reference" },
] as const;

let pipelineId = "";

test.beforeAll(async ({ request }) => {
  // Enough rows that the list scrolls on a phone, whatever other specs left behind.
  const made = await Promise.all(
    Array.from({ length: 8 }, async (_, i) => {
      const res = await request.post(`${api}/pipeline/`, {
        headers: auth,
        data: { pipeline_name: `${PREFIX}-${i}`, pipeline_type: "TASK", cron_string: "0 6 * * *" },
      });
      expect(res.status(), await res.text()).toBe(201);
      return ((await res.json()) as { id: string }).id;
    }),
  );
  pipelineId = made[0] ?? "";
});

test("every console page fits a phone, filters folded so rows come first", async ({ page }, testInfo) => {
  await page.setViewportSize(PHONE);
  await signIn(page, ADMIN);
  for (const entry of pages) {
    await page.goto(entry.path);
    await ready(page);
    if ("filter" in entry) {
      // Filters are behind a closed "Filters" button: the first screen shows a row.
      const toggle = page.getByRole("button", { name: /^Filters/ });
      await expect(toggle).toHaveAttribute("aria-expanded", "false");
      await expect(page.getByTestId(entry.filter)).toBeHidden();
      await expect(page.getByTestId(entry.firstRow).first()).toBeInViewport();
      await toggle.click();
      await expect(page.getByTestId(entry.filter)).toBeVisible();
      await toggle.click();
      await expect(page.getByTestId(entry.filter)).toBeHidden();
    }
    await expectNoSidewaysOverflow(page, entry.name);
    await keepScreenshot(page, testInfo, `phone-${entry.name}`);
  }
});

test("a pipeline's sections and the list's bulk bar on a phone; list and pipeline after, at both widths", async ({ page }, testInfo) => {
  await page.setViewportSize(PHONE);
  await signIn(page, ADMIN);
  await page.goto(`/pipelines/${pipelineId}`);
  await ready(page);
  // Below sm the sections are a menu with every full name, "Danger zone" included.
  const section = page.getByLabel("Section", { exact: true });
  await expect(section).toBeVisible();
  await expect(page.getByRole("tablist")).toBeHidden();
  const names = ["Overview", "Executions", "Keys", "Sharing", "Danger zone"];
  expect((await section.locator("option").allTextContents()).map((t) => t.trim())).toEqual(names);
  for (const name of names) {
    await section.selectOption({ label: name });
    const id = name.toLowerCase().replace(" ", "-");
    await expect(page.getByTestId(`panel-${id}`)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`#${id}$`));
    await expect(page.getByTestId("loading")).toHaveCount(0);
    await expectNoSidewaysOverflow(page, `pipeline ${name}`);
    if (id === "danger-zone") {
      // Never run: its storage was never used, and the page does not call it "Cleared".
      await expect(page.getByTestId("storage-status")).toHaveText("No storage");
      await expect(page.getByTestId("clear-storage-button-why")).toHaveText("Nothing to clear: it has never run.");
    }
    await keepScreenshot(page, testInfo, `phone-pipeline-${id}`);
  }
  await section.selectOption({ label: "Overview" });
  await keepScreenshot(page, testInfo, "pipeline-after-390");
  await page.setViewportSize(DESKTOP);
  await expect(page.getByRole("tab", { name: "Danger zone" })).toBeVisible();
  await expect(section).toBeHidden();
  await keepScreenshot(page, testInfo, "pipeline-after-1280");

  // The bulk bar stays on screen while the selected rows scroll under it.
  await page.setViewportSize(PHONE);
  await page.goto(`/pipelines?search=${PREFIX}&ordering=pipeline_name`);
  const rows = page.getByTestId("pipeline-row");
  await expect(rows).toHaveCount(8);
  for (const i of [0, 1]) await page.getByRole("checkbox", { name: `Select ${PREFIX}-${i}` }).check();
  const bar = page.getByTestId("bulk-bar");
  await expect(bar.getByTestId("bulk-count")).toHaveText("2 pipelines selected");
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await expect(rows.last()).toBeInViewport();
  await expect(rows.first()).not.toBeInViewport();
  await expect(bar).toBeInViewport();
  await expect(bar.getByRole("button", { name: "Pause…" })).toBeInViewport();
  await page.getByRole("button", { name: "Clear selection" }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await keepScreenshot(page, testInfo, "list-after-390");
  await page.setViewportSize(DESKTOP);
  await expect(page.getByRole("button", { name: /^Filters/ })).toBeHidden();
  await expect(page.getByTestId("pipelines-type")).toBeVisible();
  await keepScreenshot(page, testInfo, "list-after-1280");
});
