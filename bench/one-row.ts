// One row of the bench on its own, on a fresh database seeded as `npm run bench` seeds it:
// faster than the whole bench when working on that row.
//
//   BENCH_SCALE=tiny node --import tsx bench/one-row.ts l    (row l: the console under load)
//   BENCH_SCALE=full node --import tsx bench/one-row.ts f    (row f: pipelines due at once)
//
// PGlite unless DATABASE_URL is set (a Postgres server; a database of its own is made and dropped).
import { scaleFromEnv } from "./config";
import { createTarget, openBenchDb } from "./db";
import { makeContext } from "./rows/context";
import { dueRows } from "./rows/due";
import { underLoadRows } from "./rows/under-load";
import { seed } from "./seed";
import { startServer } from "./server";
import { printTable, type ResultRow } from "./table";

async function main() {
  const row = process.argv[2];
  if (row !== "l" && row !== "f") throw new Error("usage: bench/one-row.ts l|f");
  const scale = scaleFromEnv();
  const target = await createTarget(process.env.DATABASE_URL || undefined);
  try {
    // The server migrates the fresh database and seeds the org, its admin and token.
    const first = await startServer(target, "first");
    await first.stop();
    let rows: ResultRow[];
    if (row === "f") rows = await dueRows(target, scale);
    else {
      const b = await openBenchDb(target, scale.clients);
      let ctx;
      try {
        await seed(b, scale);
        ctx = await makeContext(b, scale);
      } finally {
        await b.close();
      }
      const server = await startServer(target, "bench");
      try {
        rows = await underLoadRows(ctx);
      } finally {
        await server.stop();
      }
    }
    printTable(rows);
  } finally {
    await target.drop();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
