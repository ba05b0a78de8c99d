// d. kill -9 of one web instance under 50 clients of mixed traffic through the proxy. The
// instance killed is the one the console's event stream is on. Judged: haproxy routes around it
// within the budget (no request sent later than that fails), no acknowledged create is lost and
// none is applied twice, every acknowledged pause/resume is the pipeline's final state (or a
// later unacknowledged one), and the console, cut off while 100 changes are made, reconnects
// and shows every row as the API has it. Two consoles watch: one through the proxy (it must
// reconnect to the surviving instance) and one straight on the killed instance's port (cut off
// for certain until that instance is started again: only a refetch on reconnection makes it current).
import type { Page } from "@playwright/test";
import { Client, field, sleep, until, v1 } from "../../reliability/support/http";
import type { Section } from "../../reliability/support/report";
import { config } from "../support/config";
import { signedIn, type Ctx } from "../support/context";

interface Sent {
  /** When it was sent, and when it was answered (or failed). */
  at: number;
  end: number;
  ok: boolean;
  status: number;
  what: string;
}

interface Toggle {
  active: boolean;
  acked: boolean;
}

interface Traffic {
  sent: Sent[];
  ackedCreates: Set<string>;
  unackedCreates: Set<string>;
  /** Per pipeline id: its pause/resume writes in the order sent (one client owns each). */
  toggles: Map<string, Toggle[]>;
}

const failed = (status: number) => status === 0 || status >= 500;

/** One client: lists, reads, creates its own pipelines and pauses/resumes them, until `until`. */
async function client(index: number, api: Client, stopAt: number, t: Traffic): Promise<void> {
  const own: string[] = [];
  let n = 0;
  while (Date.now() < stopAt) {
    const roll = Math.random();
    const at = Date.now();
    if (roll < 0.2 || own.length === 0) {
      const name = `load_${index}_${n++}`;
      const r = await api.call("POST", v1("pipeline/"), { body: { pipeline_name: name }, allow5xx: true, timeoutMs: 15_000 });
      t.sent.push({ at, end: Date.now(), ok: !failed(r.status), status: r.status, what: "create" });
      if (r.status === 201) {
        t.ackedCreates.add(name);
        own.push(field<string>(r.json, "id"));
      } else t.unackedCreates.add(name);
    } else if (roll < 0.4) {
      const id = own[Math.floor(Math.random() * own.length)]!;
      const list = t.toggles.get(id) ?? [];
      const active = !(list.at(-1)?.active ?? true);
      const r = await api.call("PATCH", v1(`pipeline/${id}/`), { body: { active }, allow5xx: true, timeoutMs: 15_000 });
      t.sent.push({ at, end: Date.now(), ok: !failed(r.status), status: r.status, what: "pause/resume" });
      list.push({ active, acked: r.status === 200 });
      t.toggles.set(id, list);
    } else if (roll < 0.55) {
      const id = own[Math.floor(Math.random() * own.length)]!;
      const r = await api.call("GET", v1(`pipeline/${id}/`), { allow5xx: true, timeoutMs: 15_000 });
      t.sent.push({ at, end: Date.now(), ok: !failed(r.status), status: r.status, what: "read one" });
    } else {
      const r = await api.call("GET", v1("pipeline/?page_size=20"), { allow5xx: true, timeoutMs: 15_000 });
      t.sent.push({ at, end: Date.now(), ok: !failed(r.status), status: r.status, what: "list" });
    }
  }
}

async function allPipelines(api: Client): Promise<{ id: string; pipeline_name: string; active: boolean }[]> {
  const out: { id: string; pipeline_name: string; active: boolean }[] = [];
  for (let page = 1; ; page++) {
    const r = await api.call("GET", v1(`pipeline/?page_size=1000&page=${page}`));
    if (r.status !== 200) throw new Error(`list page ${page}: ${r.status} ${r.text.slice(0, 200)}`);
    const body = r.json as { results: { id: string; pipeline_name: string; active: boolean }[]; next: string | null };
    out.push(...body.results);
    if (!body.next) return out;
  }
}

/** Waits until every watched row the page shows has the API's state; how many are stale, and when. */
async function current(page: Page, want: Map<string, boolean>, budgetMs: number): Promise<{ stale: number; ms: number }> {
  const started = Date.now();
  let stale = want.size;
  while (Date.now() - started < budgetMs) {
    const shown = await page.$$eval('[data-testid="pipeline-row"]', (rows) =>
      rows.map((row) => [row.getAttribute("data-name") ?? "", row.querySelector('[data-testid="active-switch"]')?.getAttribute("aria-checked") === "true"] as const),
    );
    stale = shown.filter(([name, active]) => want.get(name) !== active).length + Math.max(0, want.size - shown.length);
    if (stale === 0) break;
    await sleep(100);
  }
  return { stale, ms: Date.now() - started };
}

export async function webKillCheck(section: Section, ctx: Ctx): Promise<void> {
  const api = new Client(ctx.dep.url, section);

  // The pipelines the console watches, made before the traffic starts.
  const watched = new Map<string, string>(); // id → name
  for (let i = 0; i < config.watchedPipelines; i++) {
    const name = `watch_${String(i).padStart(2, "0")}`;
    const r = await api.call("POST", v1("pipeline/"), { body: { pipeline_name: name } });
    if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${r.text.slice(0, 200)}`);
    watched.set(field<string>(r.json, "id"), name);
  }

  // The console through the proxy, on the list of those pipelines; which instance holds its stream?
  const session = await signedIn(ctx);
  const page = await session.newPage();
  const streams: string[] = [];
  page.on("response", (r) => {
    if (r.url().includes("/events") && r.status() === 200) streams.push(r.headers()["x-sluice-instance"] ?? "?");
  });
  await page.goto("/pipelines?search=watch_");
  await until("the console's event stream", async () => streams.length > 0, 30_000, 50);
  await page.locator('[data-testid="pipeline-row"]').nth(watched.size - 1).waitFor({ timeout: 15_000 });
  const victim = ctx.dep.webs.find((w) => w.name === streams[0]);
  if (!victim) throw new Error(`the event stream came from ${streams[0]}, not a known instance`);
  // And a console straight on that instance (cookies ignore ports: the same session).
  const direct = await session.newPage();
  let directStreams = 0;
  direct.on("response", (r) => {
    if (r.url().startsWith(victim.url) && r.url().includes("/events") && r.status() === 200) directStreams++;
  });
  await direct.goto(`${victim.url}/pipelines?search=watch_`);
  await until("the direct console's event stream", async () => directStreams > 0, 30_000, 50);
  await direct.locator('[data-testid="pipeline-row"]').nth(watched.size - 1).waitFor({ timeout: 15_000 });

  const traffic: Traffic = { sent: [], ackedCreates: new Set(), unackedCreates: new Set(), toggles: new Map() };
  const started = Date.now();
  const stopAt = started + config.loadSeconds * 1000;
  const load = Promise.all(Array.from({ length: config.loadClients }, (_, i) => client(i, new Client(ctx.dep.url, section), stopAt, traffic)));

  await sleep(Math.min(5000, (config.loadSeconds * 1000) / 3));
  const killedAt = Date.now();
  await victim.process.kill9();
  section.faults++;

  // 100 changes while the console is cut off: each watched pipeline flipped in turn. A change
  // that got no answer is sent again (setting `active` is idempotent), so every one is acknowledged.
  const ids = [...watched.keys()];
  const expected = new Map<string, boolean>();
  const changer = new Client(ctx.dep.url, section);
  const changesStarted = Date.now();
  let retried = 0;
  for (let round = 0; round * ids.length < config.cutOffChanges; round++) {
    const batch = ids.slice(0, Math.min(ids.length, config.cutOffChanges - round * ids.length));
    await Promise.all(
      batch.map(async (id) => {
        const active = round % 2 === 1 || Math.random() < 0.3; // mostly paused at the end, some resumed
        for (let attempt = 0; ; attempt++) {
          const r = await changer.call("PATCH", v1(`pipeline/${id}/`), { body: { active }, allow5xx: true });
          if (r.status === 200) break;
          if (attempt >= 20) throw new Error(`a change could not be made: ${r.status} ${r.text.slice(0, 200)}`);
          retried++;
          await sleep(250);
        }
        expected.set(id, active);
      }),
    );
  }
  const changesDone = Date.now();
  await load;

  // Routed around: the failures are the requests in flight on the killed instance and those sent
  // before haproxy noticed, all sent before the budget ran out. Their 5xx (haproxy's 502/503) are
  // the "outage 5xx" of the summary; a 5xx outside that window is a plain 5xx, and fails.
  const failures = traffic.sent.filter((s) => !s.ok);
  const lastFailure = failures.reduce((m, s) => Math.max(m, s.at), 0);
  const window = failures.length ? lastFailure - killedAt : 0;
  const early = failures.filter((s) => s.end < killedAt);
  const late = failures.filter((s) => s.at > killedAt + config.rerouteBudgetMs);
  section.outageErrors += failures.filter((s) => s.status >= 500 && !early.includes(s) && !late.includes(s)).length;
  section.serverErrors += [...early, ...late].filter((s) => s.status >= 500).length;
  if (early.length) section.fail(`${early.length} requests failed before the kill (first: ${early[0]!.what} ${early[0]!.status || "no answer"})`);
  if (window > config.rerouteBudgetMs) section.fail(`requests still failed ${window} ms after the kill (budget ${config.rerouteBudgetMs} ms)`);

  // No acknowledged write lost, none applied twice.
  const present = await allPipelines(api);
  const byName = new Map<string, number>();
  for (const p of present) byName.set(p.pipeline_name, (byName.get(p.pipeline_name) ?? 0) + 1);
  let lostCreates = 0;
  for (const name of traffic.ackedCreates) if (!byName.has(name)) lostCreates++;
  const twice = [...byName].filter(([, n]) => n > 1).length;
  const phantoms = present.filter((p) => p.pipeline_name.startsWith("load_") && !traffic.ackedCreates.has(p.pipeline_name) && !traffic.unackedCreates.has(p.pipeline_name)).length;
  const [audit] = await ctx.sql<{ twice: number }[]>`
    select count(*)::int as twice from (select object_id from audit_events where action = 'pipeline.create' group by object_id having count(*) > 1) d`;
  const activeById = new Map(present.map((p) => [p.id, p.active]));
  let lostToggles = 0;
  let ackedToggles = 0;
  for (const [id, list] of traffic.toggles) {
    const lastAcked = list.map((t) => t.acked).lastIndexOf(true);
    ackedToggles += list.filter((t) => t.acked).length;
    if (lastAcked < 0) continue;
    const allowed = new Set(list.slice(lastAcked).filter((t, i) => i === 0 || !t.acked).map((t) => t.active));
    if (!allowed.has(activeById.get(id) ?? !list[lastAcked]!.active)) lostToggles++;
  }
  section.lost += lostCreates + lostToggles;
  section.duplicates += twice + (audit?.twice ?? 0) + phantoms;

  // The consoles: reconnected and not one stale row, judged against what the API says now.
  const want = new Map((await allPipelines(api)).filter((p) => p.pipeline_name.startsWith("watch_")).map((p) => [p.pipeline_name, p.active]));
  let mismatched = 0;
  for (const [id, name] of watched) if (want.get(name) !== expected.get(id)) mismatched++;
  if (mismatched) section.fail(`${mismatched} acknowledged changes of the watched pipelines are not what the API says`);
  const viaProxy = await current(page, want, 20_000);
  const restartedAt = Date.now();
  await ctx.dep.restartWeb(victim.name); // back to two instances, for the checks that follow too
  const restartMs = Date.now() - restartedAt;
  const straight = await current(direct, want, 20_000);
  await page.close();
  await direct.close();
  const reconnectedTo = streams.slice(1);
  if (viaProxy.stale) section.fail(`the console through the proxy shows ${viaProxy.stale} stale rows of ${watched.size} 20 s after the changes`);
  if (straight.stale) section.fail(`the console on ${victim.name}'s port shows ${straight.stale} stale rows of ${watched.size} 20 s after the restart`);
  if (!reconnectedTo.some((n) => n !== victim.name)) section.fail(`the console's event stream did not reconnect to another instance (streams: ${streams.join(", ")})`);
  if (directStreams < 2) section.fail(`the console on ${victim.name}'s port did not reconnect its event stream after the restart`);
  if (lostCreates || lostToggles || twice || phantoms || audit?.twice) section.fail(`writes: ${lostCreates} acknowledged creates lost, ${lostToggles} pause/resume lost, ${twice} names twice, ${audit?.twice ?? 0} creates audited twice, ${phantoms} never sent`);

  const kinds = new Map<string, number>();
  for (const f of failures) kinds.set(`${f.what} ${f.status || "no answer"}`, (kinds.get(`${f.what} ${f.status || "no answer"}`) ?? 0) + 1);
  section.note(
    `${config.loadClients} clients × ${config.loadSeconds} s: ${traffic.sent.length} requests, ${traffic.ackedCreates.size} creates and ${ackedToggles} pause/resume acknowledged; ` +
      `kill -9 of ${victim.name} (the console's stream) at +${((killedAt - started) / 1000).toFixed(1)} s`,
  );
  section.note(
    `routed around: ${failures.length} failed requests, the last sent ${window} ms after the kill (budget ${config.rerouteBudgetMs} ms) [${[...kinds].map(([k, n]) => `${k}: ${n}`).join(", ") || "none"}]`,
  );
  section.note(`writes: ${lostCreates} acknowledged creates lost, ${lostToggles} acknowledged pause/resume lost, ${twice + (audit?.twice ?? 0) + phantoms} applied twice or unasked`);
  section.note(
    `console cut off: ${config.cutOffChanges} changes in ${changesDone - changesStarted} ms from the kill (${retried} resent). ` +
      `Through the proxy: stream reconnected to ${reconnectedTo.join(", ") || "nothing"}, ${viaProxy.stale} stale rows of ${watched.size}, current ${viaProxy.ms} ms after the last change. ` +
      `On ${victim.name}'s port: restarted in ${(restartMs / 1000).toFixed(1)} s, ${directStreams - 1} reconnection(s), ${straight.stale} stale rows, current ${straight.ms} ms after it answered`,
  );
}
