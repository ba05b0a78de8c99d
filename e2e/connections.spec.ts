// The connections page: creating a connection (the config checked as JSON), its wrapper's live
// status, paging, and the soft delete that only admins may do, behind the typed name.
import { test, expect } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };

test("an admin creates a connection with a wrapper, watches it run, and deletes it by name", async ({ page, request }, testInfo) => {
  test.setTimeout(90_000);
  const name = `orders source ${Date.now()}`;
  await signIn(page, ADMIN);
  await page.getByTestId("nav-connections").click();
  await expect(page).toHaveURL(/\/connections$/);
  await expect(page.getByRole("heading", { name: "Connections", level: 1 })).toBeVisible();

  // The form says what is wrong before anything is sent.
  await page.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByTestId("resource-name-error")).toHaveText("Enter a name.");
  await page.getByLabel("Name", { exact: true }).fill(name);
  await page.getByLabel("Config (JSON)").fill("{count: 5}");
  await page.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByLabel("Config (JSON)")).toHaveAttribute("aria-invalid", "true");
  await expect(page.getByRole("alert").filter({ hasText: "The config is not valid JSON" })).toBeVisible();
  await page.getByLabel("Config (JSON)").fill("[1, 2]");
  await page.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "The config must be a JSON object" })).toBeVisible();
  await page.getByLabel("Connector", { exact: true }).selectOption("http");
  await page.getByLabel("Config (JSON)").fill('{"cursor_field": "id"}');
  await page.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByRole("alert").filter({ hasText: 'An http source needs "url"' })).toBeVisible();

  await page.getByLabel("Connector", { exact: true }).selectOption("sample");
  await page.getByLabel("Config (JSON)").fill('{"count": 50, "delay_ms": 1}');
  await page.getByLabel(/Run a wrapper process/).check();
  await page.getByRole("button", { name: "Create connection" }).click();
  await expect(page.getByTestId("toast").filter({ hasText: `Connection ${name} was created.` })).toBeVisible();
  await expect(page.getByLabel("Name", { exact: true })).toHaveValue("");

  // The wrapper comes up on its own; the badge follows without a reload.
  const row = page.locator(`[data-testid="resource-row"][data-name="${name}"]`);
  await expect(row).toBeVisible();
  await expect(row.getByTestId("wrapper-status")).toHaveAttribute("data-status", "RUNNING", { timeout: 30_000 });
  await expect(row.getByTestId("wrapper-pid")).toHaveText(/^\d+$/);
  await expect(row.getByTestId("wrapper-heartbeat")).toHaveText(/ago$/);
  await attachScreenshots(page, testInfo, "connections-admin");

  // Delete: the dialog wants the exact name.
  const opener = row.getByRole("button", { name: `Delete ${name}` });
  await opener.click();
  const dialog = page.getByRole("alertdialog", { name: `Delete connection ${name}?` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("its wrapper process is stopped");
  const confirm = dialog.getByRole("button", { name: `Delete ${name}` });
  await dialog.getByLabel(`Type ${name} to confirm`).fill(name.toUpperCase());
  await expect(confirm).toBeDisabled();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(opener).toBeFocused();
  await expect(row).toHaveCount(1);

  await opener.click();
  await dialog.getByLabel(`Type ${name} to confirm`).fill(` ${name} `);
  await attachScreenshots(page, testInfo, "connections-delete-dialog");
  await confirm.click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("toast").filter({ hasText: `Connection ${name} was deleted.` })).toBeVisible();

  const all = (await (await request.get("/resources?limit=50", { headers: auth })).json()) as { name: string }[];
  expect(all.map((r) => r.name)).not.toContain(name);
});

test("connections come a page at a time", async ({ page, request }) => {
  const prefix = `paged ${Date.now()}`;
  // Enough rows for more than one page of 20, whatever else the org has.
  for (let i = 0; i < 21; i += 1) {
    const response = await request.post("/resources", { headers: auth, data: { name: `${prefix} ${i}`, kind: "destination", connector: "table", config: { table: `paged_${i}` } } });
    expect(response.status()).toBe(201);
  }
  await signIn(page, ADMIN);
  await page.goto("/connections");
  await expect(page.getByTestId("resource-row")).toHaveCount(20);
  await expect(page.getByTestId("resources-range")).toHaveText("Connections 1–20");
  await expect(page.getByRole("button", { name: "Previous" })).toBeDisabled();
  const firstPage = await page.getByTestId("resource-row").first().getAttribute("data-name");
  await page.getByRole("button", { name: "Next" }).click();
  await expect(page.getByTestId("resources-range")).toHaveText(/^Connections 21–\d+$/);
  await expect(page.locator(`[data-testid="resource-row"][data-name="${firstPage}"]`)).toHaveCount(0);
  await page.getByRole("button", { name: "Previous" }).click();
  await expect(page.getByTestId("resources-range")).toHaveText("Connections 1–20");
});

test("a member can create connections but is told why they cannot delete them", async ({ page }, testInfo) => {
  await signIn(page, MEMBER);
  await page.goto("/connections");
  const why = page.getByTestId("resources-read-only");
  await expect(why).toHaveText("Only admins can delete connections.");
  const deleteButton = page.getByTestId("delete-resource").first();
  await expect(deleteButton).toBeDisabled();
  await expect(deleteButton).toHaveAccessibleDescription("Only admins can delete connections.");
  await expect(page.getByTestId("create-resource-form")).toBeVisible();
  await attachScreenshots(page, testInfo, "connections-member");
});
