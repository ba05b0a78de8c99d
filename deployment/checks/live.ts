// b. A change made through instance A (straight to its port, with a token) reaches a console
// connected straight to instance B within the budget: the time from A's answer to the row's
// switch changing in B's page, both read on this machine's clock.
import { Client, field, sleep, v1 } from "../../reliability/support/http";
import type { Section } from "../../reliability/support/report";
import { config } from "../support/config";
import { signedIn, type Ctx } from "../support/context";

declare global {
  interface Window {
    __changedAt?: number;
  }
}

export async function liveCheck(section: Section, ctx: Ctx): Promise<void> {
  const [a, b] = ctx.dep.webs as [(typeof ctx.dep.webs)[0], (typeof ctx.dep.webs)[0]];
  const onA = new Client(a.url, section);
  const name = "deploy_live";
  const made = await onA.call("POST", v1("pipeline/"), { body: { pipeline_name: name } });
  if (made.status !== 201) throw new Error(`create ${name}: ${made.status} ${made.text.slice(0, 200)}`);
  const id = field<string>(made.json, "id");

  // The session cookie was set through the proxy; cookies ignore ports, so B's page has it too.
  const page = await (await signedIn(ctx)).newPage();
  const stream = page.waitForResponse((r) => r.url().startsWith(b.url) && r.url().includes("/events"), { timeout: 30_000 });
  await page.goto(`${b.url}/pipelines?search=${name}`);
  const eventsAnswer = await stream;
  if (eventsAnswer.status() !== 200) throw new Error(`B's event stream answered ${eventsAnswer.status()}`);
  const row = page.locator(`[data-testid="pipeline-row"][data-name="${name}"]`);
  await row.waitFor({ timeout: 15_000 });
  await sleep(1000); // the list's first fetches settle

  const latencies: number[] = [];
  for (let trial = 0; trial < config.liveTrials; trial++) {
    const active = trial % 2 === 1; // pause, resume, pause...
    // A string, not a function: tsx would wrap the function's inner names in a helper the page lacks.
    await page.evaluate(`(() => {
      window.__changedAt = 0;
      const selector = '[data-testid="pipeline-row"][data-name="${name}"] [data-testid="active-switch"]';
      const observer = new MutationObserver(() => {
        const sw = document.querySelector(selector);
        if (!window.__changedAt && sw && sw.getAttribute("aria-checked") === "${active}") {
          window.__changedAt = Date.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    const r = await onA.call("PATCH", v1(`pipeline/${id}/`), { body: { active } });
    const answeredAt = Date.now();
    if (r.status !== 200) {
      section.fail(`PATCH active=${active} on A: ${r.status} ${r.text.slice(0, 200)}`);
      continue;
    }
    const deadline = Date.now() + 10_000;
    let changedAt = 0;
    while (!changedAt && Date.now() < deadline) {
      changedAt = await page.evaluate(() => window.__changedAt ?? 0);
      if (!changedAt) await sleep(20);
    }
    if (!changedAt) {
      section.fail(`trial ${trial + 1}: B's page never showed active=${active}`);
      continue;
    }
    latencies.push(Math.max(0, changedAt - answeredAt));
    await sleep(400); // past the invalidation window: each trial starts quiet, as a lone change does
  }
  await page.close();

  const sorted = [...latencies].sort((x, y) => x - y);
  const max = sorted.at(-1) ?? NaN;
  const median = sorted[Math.floor(sorted.length / 2)] ?? NaN;
  if (max > config.liveBudgetMs) section.fail(`a change through ${a.name} took ${max} ms to show in a console on ${b.name} (budget ${config.liveBudgetMs} ms)`);
  section.note(
    `change through ${a.name} (:${a.port}) → console on ${b.name} (:${b.port}): ${latencies.length}/${config.liveTrials} trials, median ${median} ms, max ${max} ms (budget ${config.liveBudgetMs} ms) [${latencies.join(", ")}]`,
  );
}
