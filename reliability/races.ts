// 2. Races: simultaneous deletes (one winner, the rest 404, in each dialect that deletes),
// clear against execute (one wins, the other gets its documented 400), and a pause
// acknowledged before a fire time (no run for that time).
import { config, ORG, PORTS } from "./support/config";
import { Client, field, sleep, together, until, v1 } from "./support/http";
import { freshDatabase, type FreshDb } from "./support/infra";
import { Section } from "./support/report";
import { startServer } from "./support/server";

async function createPipeline(client: Client, name: string, extra: Record<string, unknown> = {}): Promise<string> {
  const r = await client.call("POST", v1("pipeline/"), { body: { pipeline_name: name, ...extra } });
  if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${r.text.slice(0, 300)}`);
  return field<string>(r.json, "id");
}

function tally(statuses: number[]): string {
  const counts = new Map<number, number>();
  for (const s of statuses) counts.set(s, (counts.get(s) ?? 0) + 1);
  return [...counts].map(([s, n]) => `${s}×${n}`).join(" ");
}

async function deleteRaces(section: Section, client: Client, db: FreshDb): Promise<void> {
  const racers = config.deleteRacers;
  const dialects: { name: string; success: number; make: (i: number) => Promise<string>; del: (id: string) => Promise<number> }[] = [
    {
      name: "§1 DELETE pipeline/{id}/",
      success: 204,
      make: (i) => createPipeline(client, `race_v1_${i}`, { cron_string: "0 3 * * *" }),
      del: async (id) => (await client.call("DELETE", v1(`pipeline/${id}/`))).status,
    },
    {
      name: "§2 DELETE /platform/pipeline/{id}",
      success: 200,
      make: (i) => createPipeline(client, `race_mae_${i}`, { cron_string: "0 3 * * *" }),
      // Half written with "_": both spellings name the same pipeline.
      del: async (id) => (await client.call("DELETE", `/platform/pipeline/${Math.random() < 0.5 ? id : id.replace(/-/g, "_")}`)).status,
    },
    {
      name: "§4 DELETE /resources/{id}",
      success: 200,
      make: async (i) => {
        const r = await client.call("POST", "/resources", { body: { name: `race_res_${i}`, kind: "source", connector: "sample" } });
        if (r.status !== 201) throw new Error(`create resource: ${r.status} ${r.text}`);
        return field<string>(r.json, "id");
      },
      del: async (id) => (await client.call("DELETE", `/resources/${id}`)).status,
    },
  ];
  for (const d of dialects) {
    for (let round = 0; round < config.raceRounds; round++) {
      const id = await d.make(round);
      const statuses = await together(racers, () => d.del(id));
      const wins = statuses.filter((s) => s === d.success).length;
      const notFound = statuses.filter((s) => s === 404).length;
      if (wins > 1) section.duplicates += wins - 1;
      if (wins !== 1 || notFound !== racers - 1) section.fail(`${d.name} round ${round}: ${tally(statuses)} (wanted ${d.success}×1 404×${racers - 1})`);
    }
    section.note(`${d.name}: ${config.raceRounds} rounds of ${racers} simultaneous deletes`);
  }
  // Nothing of the deleted pipelines is left: no schedule fires for them.
  const [left] = await db.sql<{ n: number }[]>`select count(*)::int as n from pipelines where name like 'race_%'`;
  if (left!.n !== 0) section.fail(`${left!.n} raced-over pipelines still present`);
  const [sched] = await db.sql<{ n: number }[]>`select count(*)::int as n from schedules s where not exists (select 1 from pipelines p where p.id = s.pipeline_id)`;
  if (sched!.n !== 0) section.fail(`${sched!.n} schedules outlived their pipelines`);
}

async function clearVersusExecute(section: Section, client: Client, db: FreshDb): Promise<void> {
  // A source slow enough that a run started by the race is still running when the clear lands.
  const res = await client.call("POST", "/resources", {
    body: { name: "race_slow", kind: "source", connector: "sample", config: { count: 400, batch_size: 20, delay_ms: 5 } },
  });
  if (res.status !== 201) throw new Error(`create resource: ${res.status} ${res.text}`);
  const sourceId = field<string>(res.json, "id");
  const outcomes = { clear: 0, execute: 0 };
  for (let round = 0; round < config.raceRounds * 2; round++) {
    const name = `cx_${round}`;
    const id = await createPipeline(client, name, { jobs: [{ name: "j", source: sourceId }] });
    // Storage in use, with rows to clear: the state in which both requests are allowed alone.
    await db.sql`insert into storage_records (org_id, pipeline_id, data, bytes) select ${ORG}, ${id}, jsonb_build_object('n', g), 10 from generate_series(1, 2000) g`;
    await db.sql`update pipelines set storage_status = 'InUse' where id = ${id}`;
    const viaMaestro = round % 2 === 1;
    const [clear, execute] = await Promise.all([
      client.call("POST", `/v0/pipelines/${name}/clear`),
      viaMaestro
        ? client.call("POST", "/platform/pipeline/execute", { body: { pipeline_id: id } })
        : client.call("POST", v1("pipeline/execute/"), { body: { pipeline_id: id } }),
    ]);
    const clearWon = clear.status === 202;
    const executeWon = execute.status === 200 || execute.status === 201;
    const clearRule = (clear.json as { error_code?: string } | null)?.error_code;
    const executeText = execute.text;
    if (clearWon && executeWon) {
      section.duplicates++;
      section.fail(`clear/execute round ${round}: both won`);
    } else if (clearWon) {
      outcomes.clear++;
      if (execute.status !== 400 || !executeText.includes("CannotStartWhileClearingStorage"))
        section.fail(`clear/execute round ${round}: clear won, execute answered ${execute.status} ${executeText.slice(0, 200)}`);
    } else if (executeWon) {
      outcomes.execute++;
      if (clear.status !== 400 || clearRule !== "StorageStatusImmutableUnlessStopped")
        section.fail(`clear/execute round ${round}: execute won, clear answered ${clear.status} ${clear.text.slice(0, 200)}`);
    } else {
      section.fail(`clear/execute round ${round}: neither won (clear ${clear.status} ${clear.text.slice(0, 150)}; execute ${execute.status} ${executeText.slice(0, 150)})`);
    }
    // Let the winner finish before the next round (the worker runs both kinds of work).
    await until(`round ${round} to settle`, async () => {
      const [p] = await db.sql<{ storage_status: string; open: number }[]>`
        select storage_status, (select count(*)::int from executions e where e.pipeline_id = p.id and e.status in ('PENDING','EXECUTING')) as open
        from pipelines p where id = ${id}`;
      return p && p.storage_status !== "Clearing" && p.open === 0;
    }, 120_000, 200);
  }
  section.note(`clear vs execute: ${config.raceRounds * 2} rounds, clear won ${outcomes.clear}, execute won ${outcomes.execute}`);
}

async function pauseBeforeFire(section: Section, client: Client, db: FreshDb): Promise<void> {
  const rounds = Math.max(2, Math.ceil(config.raceRounds / 2) * 2);
  let skipped = 0;
  for (let round = 0; round < rounds; round++) {
    const paused = await createPipeline(client, `pf_p_${round}`, { cron_string: "0 4 * * *" });
    const control = await createPipeline(client, `pf_c_${round}`, { cron_string: "0 4 * * *" });
    // A fire time 3 s ahead for both; the scheduler polls every 200 ms.
    const [row] = await db.sql<{ at: Date }[]>`select date_trunc('milliseconds', now() + interval '3 seconds') as at`;
    const fireAt = row!.at;
    await db.sql`update schedules set next_fire_at = ${fireAt} where pipeline_id in ${db.sql([paused, control])}`;
    const viaMaestro = round % 2 === 0;
    const ack = viaMaestro
      ? await client.call("POST", "/platform/pipeline/pause", { body: { pipeline_id: paused } })
      : await client.call("PATCH", v1(`pipeline/${paused}/`), { body: { active: false } });
    const [clock] = await db.sql<{ now: Date }[]>`select now() as now`;
    if (!ack.ok) {
      section.fail(`pause round ${round}: ${ack.status} ${ack.text.slice(0, 200)}`);
      continue;
    }
    if (clock!.now >= fireAt) {
      // The acknowledgement came after the fire time: this round proves nothing, say so.
      skipped++;
      continue;
    }
    await until(`the control pipeline of round ${round} to fire`, async () => {
      const [c] = await db.sql<{ n: number }[]>`select count(*)::int as n from executions where pipeline_id = ${control} and scheduled_for = ${fireAt}`;
      return c!.n === 1;
    }, 30_000, 100).catch((e: Error) => section.fail(e.message));
    await sleep(1000); // a few more scheduler polls
    // Resuming later must not bring the missed tick back either.
    const resume = viaMaestro
      ? await client.call("POST", "/platform/pipeline/unpause", { body: { pipeline_id: paused } })
      : await client.call("PATCH", v1(`pipeline/${paused}/`), { body: { active: true } });
    if (!resume.ok) section.fail(`resume round ${round}: ${resume.status}`);
    await sleep(1000);
    const [p] = await db.sql<{ n: number }[]>`select count(*)::int as n from executions where pipeline_id = ${paused}`;
    if (p!.n !== 0) {
      section.duplicates += p!.n;
      section.fail(`pause round ${round}: the pipeline paused before ${fireAt.toISOString()} ran ${p!.n} time(s)`);
    }
  }
  if (skipped > rounds / 2) section.fail(`pause before fire: ${skipped} of ${rounds} pauses were acknowledged only after the fire time`);
  section.note(`pause before fire: ${rounds} rounds (${skipped} inconclusive), via §2 pause and §1 PATCH active=false`);
}

export async function racesSection(): Promise<Section> {
  const section = new Section("2 races");
  const db = await freshDatabase("races");
  const server = await startServer({
    port: PORTS.races,
    databaseUrl: db.url,
    amqpUrl: config.amqpUrl,
    label: "races",
    env: { WORKER_POLL_MS: "200" },
  });
  try {
    const client = new Client(server.base, section);
    await deleteRaces(section, client, db);
    await clearVersusExecute(section, client, db);
    await pauseBeforeFire(section, client, db);
  } finally {
    await server.stop();
    await db.drop();
  }
  return section;
}
