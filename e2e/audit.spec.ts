// The audit log page: who did what, with the reason given; filters by actor, action and object;
// cursor pages; a link to a pipeline only while it exists; members see their own actions only.
import { test, expect, type APIRequestContext } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

async function createPipeline(request: APIRequestContext, name: string): Promise<string> {
  const response = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, { headers: auth, data: { pipeline_name: name } });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: string }).id;
}

// Each change also edits the description: a pause or resume alone is one audit entry, with an
// edit it is two (the pause or resume, and the update), as the paging below counts.
async function setActive(request: APIRequestContext, id: string, active: boolean, reason: string) {
  const response = await request.patch(`/api/v1/unstract/${ACME.id}/pipeline/${id}/`, { headers: auth, data: { active, reason, description: reason } });
  expect(response.status()).toBe(200);
}

test("an admin reads, filters and pages the audit log", async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const stamp = Date.now();
  const kept = await createPipeline(request, `audit_kept_${stamp}`);
  const gone = await createPipeline(request, `audit_gone_${stamp}`);
  // More events than one page holds (25), all with reasons.
  for (let i = 0; i < 13; i += 1) {
    await setActive(request, kept, false, `audit pause ${stamp} #${i}`);
    await setActive(request, kept, true, `audit resume ${stamp} #${i}`);
  }
  const deleted = await request.delete(`/api/v1/unstract/${ACME.id}/pipeline/${gone}/`, { headers: auth, data: { reason: `audit delete ${stamp}` } });
  expect(deleted.status()).toBe(204);

  await signIn(page, ADMIN);
  await page.getByTestId("nav-audit").click();
  await expect(page).toHaveURL(/\/audit$/);
  await expect(page.getByRole("heading", { name: "Audit log", level: 1 })).toBeVisible();
  await expect(page.getByTestId("audit-own-only")).toHaveCount(0);

  // The newest first: the delete, with its reason, and no link to what is gone.
  const deleteRow = page.locator(`[data-testid="audit-row"][data-action="pipeline.delete"][data-object-id="${gone}"]`);
  await expect(deleteRow).toBeVisible();
  await expect(deleteRow.getByTestId("audit-reason")).toHaveText(`audit delete ${stamp}`);
  await expect(deleteRow.getByTestId("audit-actor-cell")).toHaveText(ADMIN.email);
  await expect(deleteRow.getByTestId("audit-object-link")).toHaveCount(0);
  await expect(deleteRow.getByTestId("audit-object-name")).toHaveText(`audit_gone_${stamp}`);
  // Actions read as words, the stored name kept as the tooltip.
  await expect(deleteRow.getByTestId("audit-action-label")).toHaveText("Deleted pipeline");
  await expect(deleteRow.getByTestId("audit-action-label")).toHaveAttribute("title", "pipeline.delete");

  // A pipeline that exists is a link to its page.
  const pauseRow = page.locator(`[data-testid="audit-row"][data-action="pipeline.pause"][data-object-id="${kept}"]`).first();
  await expect(pauseRow.getByTestId("audit-object-link")).toHaveAttribute("href", `/pipelines/${kept}`);
  await attachScreenshots(page, testInfo, "audit-admin");

  // Filter by action and object.
  await expect(page.getByLabel("Action").locator('option[value="pipeline.pause"]')).toHaveText("Paused pipeline");
  await page.getByLabel("Action").selectOption("pipeline.pause");
  await page.getByLabel("Object type").selectOption("pipeline");
  await page.getByLabel("Object id").fill(kept);
  await page.getByRole("button", { name: "Apply filters" }).click();
  const rows = page.getByTestId("audit-row");
  await expect(rows).toHaveCount(13);
  for (const action of await rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-action")))) expect(action).toBe("pipeline.pause");
  await expect(page.getByRole("navigation", { name: "Audit pages" })).toHaveCount(0);

  // Cursor pages over the pipeline's 53 events: its creation, then 26 changes that each record
  // the pause or resume and the update.
  await page.getByLabel("Action").selectOption("");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(rows).toHaveCount(25);
  const ids = () => rows.evaluateAll((els) => els.map((el) => el.getAttribute("data-event-id")));
  const first = await ids();
  const older = page.getByRole("button", { name: "Older" });
  const newer = page.getByRole("button", { name: "Newer" });
  await expect(newer).toBeDisabled();
  await older.click();
  await expect.poll(async () => (await ids())[0]).not.toBe(first[0]);
  const second = await ids();
  expect(second).toHaveLength(25);
  expect(second.filter((id) => first.includes(id))).toEqual([]);
  await older.click();
  await expect(rows).toHaveCount(3);
  await expect(rows.last()).toHaveAttribute("data-action", "pipeline.create");
  await expect(older).toBeDisabled();
  await newer.click();
  await expect(rows).toHaveCount(25);
  expect(await ids()).toEqual(second);
  await newer.click();
  await expect.poll(ids).toEqual(first);
  await expect(newer).toBeDisabled();

  // By actor; a filter that matches nothing says so.
  await page.getByLabel("Actor").fill("nobody@example.test");
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page.getByTestId("empty")).toHaveText("No event matches these filters.");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await expect(deleteRow).toBeVisible();
});

test("a member sees only their own actions, and is told so", async ({ page }, testInfo) => {
  const name = `audit_member_${Date.now()}`;
  await signIn(page, MEMBER);
  // Something of their own to see: a pipeline they create.
  // With the session cookie, from the console's own origin (as the page's fetch would send it).
  const origin = { origin: new URL(page.url()).origin };
  const created = await page.request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, { data: { pipeline_name: name }, headers: origin });
  expect(created.status()).toBe(201);
  await page.goto("/audit");
  await expect(page.getByTestId("audit-own-only")).toHaveText("You see only your own actions. Admins see everyone’s.");
  await expect(page.locator('[data-testid="audit-row"][data-action="pipeline.create"]', { hasText: name })).toBeVisible();
  const actors = await page.getByTestId("audit-actor-cell").allTextContents();
  expect(actors.length).toBeGreaterThan(0);
  for (const actor of actors) expect(actor).toBe(MEMBER.email);
  await attachScreenshots(page, testInfo, "audit-member");
  await page.request.delete(`/api/v1/unstract/${ACME.id}/pipeline/${((await created.json()) as { id: string }).id}/`, { headers: origin });
});
