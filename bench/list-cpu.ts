// CPU of one `listPipelines` call (page 1, 50 rows, the admin) in this process, on a fresh
// database seeded as `npm run bench` seeds it: the figure BENCHMARKS.md's seventh session gives
// for the list's own cost, apart from HTTP and Next.js. On PGlite the database runs in this
// process, so its work is counted too (17 ms a call on the tiny data, against 5 ms on Postgres).
//
//   [DATABASE_URL=postgres://…] BENCH_SCALE=tiny node --import tsx bench/list-cpu.ts [calls]
import { scaleFromEnv } from "./config";
import { createTarget, openBenchDb } from "./db";
import { makeContext } from "./rows/context";
import { seed } from "./seed";
import { startServer } from "./server";

async function main() {
  const calls = Number(process.argv[2] ?? 300);
  const scale = scaleFromEnv();
  const target = await createTarget(process.env.DATABASE_URL || undefined);
  try {
    const first = await startServer(target, "first");
    await first.stop();
    const b = await openBenchDb(target, scale.clients);
    let ctx;
    try {
      await seed(b, scale);
      ctx = await makeContext(b, scale);
    } finally {
      await b.close();
    }
    // The app's own client on the same database, as the server opens it.
    process.env.DATA_DIR = target.dataDir;
    if (target.url) process.env.DATABASE_URL = target.url;
    const { closeDb, getDb } = await import("@/db/client");
    const { listPipelines } = await import("@/lib/domain/pipelines");
    const db = await getDb();
    const list = () => listPipelines(db, ctx.principal, { page: 1, pageSize: 50 });
    for (let i = 0; i < 30; i++) await list();
    const started = process.cpuUsage();
    for (let i = 0; i < calls; i++) await list();
    const used = process.cpuUsage(started);
    console.log(`listPipelines, page 1 of 50, ${calls} calls: ${((used.user + used.system) / 1000 / calls).toFixed(2)} ms of CPU each`);
    await closeDb();
  } finally {
    await target.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
