// Some rows of the bench on their own, on a fresh database seeded as `npm run bench` seeds it:
// faster than the whole bench when working on them.
//
//   BENCH_SCALE=tiny node --import tsx bench/one-row.ts l     (row l: the console under load)
//   BENCH_SCALE=full node --import tsx bench/one-row.ts ejl   (the clears' rows, in the bench's order)
//   BENCH_SCALE=full node --import tsx bench/one-row.ts f     (row f: pipelines due at once, alone)
//   BENCH_SCALE=tiny node --import tsx bench/one-row.ts a     (rows a, b and h: the list under load)
//
// PGlite unless DATABASE_URL is set (a Postgres server; a database of its own is made and dropped).
import { scaleFromEnv } from "./config";
import { createTarget, openBenchDb } from "./db";
import { clearFloor, clearRows } from "./rows/clear";
import { makeContext } from "./rows/context";
import { dueRows } from "./rows/due";
import { listFloor, listRows, type ListFloor } from "./rows/list";
import { streamsRows } from "./rows/streams";
import { underLoadRows } from "./rows/under-load";
import { seed } from "./seed";
import { startServer } from "./server";
import { printTable, type ResultRow } from "./table";

const USAGE = "usage: bench/one-row.ts f | any of a, e, j, l (say ejl)";

async function main() {
  const wanted = process.argv[2] ?? "";
  if (wanted !== "f" && !/^(?=.)a?e?j?l?$/.test(wanted)) throw new Error(USAGE);
  const scale = scaleFromEnv();
  const target = await createTarget(process.env.DATABASE_URL || undefined);
  try {
    // The server migrates the fresh database and seeds the org, its admin and token.
    const first = await startServer(target, "first");
    await first.stop();
    const rows: ResultRow[] = [];
    if (wanted === "f") rows.push(...(await dueRows(target, scale)));
    else {
      const b = await openBenchDb(target, scale.clients);
      let ctx;
      let floor = 0;
      let list: ListFloor | undefined;
      try {
        await seed(b, scale);
        ctx = await makeContext(b, scale);
        if (wanted.includes("a")) list = await listFloor(b, ctx);
        if (wanted.includes("e")) floor = await clearFloor(b, ctx);
      } finally {
        await b.close();
      }
      const server = await startServer(target, "bench");
      try {
        // In the whole bench's order: each waits for its own clear, so none overlaps the next.
        if (list) rows.push(...(await listRows(ctx, list, server)));
        if (wanted.includes("e")) rows.push(...(await clearRows(ctx, floor)));
        if (wanted.includes("j")) rows.push(...(await streamsRows(ctx, server)));
        if (wanted.includes("l")) rows.push(...(await underLoadRows(ctx)));
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
