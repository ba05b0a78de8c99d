// An org keeps an admin: its only admin is offered neither Remove nor a demotion and is told
// why; once someone else is an admin, either may go. Each test leaves the roles as it found them.
import { test, expect, type APIRequestContext, type Page } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN, ADMIN_TOKEN, MEMBER } from "./support/users";

const auth = { authorization: `Bearer ${ADMIN_TOKEN}` };
const NOTE = "The only admin: make someone else an admin first.";

interface MemberJson {
  id: string;
  email: string;
  role: string;
}

async function membersOf(request: APIRequestContext): Promise<MemberJson[]> {
  const answer = await request.get(`/api/v1/orgs/${ACME.id}/members`, { headers: auth });
  expect(answer.status()).toBe(200);
  return ((await answer.json()) as { results: MemberJson[] }).results;
}

async function setRole(request: APIRequestContext, userId: string, role: "admin" | "member") {
  const answer = await request.patch(`/api/v1/orgs/${ACME.id}/members/${userId}`, { headers: auth, data: { role } });
  expect(answer.status(), await answer.text()).toBe(200);
}

const rowOf = (page: Page, email: string) => page.locator(`[data-testid="member-row"][data-email="${email}"]`);

test.beforeEach(async ({ request }) => {
  // The seed makes one admin of Acme Corp, and the demo member a plain member.
  const admins = (await membersOf(request)).filter((m) => m.role === "admin").map((m) => m.email);
  expect(admins).toEqual([ADMIN.email]);
});

test.afterEach(async ({ request }) => {
  // Even after a failure, the specs that follow find the roles of the seed.
  const member = (await membersOf(request)).find((m) => m.email === MEMBER.email);
  if (member?.role === "admin") await setRole(request, member.id, "member");
});

test("the only admin cannot be removed or demoted; with a second admin, both can", async ({ page, request }, testInfo) => {
  const member = (await membersOf(request)).find((m) => m.email === MEMBER.email);
  expect(member?.role).toBe("member");
  await signIn(page, ADMIN);
  await page.getByTestId("nav-members").click();
  await expect(page).toHaveURL(/\/members$/);

  const adminRow = rowOf(page, ADMIN.email);
  const memberRow = rowOf(page, MEMBER.email);
  await expect(adminRow.getByTestId("last-admin-note")).toHaveText(NOTE);
  await expect(adminRow.getByRole("button")).toHaveCount(0);
  await expect(memberRow.getByRole("button", { name: `Make admin ${MEMBER.name}` })).toBeVisible();
  await expect(memberRow.getByRole("button", { name: `Remove ${MEMBER.name}` })).toBeVisible();
  await attachScreenshots(page, testInfo, "members-only-admin");

  // A second admin: now both rows offer both actions, and the note is gone.
  await memberRow.getByRole("button", { name: `Make admin ${MEMBER.name}` }).click();
  await expect(memberRow).toHaveAttribute("data-role", "admin");
  await expect(memberRow.getByTestId("member-role-badge")).toHaveText("admin");
  await expect(page.getByTestId("last-admin-note")).toHaveCount(0);
  await expect(adminRow.getByRole("button", { name: `Make member ${ADMIN.name}` })).toBeVisible();
  await expect(adminRow.getByRole("button", { name: `Remove ${ADMIN.name}` })).toBeVisible();
  await expect(memberRow.getByRole("button", { name: `Make member ${MEMBER.name}` })).toBeVisible();
  await expect(memberRow.getByRole("button", { name: `Remove ${MEMBER.name}` })).toBeVisible();
  await attachScreenshots(page, testInfo, "members-two-admins");

  // Demoting yourself asks first; cancelling changes nothing and gives the focus back.
  const demoteMe = adminRow.getByRole("button", { name: `Make member ${ADMIN.name}` });
  await demoteMe.click();
  const confirm = page.getByRole("alertdialog", { name: new RegExp(`^Make yourself a member of ${ACME.name}\\?`) });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: "Cancel" })).toBeFocused();
  await attachScreenshots(page, testInfo, "members-confirm-demote-self");
  await confirm.getByRole("button", { name: "Cancel" }).click();
  await expect(confirm).toHaveCount(0);
  await expect(demoteMe).toBeFocused();
  await expect(adminRow).toHaveAttribute("data-role", "admin");

  // A change made elsewhere shows up live: the member demoted by a script, then made admin again.
  await setRole(request, member?.id ?? "", "member");
  await expect(memberRow).toHaveAttribute("data-role", "member");
  await expect(adminRow.getByTestId("last-admin-note")).toHaveText(NOTE);
  await setRole(request, member?.id ?? "", "admin");
  await expect(memberRow).toHaveAttribute("data-role", "admin");
  await expect(page.getByTestId("last-admin-note")).toHaveCount(0);

  // Back as found, through the page: the member is a member, the admin the only admin again.
  await memberRow.getByRole("button", { name: `Make member ${MEMBER.name}` }).click();
  await expect(memberRow).toHaveAttribute("data-role", "member");
  await expect(adminRow.getByTestId("last-admin-note")).toHaveText(NOTE);
  await expect(adminRow.getByRole("button")).toHaveCount(0);
});

test("a page that missed a change shows the server's refusal, then catches up", async ({ page, request }, testInfo) => {
  const member = (await membersOf(request)).find((m) => m.email === MEMBER.email);
  // The page's live stream is cut, so it keeps showing what it last loaded.
  await page.route("**/api/v1/orgs/*/events", (route) => route.abort());
  await signIn(page, ADMIN);
  await page.goto("/members");
  const adminRow = rowOf(page, ADMIN.email);
  const memberRow = rowOf(page, MEMBER.email);
  await memberRow.getByRole("button", { name: `Make admin ${MEMBER.name}` }).click();
  await expect(memberRow).toHaveAttribute("data-role", "admin");

  // Behind the page's back, the member stops being an admin: the page still offers a demotion.
  await setRole(request, member?.id ?? "", "member");
  await adminRow.getByRole("button", { name: `Make member ${ADMIN.name}` }).click();
  await page.getByRole("button", { name: "Make me a member" }).click();
  await expect(page.getByTestId("member-change-error")).toHaveText(
    `Could not change the role of ${ADMIN.name}: An organization needs at least one admin: make another member an admin first.`,
  );
  await expect(memberRow).toHaveAttribute("data-role", "member");
  await expect(adminRow).toHaveAttribute("data-role", "admin");
  await expect(adminRow.getByTestId("last-admin-note")).toHaveText(NOTE);
  await attachScreenshots(page, testInfo, "members-refused");
});
