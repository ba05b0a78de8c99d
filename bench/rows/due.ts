// Row f: 10,000 pipelines due at the same instant T, fired by 3 worker processes (`npm run
// worker`, default poll interval). Measured from T until the last execution exists; then
// checked for duplicates in the database. On PGlite one process owns the data dir, so one
// worker runs there (the table says so).
import fs from "node:fs";
import path from "node:path";
import { ORG, type Scale } from "../config";
import { openBenchDb, type Target } from "../db";
import { spawnGroup } from "../process-group";
import { absolute, type ResultRow } from "../table";

const DUE_ORG = "bench_due";
/** Time for the workers to start before T. */
const LEAD_MS = { postgres: 12_000, pglite: 20_000 } as const;

interface WorkerProcess {
  stop: () => Promise<void>;
}

function startWorker(target: Target, n: number): Promise<WorkerProcess> {
  const log = path.join(target.dataDir, `worker-${n}.log`);
  const { exitCode, exited, signal } = spawnGroup(["run", "worker"], log, {
    ...process.env,
    DATA_DIR: target.dataDir,
    DATABASE_URL: target.url ?? "",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  return new Promise((resolve, reject) => {
    const deadline = Date.now() + 60_000;
    const poll = setInterval(() => {
      const text = fs.readFileSync(log, "utf8");
      if (/worker \S+ started/.test(text)) {
        clearInterval(poll);
        resolve({
          stop: async () => {
            signal("SIGTERM");
            // A worker on the embedded database closes it on SIGTERM, which at full scale (after
            // rows j and l deleted two million rows) takes more than 10 s: killed mid-close, the
            // data dir would not open again.
            const timer = setTimeout(() => signal("SIGKILL"), 120_000);
            await exited;
            clearTimeout(timer);
          },
        });
      } else if (exitCode() !== null || Date.now() > deadline) {
        clearInterval(poll);
        signal("SIGKILL");
        reject(new Error(`worker ${n} did not start; see ${log}:\n${text}`));
      }
    }, 100);
  });
}

export async function dueRows(target: Target, scale: Scale): Promise<ResultRow[]> {
  try {
    return await measureDue(target, scale);
  } catch (error) {
    // The workers' logs go with the data dir when the bench ends: their last words go with the error.
    const logs = fs
      .readdirSync(target.dataDir)
      .filter((name) => /^worker-\d+\.log$/.test(name))
      .map((name) => `--- ${name}, last lines ---\n${fs.readFileSync(path.join(target.dataDir, name), "utf8").split("\n").slice(-40).join("\n")}`);
    if (!logs.length || !(error instanceof Error)) throw error;
    throw new Error(`${error.message}\n${logs.join("\n")}`, { cause: error });
  }
}

async function measureDue(target: Target, scale: Scale): Promise<ResultRow[]> {
  const count = scale.duePipelines;
  const workers = target.kind === "postgres" ? 3 : 1;
  const at = new Date(Date.now() + LEAD_MS[target.kind]);

  let b = await openBenchDb(target, 2);
  try {
    await b.query(`insert into orgs (id, name) values ($1, 'Bench due org')`, [DUE_ORG]);
    await b.query(`insert into memberships (org_id, user_id, role) select $1, user_id, 'admin' from memberships where org_id = $2 and role = 'admin'`, [DUE_ORG, ORG]);
    await b.query(
      `insert into pipelines (org_id, name, owner_id, cron_string, active)
       select $1, 'due_' || g, (select user_id from memberships where org_id = $1 limit 1), '* * * * *', true
       from generate_series(1, $2::int) g`,
      [DUE_ORG, count],
    );
    await b.query(
      `insert into schedules (pipeline_id, org_id, cron, timezone, active, next_fire_at)
       select id, org_id, '* * * * *', 'UTC', true, $2::timestamptz from pipelines where org_id = $1`,
      [DUE_ORG, at.toISOString()],
    );
  } finally {
    await b.close();
  }

  const started = await Promise.all(Array.from({ length: workers }, (_, i) => startWorker(target, i + 1)));
  let seconds: number;
  try {
    if (Date.now() > at.getTime()) throw new Error("the workers started after the fire time: raise LEAD_MS");
    if (target.kind === "postgres") {
      // Watch from outside, as a client would: T → the last execution committed.
      b = await openBenchDb(target, 1);
      try {
        for (;;) {
          // Only T's runs: the schedules' next tick (the next minute) may fire while we wait.
          const [row] = await b.query<{ n: number }>(`select count(*)::int as n from executions where org_id = $1 and scheduled_for = $2::timestamptz`, [
            DUE_ORG,
            at.toISOString(),
          ]);
          if (Number(row?.n) >= count) break;
          if (Date.now() > at.getTime() + 120_000) throw new Error(`only ${row?.n} of ${count} executions after 120 s`);
          await new Promise((r) => setTimeout(r, 100));
        }
        seconds = (Date.now() - at.getTime()) / 1000;
      } finally {
        await b.close();
      }
    } else {
      await new Promise((r) => setTimeout(r, at.getTime() + 40_000 - Date.now()));
      seconds = Number.NaN;
    }
  } finally {
    await Promise.all(started.map((w) => w.stop()));
  }

  b = await openBenchDb(target, 1);
  try {
    const [check] = await b.query<{ runs: number; distinct_runs: number; at_t: number; run_count: number; last_ms: number | null }>(
      `select count(*)::int as runs,
              count(distinct (pipeline_id, scheduled_for))::int as distinct_runs,
              count(*) filter (where scheduled_for = $2::timestamptz)::int as at_t,
              (select coalesce(sum(run_count), 0)::int from pipelines where org_id = $1) as run_count,
              extract(epoch from max(created_at) filter (where scheduled_for = $2::timestamptz) - $2::timestamptz) * 1000 as last_ms
       from executions where org_id = $1`,
      [DUE_ORG, at.toISOString()],
    );
    if (!check) throw new Error("no answer");
    // PGlite: the scheduler's transactions stamp created_at when they start.
    if (Number.isNaN(seconds)) seconds = Number(check.last_ms) / 1000;
    const twice = Number(check.runs) - Number(check.distinct_runs) + (Number(check.run_count) - Number(check.runs));
    const complete = Number(check.at_t) === count;
    const label = `${count.toLocaleString("en-US")} pipelines due at once, ${workers} worker${workers > 1 ? "s" : ""}`;
    return [
      absolute("f", `${label}: T → last execution`, seconds, "s", { text: "≤ 10 s", max: 10 }, complete ? undefined : `only ${check.at_t} of ${count} fired`),
      absolute("f", `${label}: executions created twice`, twice, "", { text: "none", max: 0 }, `${check.runs} executions, ${check.distinct_runs} distinct (pipeline, T), run_count sum ${check.run_count}`),
    ];
  } finally {
    await b.close();
  }
}
