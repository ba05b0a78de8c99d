// Signing in and out: a wrong password stays on /login, the console needs a session, and
// /logout ends it.
import { test, expect } from "@playwright/test";
import { attachScreenshots, signIn } from "./support/console";
import { ACME, ADMIN } from "./support/users";

test("a visit to / without a session lands on /login", async ({ page }) => {
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { name: "Sign in to Sluice" })).toBeVisible();
});

test("a wrong password says so and stays on /login", async ({ page }, testInfo) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(ADMIN.email);
  await page.getByLabel("Password").fill("not-the-password");
  await page.getByRole("button", { name: "Sign in" }).click();

  // Next.js keeps an empty role="alert" route announcer on every page: look inside the form.
  await expect(page.locator("form").getByRole("alert")).toHaveText("Wrong email or password.");
  await expect(page).toHaveURL(/\/login$/);
  await attachScreenshots(page, testInfo, "login-wrong-password");
});

test("the admin signs in to the console and signs out through /logout", async ({ page }, testInfo) => {
  await signIn(page, ADMIN);
  await expect(page).toHaveURL(/:\d+\/$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${ADMIN.name}`);
  await expect(page.getByTestId("overview-org")).toHaveText(ACME.name);
  await expect(page.getByTestId("org-switcher")).toContainText(ACME.name);
  await expect(page.getByTestId("user-email")).toHaveText(ADMIN.email);
  await expect(page.getByTestId("nav-overview")).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("nav-members")).not.toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("overview-members-count")).toHaveText(/^\d+ members?$/);
  await attachScreenshots(page, testInfo, "overview");

  await page.getByTestId("sign-out-link").click();
  await expect(page).toHaveURL(/\/logout$/);
  await expect(page.getByRole("heading", { name: "Sign out of Sluice?" })).toBeVisible();
  await attachScreenshots(page, testInfo, "logout");

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await page.goto("/");
  await expect(page).toHaveURL(/\/login$/);

  // Without a session /logout has nothing to end, and offers to sign in.
  await page.goto("/logout");
  await expect(page.getByTestId("sign-in-link")).toHaveAttribute("href", "/login");
});

test("Cancel on /logout keeps the session", async ({ page }) => {
  await signIn(page, ADMIN);
  await page.goto("/logout");
  await page.getByRole("link", { name: "Cancel" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Welcome, ${ADMIN.name}`);
});
