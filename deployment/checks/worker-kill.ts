// e. kill -9 of one of the two workers mid-run and mid-clear: the other takes the work over once
// the dead one's lease runs out, and finishes it with every record stored once and every row
// cleared. Which worker to kill is read from the lease (lease_owner is the worker's id, which
// each worker prints when it starts).
import { Client, field, until, v1 } from "../../reliability/support/http";
import type { Section } from "../../reliability/support/report";
import { ORG } from "../../reliability/support/config";
import type { WorkerInstance } from "../../deploy/launcher";
import { config } from "../support/config";
import type { Ctx } from "../support/context";

function workerId(worker: WorkerInstance): string {
  const match = worker.process.output().match(/worker (\S+) started/);
  if (!match) throw new Error(`${worker.name} printed no id`);
  return match[1]!;
}

/** The worker holding a lease, found by its id among the live ones. */
function holder(ctx: Ctx, owner: string | null | undefined): WorkerInstance {
  const worker = ctx.dep.workers.find((w) => w.process.alive() && workerId(w) === owner);
  if (!worker) throw new Error(`no live worker holds lease ${owner}`);
  return worker;
}

async function midRun(section: Section, ctx: Ctx, api: Client): Promise<void> {
  const records = config.runRecords;
  const source = await api.call("POST", "/resources", { body: { name: "deploy_slow_src", kind: "source", connector: "sample", config: { count: records, batch_size: 100, delay_ms: 1 } } });
  if (source.status !== 201) throw new Error(`create source: ${source.status} ${source.text.slice(0, 200)}`);
  const made = await api.call("POST", v1("pipeline/"), { body: { pipeline_name: "deploy_slow_run", jobs: [{ name: "j", source: field<string>(source.json, "id") }] } });
  if (made.status !== 201) throw new Error(`create pipeline: ${made.status} ${made.text.slice(0, 200)}`);
  const run = await api.call("POST", v1("pipeline/execute/"), { body: { pipeline_id: field<string>(made.json, "id") } });
  if (run.status !== 200) throw new Error(`execute: ${run.status} ${run.text.slice(0, 200)}`);
  const executionId = field<string>(field(run.json, "execution"), "execution_id");
  const cut = await until("the run to be part-way", async () => {
    const [e] = await ctx.sql<{ status: string; successful_files: number; lease_owner: string | null }[]>`
      select status, successful_files, lease_owner from executions where id = ${executionId}`;
    return e?.status === "EXECUTING" && e.successful_files > 0 && e.lease_owner ? e : null;
  }, 60_000, 10);
  const victim = holder(ctx, cut.lease_owner);
  const killedAt = Date.now();
  await victim.process.kill9();
  section.faults++;
  await until("the cut run to end on the other worker", async () => {
    const [e] = await ctx.sql<{ status: string }[]>`select status from executions where id = ${executionId}`;
    return e?.status === "COMPLETED" || e?.status === "ERROR";
  }, 90_000, 50);
  const tookMs = Date.now() - killedAt;
  const [done] = await ctx.sql<{ status: string; successful_files: number; stored: number; attempts: number }[]>`
    select status, successful_files, attempts, (select count(*)::int from storage_records where execution_id = ${executionId}) as stored
    from executions where id = ${executionId}`;
  if (done!.status !== "COMPLETED" || done!.successful_files !== records || done!.stored !== records) {
    if (done!.stored > records) section.duplicates += done!.stored - records;
    if (done!.stored < records) section.lost += records - done!.stored;
    section.fail(`worker killed mid-run: ${JSON.stringify(done)} (wanted COMPLETED with ${records} records once)`);
  }
  section.note(
    `kill -9 of ${victim.name} mid-run (${cut.successful_files}/${records} records): ${done!.status} on the other worker ${(tookMs / 1000).toFixed(1)} s after the kill, attempt ${done!.attempts}, ${done!.stored} records stored`,
  );
}

async function midClear(section: Section, ctx: Ctx, api: Client): Promise<void> {
  const rows = config.clearRows;
  const made = await api.call("POST", v1("pipeline/"), { body: { pipeline_name: "deploy_big_storage" } });
  if (made.status !== 201) throw new Error(`create pipeline: ${made.status} ${made.text.slice(0, 200)}`);
  const id = field<string>(made.json, "id");
  // Rows as runs leave them, written straight in: making them through runs would take minutes.
  await ctx.sql`insert into storage_records (org_id, pipeline_id, data, bytes) select ${ORG}, ${id}, jsonb_build_object('n', g), 12 from generate_series(1, ${rows}) g`;
  await ctx.sql`update pipelines set storage_status = 'InUse' where id = ${id}`;
  const clear = await api.call("POST", "/v0/pipelines/deploy_big_storage/clear");
  if (clear.status !== 202) throw new Error(`clear: ${clear.status} ${clear.text.slice(0, 200)}`);
  const cut = await until("the clear to be part-way", async () => {
    const [c] = await ctx.sql<{ done_rows: string; lease_owner: string | null }[]>`select done_rows, lease_owner from storage_clears where pipeline_id = ${id}`;
    return c && Number(c.done_rows) > 0 && c.lease_owner ? c : null;
  }, 60_000, 5);
  const victim = holder(ctx, cut.lease_owner);
  const killedAt = Date.now();
  await victim.process.kill9();
  section.faults++;
  await until("the cut clear to finish on the other worker", async () => {
    const r = await api.call("GET", "/v0/pipelines/deploy_big_storage");
    return (r.json as { storage_status?: string } | null)?.storage_status === "Cleared";
  }, 120_000, 100);
  const tookMs = Date.now() - killedAt;
  const [after] = await ctx.sql<{ left: number; done_rows: string; total_rows: string }[]>`
    select (select count(*)::int from storage_records where pipeline_id = ${id}) as left, done_rows, total_rows from storage_clears where pipeline_id = ${id}`;
  if (after!.left !== 0 || Number(after!.done_rows) !== rows || Number(after!.total_rows) !== rows) {
    section.lost += after!.left;
    section.fail(`worker killed mid-clear: ${JSON.stringify(after)} (wanted 0 left, ${rows} done)`);
  }
  section.note(
    `kill -9 of ${victim.name} mid-clear (${Number(cut.done_rows).toLocaleString("en-US")}/${rows.toLocaleString("en-US")} rows): Cleared by the other worker ${(tookMs / 1000).toFixed(1)} s after the kill, ${after!.left} rows left, ${after!.done_rows}/${after!.total_rows} counted`,
  );
}

export async function workerKillCheck(section: Section, ctx: Ctx): Promise<void> {
  const api = new Client(ctx.dep.url, section);
  await midRun(section, ctx, api);
  // Two workers again, so the clear also has a survivor and a victim.
  await ctx.dep.addWorker();
  await midClear(section, ctx, api);
  await ctx.dep.addWorker();
}
