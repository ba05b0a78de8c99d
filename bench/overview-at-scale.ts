// The Overview's statement at full scale, timed directly (no server): a fresh Postgres database
// seeded as `npm run bench` seeds it at BENCH_SCALE (full by default: 100,000 pipelines, 1,000,000
// runs), plus what the Overview counts: schedules on 30 % of the pipelines, 5 % paused, 10 %
// failing. Prints the median and spread of orgHealth for the admin and for bench_owner_1, a member
// who sees 40 % of the pipelines, and the EXPLAIN ANALYZE of each statement's parts.
//
//   DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres node --import tsx bench/overview-at-scale.ts
//
// Seeding takes about a minute; BENCH_OVERVIEW_DB=<the printed database URL> measures an existing
// one again (say, after changing the statement; it is migrated first). The database is kept for
// that; drop it by hand when done.
import { orgHealth } from "@/lib/domain/org-health";
import type { Principal } from "@/lib/domain/principal";
import { ORG, scaleFromEnv } from "./config";
import { createTarget, openBenchDb, type BenchDb, type Target } from "./db";
import { seed } from "./seed";
import { startServer } from "./server";

const SAMPLES = 15;

async function seeded(): Promise<Target> {
  const reuse = process.env.BENCH_OVERVIEW_DB;
  if (reuse) return { kind: "postgres", url: reuse, dataDir: "", drop: async () => {} };
  if (!process.env.DATABASE_URL) throw new Error("Set DATABASE_URL to a Postgres server (this measures Postgres only).");
  process.env.BENCH_SCALE ??= "full";
  const target = await createTarget(process.env.DATABASE_URL);
  // The server migrates the fresh database and seeds the org, its admin and token.
  const server = await startServer(target, "first");
  await server.stop();
  const b = await openBenchDb(target, 4);
  try {
    await seed(b, scaleFromEnv());
    const bench = `org_id = $1 and name like 'bench\\_%'`;
    await b.query(`update pipelines set active = false, paused_at = now() - random() * interval '3 days', pause_reason = 'bench' where ${bench} and right(name, 2) in ('05', '25', '45', '65', '85')`, [ORG]);
    await b.query(`update pipelines set last_run_status = 'FAILURE' where ${bench} and right(name, 1) = '3'`, [ORG]);
    await b.query(
      `insert into schedules (org_id, pipeline_id, cron, timezone, active, next_fire_at)
       select org_id, id, '*/30 * * * *', 'UTC', true, now() + random() * interval '1 hour' from pipelines where ${bench} and right(name, 1) in ('1', '4', '8')`,
      [ORG],
    );
    await b.query("vacuum analyze");
  } finally {
    await b.close();
  }
  return target;
}

async function migrated(url: string): Promise<void> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(client), { migrationsFolder: "db/migrations" });
  } finally {
    await client.end();
  }
}

async function principals(b: BenchDb): Promise<[string, Principal][]> {
  const [admin] = await b.query<{ id: string; email: string }>(
    `select u.id, u.email from memberships m join users u on u.id = m.user_id where m.org_id = $1 and m.role = 'admin' limit 1`,
    [ORG],
  );
  const [member] = await b.query<{ id: string; email: string }>(`select id, email from users where email = 'bench_owner_1@example.com'`);
  if (!admin || !member) throw new Error("the database holds no bench seed");
  return [
    ["admin", { userId: admin.id, email: admin.email, orgId: ORG, role: "admin", via: "token" }],
    ["member (sees 40 %)", { userId: member.id, email: member.email, orgId: ORG, role: "member", via: "token" }],
  ];
}

async function main() {
  const target = await seeded();
  if (!target.url) throw new Error("no database");
  await migrated(target.url);
  console.log(`database: ${target.url}  (BENCH_OVERVIEW_DB=${target.url} to measure it again)`);
  const b = await openBenchDb(target, 2);
  try {
    for (const [label, who] of await principals(b)) {
      const times: number[] = [];
      let health = await orgHealth(b.db, who); // warm-up
      for (let i = 0; i < SAMPLES; i++) {
        const started = performance.now();
        health = await orgHealth(b.db, who);
        times.push(performance.now() - started);
      }
      times.sort((x, y) => x - y);
      const ms = (n: number) => `${n.toFixed(1)} ms`;
      console.log(
        `\n${label}: median ${ms(times[Math.floor(SAMPLES / 2)]!)}, min ${ms(times[0]!)}, max ${ms(times.at(-1)!)} over ${SAMPLES} reads; ` +
          `${health.pipelines.toLocaleString("en-US")} pipelines, ${health.runs24h.total.toLocaleString("en-US")} runs in 24 h, ` +
          `${health.failing.count.toLocaleString("en-US")} failing, ${health.paused.count.toLocaleString("en-US")} paused`,
      );
      const [statement] = await b.capture((db) => orgHealth(db, who));
      if (!statement) continue;
      const plan = await b.query<{ "QUERY PLAN": string }>(`explain (analyze, buffers) ${statement.text}`, statement.params);
      const lines = plan.map((r) => r["QUERY PLAN"]);
      // The statement's parts: each top-level node under the result, with its own time.
      for (const line of lines.filter((l) => /^ {4}->|Execution Time/.test(l))) console.log(`  ${line.trim().replace(/\(cost=[^)]*\) /, "")}`);
    }
  } finally {
    await b.close();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
