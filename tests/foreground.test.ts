// The worker steps aside on the embedded database: its statements wait while a request is being
// served (PGlite runs one statement at a time in this thread), at most MAX_YIELD_MS; on Postgres
// they run side by side and nothing waits.
import { eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dbKind, getBackgroundDb, getDb } from "@/db/client";
import { storageClears } from "@/db/schema";
import { executePipeline } from "@/lib/domain/executions";
import { requestStorageClear } from "@/lib/domain/storage";
import { batchSizeNow, clearBatchesFor, clearNext } from "@/lib/worker/clearer";
import { executeNext } from "@/lib/worker/executor";
import { makeOrg, type TestOrg } from "./support/fixtures";
import { clearerOptions, executorOptions, pipelineWithJobs, sampleSource } from "./worker/support";
import { beginForeground, foregroundIdle, GRACE_MS, IN_USE_MS, inUse, servingNow } from "@/db/foreground";

/** How long `work` took to settle, in ms. */
async function timed(work: Promise<unknown>): Promise<number> {
  const started = performance.now();
  await work;
  return performance.now() - started;
}

describe("foregroundIdle", () => {
  it("answers at once when no request has been served lately", async () => {
    expect(servingNow()).toBe(0);
    expect(await timed(foregroundIdle())).toBeLessThan(20);
  });

  it("waits for the last request in progress to end, and ending twice counts once", async () => {
    const endA = beginForeground();
    const endB = beginForeground();
    let idle = false;
    const waiting = foregroundIdle(10_000).then(() => (idle = true));
    endA();
    endA();
    await new Promise((r) => setTimeout(r, 30));
    expect(idle).toBe(false);
    endB();
    await waiting;
    expect(servingNow()).toBe(0);
  });

  it("still waits a moment after the last request, for the next request of the same page load", async () => {
    beginForeground()();
    const ms = await timed(foregroundIdle(10_000));
    expect(ms).toBeGreaterThanOrEqual(GRACE_MS - 2);
    expect(ms).toBeLessThan(GRACE_MS + 100);
  });

  it("gives up waiting after its limit, so the worker moves under a steady stream of requests", async () => {
    const end = beginForeground();
    try {
      const ms = await timed(foregroundIdle(100));
      expect(ms).toBeGreaterThanOrEqual(95);
      expect(ms).toBeLessThan(1_000);
    } finally {
      end();
    }
  });
});

describe("the worker's database handle", () => {
  it(dbKind() === "pglite" ? "waits for the request in progress before a statement or a transaction" : "runs at once on Postgres, a request in progress or not", async () => {
    const background = await getBackgroundDb();
    const end = beginForeground();
    const endSoon = setTimeout(end, 150);
    try {
      const statement = await timed(background.execute(sql`select 1`));
      const end2 = beginForeground();
      setTimeout(end2, 150);
      const transaction = await timed(background.transaction((tx) => tx.execute(sql`select 1`)));
      if (dbKind() === "pglite") {
        expect(statement).toBeGreaterThanOrEqual(140);
        expect(transaction).toBeGreaterThanOrEqual(140);
      } else {
        expect(statement).toBeLessThan(140);
        expect(transaction).toBeLessThan(140);
      }
      // The requests' own handle never waits.
      const end3 = beginForeground();
      try {
        expect(await timed((await getDb()).execute(sql`select 1`))).toBeLessThan(140);
      } finally {
        end3();
      }
    } finally {
      clearTimeout(endSoon);
      end();
    }
  });
});

describe("the clearer", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeOrg();
  });

  it("deletes no further batch while a request is being served, and goes on once it ends", async () => {
    const db = await getDb();
    const source = await sampleSource(org.admin, { count: 3000, batch_size: 1000 });
    const pipeline = await pipelineWithJobs(org.admin, [{ name: "fill", sourceResourceId: source.id }]);
    await executePipeline(db, org.admin, pipeline.id);
    while (await executeNext(db, executorOptions(org.id))) {
      // run it
    }
    await requestStorageClear(db, org.admin, pipeline.name);
    const done = async () => (await db.select({ n: storageClears.doneRows }).from(storageClears).where(eq(storageClears.pipelineId, pipeline.id)))[0]?.n;

    const end = beginForeground();
    const clearing = clearNext(await getBackgroundDb(), { ...clearerOptions(org.id, 500) });
    await new Promise((r) => setTimeout(r, 150));
    expect(await done()).toBeLessThanOrEqual(500); // at most the batch begun before it looked
    end();
    expect(await clearing).toBe(true);
    expect(await done()).toBe(3000);
  });

  it("deletes at most 1,000 rows a batch while the console is in use (500 on the embedded database), in full batches a second after", async () => {
    const postgres = clearBatchesFor("postgres");
    const embedded = clearBatchesFor("pglite");
    // Unwatched, 5,000 on either database (WORKER_CLEAR_BATCH sets it).
    expect([postgres.batchSize, embedded.batchSize, clearBatchesFor("pglite", 800).batchSize]).toEqual([5000, 5000, 800]);
    const end = beginForeground();
    end();
    expect(inUse()).toBe(true);
    expect(batchSizeNow(postgres)).toBe(1000);
    expect(batchSizeNow(embedded)).toBe(500);
    expect(batchSizeNow({ batchSize: 800 })).toBe(800);
    const began = performance.now();
    while (inUse()) await new Promise((r) => setTimeout(r, 50));
    expect(performance.now() - began).toBeGreaterThanOrEqual(IN_USE_MS - 60);
    expect(batchSizeNow(postgres)).toBe(5000);
    expect(batchSizeNow(embedded)).toBe(5000);
  });
});
