// 3. Faults: kill -9 of the server during deletes, workers killed mid-run and mid-clear,
// Postgres stopped and started under traffic, RabbitMQ stopped while resources are deleted.
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import amqp from "amqplib";
import { config, ORG, PORTS } from "./support/config";
import { Client, field, sleep, until, v1, type Reply } from "./support/http";
import { freshDatabase, PrivatePostgres, PrivateRabbit, type FreshDb } from "./support/infra";
import { Section } from "./support/report";
import { startServer, type Server } from "./support/server";

async function createSource(client: Client, name: string, cfg: Record<string, unknown> = {}): Promise<string> {
  const r = await client.call("POST", "/resources", { body: { name, kind: "source", connector: "sample", config: cfg } });
  if (r.status !== 201) throw new Error(`create resource ${name}: ${r.status} ${r.text.slice(0, 200)}`);
  return field<string>(r.json, "id");
}

// ---------------------------------------------------------------- kill -9 during deletes

interface Children {
  executions: number;
  logs: number;
  storage: number;
  keys: number;
  shares: number;
  schedules: number;
  jobs: number;
  jobStates: number;
}

async function childrenOf(db: FreshDb, id: string): Promise<{ present: boolean; children: Children }> {
  const [row] = await db.sql<(Children & { present: boolean })[]>`
    select exists(select 1 from pipelines where id = ${id}) as present,
      (select count(*)::int from executions where pipeline_id = ${id}) as executions,
      (select count(*)::int from execution_logs l join executions e on e.id = l.execution_id where e.pipeline_id = ${id}) as logs,
      (select count(*)::int from storage_records where pipeline_id = ${id}) as storage,
      (select count(*)::int from pipeline_keys where pipeline_id = ${id}) as keys,
      (select count(*)::int from pipeline_shares where pipeline_id = ${id}) as shares,
      (select count(*)::int from schedules where pipeline_id = ${id}) as schedules,
      (select count(*)::int from jobs where pipeline_id = ${id}) as jobs,
      (select count(*)::int from job_states where pipeline_id = ${id}) as "jobStates"`;
  const { present, ...children } = row!;
  return { present, children };
}

async function pipelineWithChildren(client: Client, db: FreshDb, name: string, sourceId: string, adminId: string): Promise<string> {
  const r = await client.call("POST", v1("pipeline/"), {
    body: { pipeline_name: name, cron_string: "0 5 * * *", jobs: [{ name: "j", source: sourceId }] },
  });
  if (r.status !== 201) throw new Error(`create ${name}: ${r.status} ${r.text.slice(0, 200)}`);
  const id = field<string>(r.json, "id");
  const key = await client.call("POST", v1(`api/keys/pipeline/${id}/`), { body: { pipeline: id, description: "second key" } });
  if (key.status !== 201) throw new Error(`create key: ${key.status} ${key.text.slice(0, 200)}`);
  // Many child rows, so that a delete takes long enough to be cut in the middle.
  await db.sql.begin(async (tx) => {
    await tx`insert into pipeline_shares (pipeline_id, user_id) values (${id}, ${adminId})`;
    await tx`insert into job_states (job_id, pipeline_id, cursor) select id, pipeline_id, 'c' from jobs where pipeline_id = ${id}`;
    await tx`insert into executions (org_id, pipeline_id, status, method) select ${ORG}, ${id}, 'COMPLETED', 'DIRECT' from generate_series(1, 150)`;
    await tx`insert into execution_logs (execution_id, message) select e.id, 'line ' || g from executions e, generate_series(1, 4) g where e.pipeline_id = ${id}`;
    await tx`insert into storage_records (org_id, pipeline_id, data, bytes) select ${ORG}, ${id}, jsonb_build_object('n', g, 'pad', repeat('x', 100)), 110 from generate_series(1, 4000) g`;
    await tx`update pipelines set storage_status = 'InUse' where id = ${id}`;
  });
  return id;
}

async function killTrials(section: Section): Promise<void> {
  const db = await freshDatabase("kill");
  const PER_TRIAL = 4;
  let server: Server | null = null;
  const tallies = { present: 0, gone: 0, ackedDeletes: 0 };
  // The kill lands at a random moment in this window, which adapts so that trials cut deletes
  // before, during and after their transactions rather than always on one side.
  let windowMs = 600;
  try {
    for (let trial = 0; trial < config.killTrials; trial++) {
      // The first start goes through npm start (and builds if needed); restarts reuse that build.
      server = await startServer({ port: PORTS.kill, databaseUrl: db.url, worker: false, label: "kill", direct: trial > 0 });
      const client = new Client(server.base, section);
      const [admin] = await db.sql<{ id: string }[]>`select id from users order by created_at limit 1`;
      const sourceId = await createSource(client, `kill_src_${trial}`);
      const ids: string[] = [];
      for (let i = 0; i < PER_TRIAL; i++) ids.push(await pipelineWithChildren(client, db, `kill_${trial}_${i}`, sourceId, admin!.id));
      const before = new Map<string, Children>();
      for (const id of ids) before.set(id, (await childrenOf(db, id)).children);

      const acked = new Set<string>();
      const deletes = ids.map(async (id, i) => {
        const r: Reply =
          i % 2 === 0
            ? await client.call("DELETE", v1(`pipeline/${id}/`), { timeoutMs: 10_000 })
            : await client.call("DELETE", `/platform/pipeline/${id}`, { timeoutMs: 10_000 });
        if (r.ok) acked.add(id);
      });
      // A random moment: before, during or just after the deletes' transactions.
      await sleep(Math.random() * windowMs);
      await server.kill9();
      section.faults++;
      await Promise.all(deletes);
      server = null;
      tallies.ackedDeletes += acked.size;
      if (acked.size === ids.length) windowMs = Math.max(50, windowMs * 0.7);
      else if (acked.size === 0) windowMs = Math.min(5000, windowMs * 1.3);
      for (const id of ids) {
        const { present, children } = await childrenOf(db, id);
        const was = before.get(id)!;
        if (present) {
          tallies.present++;
          if (acked.has(id)) {
            section.lost++;
            section.fail(`trial ${trial}: delete of ${id} acknowledged, but the pipeline is still there`);
          }
          if (JSON.stringify(children) !== JSON.stringify(was))
            section.fail(`trial ${trial}: ${id} present but partial: ${JSON.stringify(children)} (was ${JSON.stringify(was)})`);
        } else {
          tallies.gone++;
          if (Object.values(children).some((n) => n !== 0)) section.fail(`trial ${trial}: ${id} gone but left ${JSON.stringify(children)}`);
        }
      }
    }
  } finally {
    await server?.stop();
    await db.drop();
  }
  section.note(
    `kill -9 during deletes: ${config.killTrials} trials × ${PER_TRIAL} pipelines: ${tallies.gone} wholly gone, ${tallies.present} wholly present, ${tallies.ackedDeletes} deletes acknowledged before the kill`,
  );
}

// ---------------------------------------------------------------- workers killed

interface WorkerProcess {
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
}

/** A standalone worker as `npm run worker` runs it, with short polls and leases. */
async function startWorker(url: string, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-rel-worker-"));
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, AMQP_URL: "", WORKER_POLL_MS: "100", WORKER_LEASE_MS: "1500", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout.on("data", (c: Buffer) => (text += c.toString()));
  child.stderr.on("data", (c: Buffer) => (text += c.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await until("the worker to start", async () => {
    if (child.exitCode !== null) throw new Error(`worker exited:\n${text}`);
    return /worker \S+ started/.test(text);
  }, 60_000, 100);
  const end = async (signal: NodeJS.Signals) => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
    await exited;
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
  return { kill9: () => end("SIGKILL"), stop: () => end("SIGTERM") };
}

async function workerKills(section: Section): Promise<void> {
  const db = await freshDatabase("workers");
  const server = await startServer({ port: PORTS.workers, databaseUrl: db.url, worker: false, label: "workers", direct: true });
  const workers: WorkerProcess[] = [];
  try {
    const client = new Client(server.base, section);
    // Mid-run.
    const RECORDS = 3000;
    const sourceId = await createSource(client, "slow_src", { count: RECORDS, batch_size: 100, delay_ms: 1 });
    const created = await client.call("POST", v1("pipeline/"), { body: { pipeline_name: "slow_run", jobs: [{ name: "j", source: sourceId }] } });
    const pipelineId = field<string>(created.json, "id");
    const first = await startWorker(db.url);
    workers.push(first);
    const run = await client.call("POST", v1("pipeline/execute/"), { body: { pipeline_id: pipelineId } });
    const executionId = field<string>(field(run.json, "execution"), "execution_id");
    await until("the run to be part-way", async () => {
      const [e] = await db.sql<{ status: string; successful_files: number }[]>`select status, successful_files from executions where id = ${executionId}`;
      return e?.status === "EXECUTING" && e.successful_files > 0;
    }, 60_000, 20);
    await first.kill9();
    section.faults++;
    const second = await startWorker(db.url);
    workers.push(second);
    await until("the cut run to complete on another worker", async () => {
      const [e] = await db.sql<{ status: string }[]>`select status from executions where id = ${executionId}`;
      return e?.status === "COMPLETED" || e?.status === "ERROR";
    }, 90_000, 200);
    const [done] = await db.sql<{ status: string; successful_files: number; stored: number; attempts: number }[]>`
      select status, successful_files, attempts, (select count(*)::int from storage_records where execution_id = ${executionId}) as stored
      from executions where id = ${executionId}`;
    if (done!.status !== "COMPLETED" || done!.successful_files !== RECORDS || done!.stored !== RECORDS) {
      if (done!.stored > RECORDS) section.duplicates += done!.stored - RECORDS;
      if (done!.stored < RECORDS) section.lost += RECORDS - done!.stored;
      section.fail(`worker killed mid-run: ${JSON.stringify(done)} (wanted COMPLETED with ${RECORDS} records once)`);
    }
    section.note(`worker killed mid-run: finished by another worker (${done!.attempts} attempts, ${done!.stored} records stored)`);

    // Mid-clear.
    const ROWS = 100_000;
    const made = await client.call("POST", v1("pipeline/"), { body: { pipeline_name: "big_storage" } });
    const bigId = field<string>(made.json, "id");
    await db.sql`insert into storage_records (org_id, pipeline_id, data, bytes) select ${ORG}, ${bigId}, jsonb_build_object('n', g), 12 from generate_series(1, ${ROWS}) g`;
    await db.sql`update pipelines set storage_status = 'InUse' where id = ${bigId}`;
    await second.stop();
    const clear = await client.call("POST", "/v0/pipelines/big_storage/clear");
    if (clear.status !== 202) section.fail(`clear: ${clear.status} ${clear.text.slice(0, 200)}`);
    const third = await startWorker(db.url, { WORKER_CLEAR_BATCH: "500" });
    workers.push(third);
    await until("the clear to be part-way", async () => {
      const [c] = await db.sql<{ done_rows: string }[]>`select done_rows from storage_clears where pipeline_id = ${bigId}`;
      return c && Number(c.done_rows) > 0;
    }, 60_000, 10);
    await third.kill9();
    section.faults++;
    const fourth = await startWorker(db.url);
    workers.push(fourth);
    await until("the cut clear to finish", async () => {
      const r = await client.call("GET", "/v0/pipelines/big_storage");
      return (r.json as { storage_status?: string } | null)?.storage_status === "Cleared";
    }, 120_000, 250);
    const [after] = await db.sql<{ left: number; done_rows: string; total_rows: string }[]>`
      select (select count(*)::int from storage_records where pipeline_id = ${bigId}) as left, done_rows, total_rows from storage_clears where pipeline_id = ${bigId}`;
    if (after!.left !== 0 || Number(after!.done_rows) !== ROWS || Number(after!.total_rows) !== ROWS)
      section.fail(`worker killed mid-clear: ${JSON.stringify(after)} (wanted 0 left, ${ROWS} done)`);
    section.note(`worker killed mid-clear: Cleared after restart (${after!.done_rows}/${after!.total_rows} rows)`);
    await fourth.stop();

    await decommissionKilledMidClear(section, db, client);
  } finally {
    for (const w of workers) await w.stop();
    await server.stop();
    await db.drop();
  }
}

/**
 * A decommission (the server-side delete) of a pipeline with a million stored rows, its worker
 * killed with -9 part-way through the clear: another worker takes the plan and the clear over,
 * and the pipeline ends deleted, every row gone, each step audited once.
 */
async function decommissionKilledMidClear(section: Section, db: FreshDb, client: Client): Promise<void> {
  const ROWS = config.decommissionRows;
  const made = await client.call("POST", v1("pipeline/"), { body: { pipeline_name: "big_decommission", cron_string: "0 5 * * *" } });
  const id = field<string>(made.json, "id");
  await db.sql`insert into storage_records (org_id, pipeline_id, data, bytes) select ${ORG}, ${id}, jsonb_build_object('n', g), 12 from generate_series(1, ${ROWS}) g`;
  await db.sql`update pipelines set storage_status = 'InUse' where id = ${id}`;
  const started = Date.now();
  const first = await startWorker(db.url, { WORKER_CLEAR_BATCH: "5000" });
  const start = await client.call("POST", `/api/v1/orgs/${ORG}/pipelines/${id}/decommission`, { body: { confirm_name: "big_decommission", reason: "reliability: kill -9 mid-clear" } });
  if (start.status !== 202) {
    section.fail(`decommission: ${start.status} ${start.text.slice(0, 200)}`);
    await first.stop();
    return;
  }
  await until("the decommission's clear to be part-way", async () => {
    const [c] = await db.sql<{ done_rows: string }[]>`select done_rows from storage_clears where pipeline_id = ${id}`;
    return !!c && Number(c.done_rows) > 0;
  }, 120_000, 10);
  const [cut] = await db.sql<{ state: string; done_rows: string }[]>`
    select d.state, c.done_rows from decommissions d join storage_clears c on c.pipeline_id = d.pipeline_id where d.pipeline_id = ${id}`;
  await first.kill9();
  section.faults++;
  const second = await startWorker(db.url, { WORKER_CLEAR_BATCH: "5000" });
  try {
    await until("the decommission to end", async () => {
      const r = await client.call("GET", `/api/v1/orgs/${ORG}/pipelines/${id}/decommission`);
      const state = (r.json as { state?: string } | null)?.state;
      return state === "done" || state === "failed" || state === "cancelled";
    }, 300_000, 250);
  } finally {
    await second.stop();
  }
  const plan = (await client.call("GET", `/api/v1/orgs/${ORG}/pipelines/${id}/decommission`)).json as { state: string; progress: { done_rows: number; total_rows: number } };
  const [after] = await db.sql<{ present: boolean; left: number; audits: { action: string; n: number }[] }[]>`
    select exists(select 1 from pipelines where id = ${id}) as present,
      (select count(*)::int from storage_records where pipeline_id = ${id}) as left,
      (select coalesce(json_agg(a), '[]'::json) from (select action, count(*)::int as n from audit_events where object_id = ${id} group by action order by action) a) as audits`;
  const audits = Object.fromEntries(after!.audits.map((a) => [a.action, a.n]));
  const once = ["pipeline.decommission", "pipeline.pause", "storage.clear", "pipeline.delete"].every((action) => audits[action] === 1);
  if (plan.state !== "done" || after!.present || after!.left !== 0 || plan.progress.done_rows !== ROWS || !once) {
    section.fail(`decommission killed mid-clear: ${JSON.stringify({ plan, after })} (wanted done, the pipeline and its ${ROWS} rows gone, each step audited once)`);
  }
  section.note(
    `decommission of a pipeline with ${ROWS.toLocaleString("en-US")} stored rows, worker killed with -9 mid-clear (${cut?.state}, ${Number(cut?.done_rows ?? 0).toLocaleString("en-US")} rows cleared): ` +
      `${plan.state} on another worker in ${((Date.now() - started) / 1000).toFixed(1)} s, ${after!.left} rows left, audit ${JSON.stringify(audits)}`,
  );
}

// ---------------------------------------------------------------- Postgres restarted

/** Is this 5xx body the documented one for a database failure in its dialect? */
export function documentedOutageBody(pathname: string, status: number, json: unknown): boolean {
  if (status !== 500 && status !== 503) return false;
  const o = (json ?? {}) as Record<string, unknown>;
  if (pathname.startsWith("/platform")) return o.detail === "Unable to complete transaction due to database error";
  if (pathname.startsWith("/resources")) return o.detail === "Internal server error";
  if (pathname.startsWith("/v0")) return typeof o.message === "string" && typeof o.error_code === "string" && typeof o.details === "object";
  if (pathname === "/api/health") return o.status === "unavailable";
  const errors = o.errors as { code?: unknown; detail?: unknown }[] | undefined;
  return o.type === "server_error" && Array.isArray(errors) && errors.length > 0 && errors.every((e) => typeof e.code === "string" && typeof e.detail === "string");
}

async function postgresRestart(section: Section): Promise<void> {
  const pg = new PrivatePostgres();
  pg.init();
  pg.start();
  let server: Server | null = null;
  let db: FreshDb | null = null;
  try {
    db = await freshDatabase("pgrestart", pg.serverUrl);
    server = await startServer({ port: PORTS.postgres, databaseUrl: db.url, label: "pgrestart", direct: true, env: { WORKER_POLL_MS: "200" } });
    const client = new Client(server.base, section);
    const seedId = field<string>((await client.call("POST", v1("pipeline/"), { body: { pipeline_name: "pg_seed" } })).json, "id");

    let phase: "before" | "down" | "recovering" | "after" = "before";
    const acked = new Map<string, string>();
    const undocumented: string[] = [];
    const kinds: [string, string, () => Promise<Reply>][] = [
      ["GET", v1("pipeline/"), () => client.call("GET", v1("pipeline/?page_size=5"), { allow5xx: true, timeoutMs: 15_000 })],
      ["GET", `/platform/pipeline/${seedId}`, () => client.call("GET", `/platform/pipeline/${seedId}`, { allow5xx: true, timeoutMs: 15_000 })],
      ["GET", "/v0/pipelines/pg_seed", () => client.call("GET", "/v0/pipelines/pg_seed", { allow5xx: true, timeoutMs: 15_000 })],
      ["GET", "/resources", () => client.call("GET", "/resources", { allow5xx: true, timeoutMs: 15_000 })],
    ];
    let n = 0;
    const judge = (what: string, pathname: string, r: Reply, sentIn: typeof phase) => {
      if (r.status < 500) return;
      // 5xx are allowed only while Postgres is down or coming back, and only in the documented shape.
      const during = sentIn === "down" || sentIn === "recovering" || phase === "down" || phase === "recovering";
      if (during && documentedOutageBody(pathname, r.status, r.json)) section.outageErrors++;
      else if (during) {
        section.serverErrors++;
        if (undocumented.length < 10) undocumented.push(`${what}: ${r.status} ${r.text.slice(0, 200)}`);
      } else section.serverError(what, r.status, r.text);
    };
    let running = true;
    const traffic = Array.from({ length: 8 }, async (_, c) => {
      while (running) {
        const sentIn = phase;
        if (Math.random() < 0.3) {
          const name = `pg_${c}_${n++}`;
          const r = await client.call("POST", v1("pipeline/"), { body: { pipeline_name: name }, allow5xx: true, timeoutMs: 15_000 });
          if (r.status === 201) acked.set(field<string>(r.json, "id"), name);
          judge(`POST create ${name}`, "/api/v1/unstract", r, sentIn);
        } else {
          const [, p, go] = kinds[Math.floor(Math.random() * kinds.length)]!;
          judge(`GET ${p}`, p, await go(), sentIn);
        }
        if (phase === "down") await sleep(50); // fast failures must not spin
      }
    });
    await sleep(3000);
    phase = "down";
    pg.stop();
    section.faults++;
    // What the app says meanwhile, in each dialect (and the health route).
    await sleep(1500);
    const asked = Date.now();
    // Not awaited: it answers only once its database client gives up, which may be after the
    // outage; its answer is judged like any other, its delay reported.
    const healthCheck = client.call("GET", "/api/health", { allow5xx: true, timeoutMs: 40_000 }).then((health) => {
      section.note(`health asked while Postgres was down: ${health.status || "no answer"} after ${Date.now() - asked} ms`);
      judge("GET /api/health", "/api/health", health, "down");
      if (health.status !== 503 && health.status !== 200) section.fail(`health while Postgres is down: ${health.status} ${health.text.slice(0, 200)}`);
    });
    await sleep(3500);
    pg.start();
    phase = "recovering";
    const back = Date.now();
    // Full service: every kind of request answered 2xx in one round.
    let recoveredMs = -1;
    while (Date.now() - back < 30_000) {
      const replies = await Promise.all(kinds.map(([, , go]) => go()));
      replies.forEach((r, i) => judge(`probe ${kinds[i]![1]}`, kinds[i]![1], r, "recovering"));
      if (replies.every((r) => r.ok)) {
        recoveredMs = Date.now() - back;
        break;
      }
      await sleep(100);
    }
    phase = "after";
    if (recoveredMs < 0 || recoveredMs > 5000) section.fail(`full service ${recoveredMs < 0 ? "not back within 30 s" : `back only after ${recoveredMs} ms`} (wanted ≤ 5000 ms)`);
    await sleep(4000);
    running = false;
    await Promise.all([...traffic, healthCheck]);
    for (const u of undocumented) section.fail(`undocumented answer while Postgres was down: ${u}`);
    for (const [id, name] of acked) {
      const r = await client.call("GET", v1(`pipeline/${id}/`));
      if (r.status !== 200 || (r.json as { pipeline_name?: string }).pipeline_name !== name) {
        section.lost++;
        section.fail(`pipeline ${name} (${id}) acknowledged, reads ${r.status}`);
      }
    }
    section.note(`Postgres stopped (immediate) for ~5 s under traffic: ${section.outageErrors} documented 500/503 meanwhile, full service ${recoveredMs} ms after it was back, ${acked.size} acknowledged creates all read back`);
  } finally {
    await server?.stop();
    await db?.drop().catch(() => {});
    pg.destroy();
  }
}

// ---------------------------------------------------------------- RabbitMQ stopped

async function rabbitStopped(section: Section): Promise<void> {
  const rabbit = new PrivateRabbit();
  const db = await freshDatabase("rabbit");
  let server: Server | null = null;
  try {
    await rabbit.start();
    server = await startServer({
      port: PORTS.rabbit,
      databaseUrl: db.url,
      amqpUrl: rabbit.url,
      label: "rabbit",
      direct: true,
      env: { WORKER_POLL_MS: "200" },
    });
    const client = new Client(server.base, section);
    const COUNT = 30;
    const ids: string[] = [];
    for (let i = 0; i < COUNT; i++) {
      const r = await client.call("POST", "/resources", { body: { name: `mq_${i}`, kind: "source", connector: "sample", with_wrapper: i < 3 } });
      if (r.status !== 201) throw new Error(`create resource: ${r.status} ${r.text.slice(0, 200)}`);
      ids.push(field<string>(r.json, "id"));
    }
    rabbit.stopApp();
    section.faults++;
    let refused = 0;
    for (const id of ids) {
      const r = await client.call("DELETE", `/resources/${id}`);
      if (r.status !== 200) refused++;
    }
    if (refused) section.fail(`${refused} of ${COUNT} deletions failed while RabbitMQ was stopped`);
    await until("the relay to have tried and failed", async () => {
      const [row] = await db.sql<{ n: number }[]>`select count(*)::int as n from outbox_messages where attempts > 0 and delivered_at is null`;
      return row!.n > 0;
    }, 30_000, 200).catch((e: Error) => section.fail(e.message));
    await sleep(2000);
    rabbit.startApp();

    const conn = await amqp.connect(rabbit.url);
    const seenIds = new Map<string, number>();
    const byResource = new Map<string, Set<string>>();
    let messages = 0;
    try {
      const ch = await conn.createChannel();
      await ch.assertQueue("resource_deleted", { durable: true });
      await ch.consume("resource_deleted", (msg) => {
        if (!msg) return;
        messages++;
        const messageId = String(msg.properties.messageId);
        seenIds.set(messageId, (seenIds.get(messageId) ?? 0) + 1);
        const body = JSON.parse(msg.content.toString()) as { resource_id: string };
        const set = byResource.get(body.resource_id) ?? new Set<string>();
        set.add(messageId);
        byResource.set(body.resource_id, set);
        ch.ack(msg);
      });
      await until("every deletion to be published", async () => ids.every((id) => byResource.has(id)), 90_000, 200).catch((e: Error) => section.fail(e.message));
      await sleep(3000); // anything sent twice would arrive by now
      await ch.close();
    } finally {
      await conn.close();
    }
    const missing = ids.filter((id) => !byResource.has(id));
    section.lost += missing.length;
    if (missing.length) section.fail(`${missing.length} deletions never published: ${missing.slice(0, 5).join(", ")}`);
    const twice = [...seenIds.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);
    const twoRows = [...byResource.values()].filter((s) => s.size > 1).length;
    section.duplicates += twice + twoRows;
    if (twice || twoRows) section.fail(`messages delivered twice: ${twice} by message id, ${twoRows} resources with two outbox rows`);
    const [undelivered] = await db.sql<{ n: number }[]>`select count(*)::int as n from outbox_messages where delivered_at is null`;
    if (undelivered!.n) section.fail(`${undelivered!.n} outbox rows still undelivered`);
    section.note(`RabbitMQ stopped: ${COUNT} deletions succeeded meanwhile; after start_app ${messages} messages, ${byResource.size} distinct resources, ${twice} repeats`);
  } finally {
    await server?.stop();
    await db.drop();
    rabbit.destroy();
  }
}

export async function faultsSection(): Promise<Section> {
  const section = new Section("3 faults");
  const parts: [string, (s: Section) => Promise<void>][] = [
    ["kill -9 during deletes", killTrials],
    ["workers killed", workerKills],
    ["Postgres restarted", postgresRestart],
    ["RabbitMQ stopped", rabbitStopped],
  ];
  const only = (process.env.RELIABILITY_FAULTS ?? "").split(",").filter(Boolean);
  for (const [name, part] of parts) {
    if (only.length && !only.some((o) => name.toLowerCase().includes(o.toLowerCase()))) continue;
    try {
      await part(section);
    } catch (error) {
      section.fail(`${name} stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    }
  }
  return section;
}
