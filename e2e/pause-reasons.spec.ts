// A pause says who, when and why on the pipeline's page, and until when when it has an end;
// the danger zone takes the reason and the end in the same small form as the list, with Undo.
import { test, expect } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const api = `/api/v1/unstract/${ACME.id}`;

test("the danger zone pauses with a reason and an end; the header says who, why and until when; Undo resumes", async ({ page, request }, testInfo) => {
  const name = `pause_page_${Date.now()}`;
  const created = await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: name, cron_string: "0 5 * * *" } });
  const { id } = (await created.json()) as { id: string };

  await signIn(page, ADMIN);
  await page.goto(`/pipelines/${id}`);
  await expect(page.getByTestId("pause-info")).toHaveCount(0);
  await page.getByRole("tab", { name: "Danger zone" }).click();
  await page.getByRole("button", { name: "Pause pipeline…" }).click();
  const form = page.getByTestId("confirm-pause");
  await expect(form.getByLabel(/Reason/)).toBeFocused();
  await form.getByLabel(/Reason/).fill("schema migration");
  await form.getByLabel("Resume").selectOption("4h");
  await attachScreenshots(page, testInfo, "pause-form");
  await form.getByRole("button", { name: "Pause pipeline" }).click();

  await expect(page.getByTestId("pipeline-active-state")).toHaveText("Paused");
  await expect(page.getByTestId("pause-info")).toHaveText(`Paused by ${ADMIN.email} just now: schema migration; resumes in 4 hours.`);
  await expect(page.getByTestId("pipeline-active-badge")).toHaveText("Paused");
  const read = (await (await request.get(`${api}/pipeline/${id}/`, { headers: auth })).json()) as Record<string, unknown>;
  expect(read).toMatchObject({ active: false, paused_by: ADMIN.email, pause_reason: "schema migration", next_run_time: null });
  const resumeAt = Date.parse(String(read.resume_at));
  expect(Math.abs(resumeAt - (Date.now() + 4 * 3600_000))).toBeLessThan(5 * 60_000);
  await attachScreenshots(page, testInfo, "pipeline-paused-header");

  // Undo, from the toast: active again, nothing left of the pause.
  await page.getByTestId("toast").filter({ hasText: `${name} is paused.` }).getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("pipeline-active-state")).toHaveText("Active");
  await expect(page.getByTestId("pause-info")).toHaveCount(0);
  await expect.poll(async () => ((await (await request.get(`${api}/pipeline/${id}/`, { headers: auth })).json()) as { active: boolean }).active).toBe(true);

  // Escape closes the form and changes nothing.
  await page.getByRole("button", { name: "Pause pipeline…" }).click();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("confirm-pause")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Pause pipeline…" })).toBeFocused();
  await request.delete(`${api}/pipeline/${id}/`, { headers: auth });
});
