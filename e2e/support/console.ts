// Steps every spec takes in the browser: sign in, and keep screenshots of a page at both widths.
import { expect, type Page, type TestInfo } from "@playwright/test";

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function signIn(page: Page, user: { email: string; password: string }) {
  await page.goto("/login");
  await page.getByLabel("Email").fill(user.email);
  await page.getByLabel("Password").fill(user.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByTestId("brand")).toBeVisible();
}

// Full-page PNGs at two widths cost CI minutes and nobody reads them there: CI keeps the
// checks and takes the pictures only when E2E_SCREENSHOTS=1; elsewhere they are taken unless it is 0.
const TAKE_SCREENSHOTS = process.env.E2E_SCREENSHOTS ? process.env.E2E_SCREENSHOTS === "1" : !process.env.CI;

/**
 * Checks nothing spills out sideways at 1280 and 390 px wide and attaches full-page screenshots
 * at both widths (see TAKE_SCREENSHOTS), then puts the desktop size back.
 */
export async function attachScreenshots(page: Page, testInfo: TestInfo, name: string) {
  for (const size of [DESKTOP, PHONE]) {
    await page.setViewportSize(size);
    await expect
      .poll(() => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), {
        message: `${name} overflows sideways at ${size.width} px`,
      })
      .toBeLessThanOrEqual(0);
    if (!TAKE_SCREENSHOTS) continue;
    await testInfo.attach(`${name}-${size.width}`, {
      body: await page.screenshot({ fullPage: true }),
      contentType: "image/png",
    });
  }
  await page.setViewportSize(DESKTOP);
}
