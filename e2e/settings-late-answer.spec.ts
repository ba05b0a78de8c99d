// A save's answer can come back after the user has already typed something else: its field
// errors are about the values it was sent, so a field edited since keeps its new value's state
// instead of showing a refusal of the old one.
import { expect, test } from "@playwright/test";
import { signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN } from "./support/users";

const api = `/api/v1/unstract/${ACME.id}`;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };

test("a late refusal of the old name does not mark the name typed since", async ({ page, request }) => {
  const stamp = Date.now().toString(36);
  const created = async (name: string) => {
    const response = await request.post(`${api}/pipeline/`, { headers: auth, data: { pipeline_name: name } });
    expect(response.status()).toBe(201);
    return ((await response.json()) as { id: string }).id;
  };
  const taken = `late_taken_${stamp}`;
  await created(taken);
  const id = await created(`late_edit_${stamp}`);

  await signIn(page, ADMIN);
  // The save answers slowly (as over a real network), so the next edit comes before its answer.
  let answered = false;
  await page.route(`**${api}/pipeline/${id}/`, async (route) => {
    if (route.request().method() !== "PATCH") return route.continue();
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await route.continue();
    answered = true;
  });
  await page.goto(`/pipelines/${id}`);
  const name = page.getByTestId("edit-name");
  await name.fill(taken);
  await page.getByTestId("save-pipeline").click();
  await name.fill(`late_next_${stamp}`);
  await expect(page.getByTestId("edit-status")).toHaveText("Not saved.");
  expect(answered).toBe(true);
  // The refusal was about the taken name, no longer in the field.
  await expect(page.locator("#edit-name-error")).toHaveCount(0);
  await expect(name).not.toHaveAttribute("aria-invalid", "true");
  await expect(name).toHaveValue(`late_next_${stamp}`);

  // Sent again, the new name saves.
  await page.unrouteAll({ behavior: "wait" });
  await page.getByTestId("save-pipeline").click();
  await expect(page.getByTestId("edit-status")).toHaveText("Saved.");
});
