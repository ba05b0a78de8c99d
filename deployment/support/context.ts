// What every check gets: the running deployment, its database, and a browser.
import type { Browser, BrowserContext } from "@playwright/test";
import type { Deployment } from "../../deploy/launcher";
import type { Sql } from "../../reliability/support/infra";

export interface Ctx {
  dep: Deployment;
  sql: Sql;
  browser: Browser;
  /** A browser context signed in through the proxy (made by the console check, reused after). */
  session: BrowserContext | null;
}

/** A session for the checks that need one, signing in through the proxy if no check has yet. */
export async function signedIn(ctx: Ctx): Promise<BrowserContext> {
  if (ctx.session) return ctx.session;
  const { ADMIN_PASSWORD } = await import("../../reliability/support/config");
  const context = await ctx.browser.newContext({ baseURL: ctx.dep.url });
  const page = await context.newPage();
  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("brand").waitFor({ timeout: 30_000 });
  await page.close();
  ctx.session = context;
  return context;
}
