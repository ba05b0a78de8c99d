// A member a pipeline is shared with, on its Keys tab: they see every key and who made it, may
// make keys of their own and switch or delete those, but the owner's key offers them no switch
// and no Delete, only its state and who may change it (issue 11: they could delete it).
import AxeBuilder from "@axe-core/playwright";
import { expect, test } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const NAME = `ks${Date.now().toString(36)}`;
const REFUSAL = "Only the key's creator, the pipeline's owner or an admin can change this key.";

test("a shared member cannot change the owner's key, and creates, sees and deletes their own", async ({ page, request }, testInfo) => {
  const members = (await (await request.get(`/api/v1/orgs/${ACME.id}/members`, { headers: auth })).json()) as { results: { id: string; email: string }[] };
  const member = members.results.find((m) => m.email === MEMBER.email);
  expect(member, "the demo member is seeded").toBeDefined();
  const created = await request.post(`/api/v1/unstract/${ACME.id}/pipeline/`, {
    headers: auth,
    data: { pipeline_name: NAME, shared_users: [member?.id] },
  });
  expect(created.status()).toBe(201);
  const pipeline = (await created.json()) as { id: string; api_key: { description: string } };

  await signIn(page, MEMBER);
  await page.goto(`/pipelines/${pipeline.id}#keys`);
  await expect(page.getByRole("tab", { name: "Keys" })).toHaveAttribute("aria-selected", "true");
  const keyRows = page.getByTestId("key-row");
  await expect(keyRows).toHaveCount(1);

  // The owner's key: its state and who may change it, nothing to press.
  const ownersKey = page.locator(`[data-testid="key-row"][data-description="${pipeline.api_key.description}"]`);
  await expect(ownersKey.getByTestId("key-creator")).toHaveText(`Created by ${ADMIN.email}`);
  await expect(ownersKey.getByTestId("key-state")).toContainText("Active");
  await expect(ownersKey.getByTestId("key-change-refusal")).toHaveText(REFUSAL);
  await expect(ownersKey.getByRole("switch")).toHaveCount(0);
  await expect(ownersKey.getByRole("button", { name: /^Delete/ })).toHaveCount(0);

  // Their own key: shown once, then listed as theirs, with its switch and Delete.
  await page.getByLabel("Description").fill("member's script");
  await page.getByRole("button", { name: "Create key" }).click();
  const panel = page.getByTestId("key-once-panel");
  await expect(panel).toContainText("This API key is shown once.");
  expect(await page.getByLabel("API key", { exact: true }).inputValue()).toMatch(/^[0-9a-f-]{36}$/);
  await expect(keyRows).toHaveCount(2);
  await attachScreenshots(page, testInfo, "keys-shared-user-created");
  await panel.getByRole("button", { name: "I have stored it" }).click();
  await expect(panel).toHaveCount(0);

  const ownKey = page.locator(`[data-testid="key-row"][data-description="member's script"]`);
  await expect(ownKey.getByTestId("key-creator")).toHaveText("Created by you");
  await expect(ownKey.getByTestId("key-change-refusal")).toHaveCount(0);
  const toggle = ownKey.getByRole("switch", { name: "Active: member's script" });
  await expect(toggle).toHaveAttribute("aria-checked", "true");
  await toggle.click();
  await expect(toggle).toHaveAttribute("aria-checked", "false");
  await expect(page.getByTestId("keys-status")).toHaveText("member's script is inactive.");
  const serious = (await new AxeBuilder({ page }).analyze()).violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => ({ id: v.id, help: v.help, nodes: v.nodes.map((n) => n.target) }))).toEqual([]);
  await attachScreenshots(page, testInfo, "keys-shared-user");

  await ownKey.getByRole("button", { name: "Delete member's script" }).click();
  const confirm = page.getByRole("alertdialog", { name: /^Delete member's script/ });
  await confirm.getByRole("button", { name: "Delete" }).click();
  await expect(keyRows).toHaveCount(1);
  await expect(page.getByTestId("keys-status")).toHaveText("member's script deleted.");
  await expect(ownersKey.getByTestId("key-state")).toContainText("Active");
});
