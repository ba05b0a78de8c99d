// a. Sign in through the proxy with the console's form and use the console (list, open, pause)
// while haproxy alternates the requests between the instances: each answer carries the name
// of the instance that served it (x-sluice-instance, set by haproxy).
import type { Page } from "@playwright/test";
import { ADMIN_PASSWORD } from "../../reliability/support/config";
import { Client, field, until, v1 } from "../../reliability/support/http";
import type { Section } from "../../reliability/support/report";
import type { Ctx } from "../support/context";

/** The instance names of every answer the page received from the proxy, in order. */
export function servedBy(page: Page, base: string): string[] {
  const names: string[] = [];
  page.on("response", (response) => {
    const name = response.headers()["x-sluice-instance"];
    if (response.url().startsWith(base) && name) names.push(name);
  });
  return names;
}

export async function consoleCheck(section: Section, ctx: Ctx): Promise<void> {
  const api = new Client(ctx.dep.url, section);
  const name = "deploy_console";
  const made = await api.call("POST", v1("pipeline/"), { body: { pipeline_name: name } });
  if (made.status !== 201) throw new Error(`create ${name}: ${made.status} ${made.text.slice(0, 200)}`);
  const id = field<string>(made.json, "id");

  const context = await ctx.browser.newContext({ baseURL: ctx.dep.url });
  const page = await context.newPage();
  const names = servedBy(page, ctx.dep.url);

  await page.goto("/login");
  await page.getByLabel("Email").fill("admin@example.com");
  await page.getByLabel("Password").fill(ADMIN_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await page.getByTestId("brand").waitFor({ timeout: 30_000 });
  ctx.session = context;

  await page.goto("/pipelines");
  const row = page.locator(`[data-testid="pipeline-row"][data-name="${name}"]`);
  await row.waitFor({ timeout: 15_000 });
  await row.getByTestId("pipeline-link").click();
  await page.waitForURL(`**/pipelines/${id}**`);
  const title = (await page.getByTestId("pipeline-name").textContent({ timeout: 15_000 }))?.trim();
  if (title !== name) section.fail(`the pipeline page shows ${JSON.stringify(title)}, wanted ${name}`);

  await page.goto("/pipelines");
  await row.getByTestId("active-switch").click();
  await row.getByTestId("pause-popover-yes").click();
  await until("the pause to be applied", async () => {
    const r = await api.call("GET", v1(`pipeline/${id}/`));
    return (r.json as { active?: boolean } | null)?.active === false;
  }, 15_000, 100);
  await page.goto(`/pipelines/${id}`);
  const badge = (await page.getByTestId("pipeline-active-badge").textContent({ timeout: 15_000 }))?.trim();
  if (badge !== "Paused") section.fail(`the pipeline page says ${JSON.stringify(badge)} after the pause, wanted Paused`);
  await page.close();

  section.requests += names.length;
  const counts = new Map<string, number>();
  for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  let switches = 0;
  for (let i = 1; i < names.length; i++) if (names[i] !== names[i - 1]) switches++;
  const tally = [...counts].map(([n, c]) => `${n} ${c}`).join(", ");
  if (counts.size < ctx.dep.webs.length) section.fail(`the console's requests were all served by ${tally}: no alternation`);
  section.note(
    `signed in through the proxy, listed, opened and paused ${name} (API: active=false; page: Paused): ${names.length} answers (${tally}), the instance changed ${switches} times between consecutive answers`,
  );
}
