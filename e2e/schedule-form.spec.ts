// The schedule of a pipeline in the browser: the cron is checked as it is typed with the server's
// own rules and words (lib/schedule-rules.ts), the rule "at least 30 minutes apart" is said once,
// and the timezone is found by searching canonical IANA names shown with their UTC offset.
import { expect, test, type APIRequestContext, type Page } from "@playwright/test";
import { signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const api = `/api/v1/unstract/${ACME.id}`;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

async function createPipeline(request: APIRequestContext, label: string, body: Record<string, unknown> = {}): Promise<string> {
  const name = `sf_${label}_${Date.now().toString(36)}`.slice(0, 32);
  const response = await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: name, ...body } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

/** Counts the PATCHes the page sends for a pipeline: a check as you type sends none. */
function countSaves(page: Page, id: string): () => number {
  let saves = 0;
  page.on("request", (request) => {
    if (request.method() === "PATCH" && request.url().includes(`/pipeline/${id}`)) saves += 1;
  });
  return () => saves;
}

test("the cron is checked as it is typed, in the server's words", async ({ page, request }) => {
  const id = await createPipeline(request, "typed", { cron_string: "0 6 * * *" });
  await signIn(page, ADMIN);
  const saves = countSaves(page, id);
  await page.goto(`/pipelines/${id}`);
  const form = page.getByTestId("pipeline-edit-form");
  const cron = form.getByLabel("Schedule (cron)");
  await expect(cron).toHaveValue("0 6 * * *");

  // A value out of its field's range: named, with the range, before any save.
  await cron.fill("61 * * * *");
  await expect(page.getByTestId("cron-error")).toHaveText("minute 61 is outside 0–59.");
  await expect(cron).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("cron-words")).toHaveCount(0);

  // February 31st: well-formed, but it never fires.
  await cron.fill("0 2 31 2 *");
  await expect(page.getByTestId("cron-error")).toHaveText("0 2 31 2 * never fires: February has no 31st.");
  await expect(page.getByTestId("cron-next-runs")).toHaveCount(0);

  // Every minute: the rule is said exactly once, as the refusal (the hint that states it steps aside).
  await cron.fill("* * * * *");
  await expect(page.getByTestId("cron-error")).toHaveText("Schedules must be at least 30 minutes apart (1800 seconds); this cron runs more often.");
  await expect(page.getByText(/at least 30 minutes apart/)).toHaveCount(1);
  await expect(page.getByTestId("cron-rule")).toHaveCount(0);
  await expect(page.getByTestId("cron-warning")).toHaveCount(0);

  // A good cron: no error, the words, five runs, and the rule back as a hint.
  await cron.fill("30 9 * * *");
  await expect(page.getByTestId("cron-error")).toHaveText("");
  await expect(cron).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("cron-words")).toContainText("At 09:30");
  await expect(page.getByTestId("cron-next-runs").getByRole("listitem")).toHaveCount(5);
  await expect(page.getByTestId("cron-rule")).toHaveCount(1);

  expect(saves()).toBe(0);
});

test("the timezone is found by search, shown with its offset, and saved by its canonical name", async ({ page, request }) => {
  const id = await createPipeline(request, "zone", { cron_string: "30 9 * * *" });
  await signIn(page, ADMIN);
  await page.goto(`/pipelines/${id}`);
  const form = page.getByTestId("pipeline-edit-form");
  const zone = form.getByRole("combobox", { name: "Timezone" });
  await expect(zone).toHaveValue("UTC (UTC+00:00)");
  await expect(zone).toHaveAttribute("aria-expanded", "false");

  await zone.fill("kolk");
  await expect(zone).toHaveAttribute("aria-expanded", "true");
  const options = page.getByRole("listbox").getByRole("option");
  await expect(options).toHaveCount(1);
  const kolkata = page.getByRole("option", { name: "Asia/Kolkata (UTC+05:30)" });
  await expect(kolkata).toBeVisible();
  // The legacy name is not offered: only the canonical one.
  await zone.fill("calcutta");
  await expect(options).toHaveCount(0);
  await zone.fill("kolk");
  await kolkata.click();
  await expect(zone).toHaveValue("Asia/Kolkata (UTC+05:30)");
  await expect(zone).toHaveAttribute("aria-expanded", "false");
  await expect(page.getByTestId("cron-words")).toContainText("Asia/Kolkata");

  await form.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("edit-status")).toHaveText("Saved.");
  await expect(page.getByTestId("fact-schedule")).toContainText("Asia/Kolkata");

  await page.reload();
  await expect(page.getByTestId("fact-schedule")).toContainText("Asia/Kolkata");
  await expect(page.getByTestId("pipeline-edit-form").getByRole("combobox", { name: "Timezone" })).toHaveValue("Asia/Kolkata (UTC+05:30)");
  const stored = (await (await request.get(`${api}/pipeline/${id}/`, { headers: auth })).json()) as { timezone: string };
  expect(stored.timezone).toBe("Asia/Kolkata");
});

test("a pipeline given an old timezone name shows its canonical one, and the keyboard picks a zone", async ({ page, request }) => {
  const id = await createPipeline(request, "legacy", { cron_string: "0 6 * * *", timezone: "Europe/Kiev" });
  await signIn(page, ADMIN);
  await page.goto(`/pipelines/${id}`);
  await expect(page.getByTestId("fact-schedule")).toContainText("Europe/Kyiv");
  const zone = page.getByTestId("pipeline-edit-form").getByRole("combobox", { name: "Timezone" });
  await expect(zone).toHaveValue(/^Europe\/Kyiv \(UTC\+0[23]:00\)$/);

  await zone.fill("kathmandu");
  await zone.press("ArrowDown");
  await zone.press("Enter");
  await expect(zone).toHaveValue("Asia/Kathmandu (UTC+05:45)");
  // Enter chose the zone; it did not submit the form.
  await expect(page.getByTestId("edit-status")).toHaveText("");
});
