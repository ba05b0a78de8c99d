// Several worker processes against one Postgres, and workers killed with SIGKILL: every fire
// time runs exactly once, and a run or a clear cut short finishes after a restart.
import { and, count, countDistinct, eq, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { executions, pipelines, schedules, storageClears, storageRecords } from "@/db/schema";
import { executePipeline } from "@/lib/domain/executions";
import { createPipeline } from "@/lib/domain/pipelines";
import type { Principal } from "@/lib/domain/principal";
import { createResourceInTx } from "@/lib/domain/resources";
import { requestStorageClear } from "@/lib/domain/storage";
import { orgIn, realPostgres, startWorkerProcess, until, type RealPostgres } from "./support";

let pg: RealPostgres | null;
beforeAll(async () => {
  pg = await realPostgres();
  if (!pg) console.warn("No Postgres on this machine: the concurrency tests need one and are skipped.");
}, 60_000);
afterAll(async () => {
  await pg?.close();
});

const HOUR = 3_600_000;

describe("worker processes on one Postgres", () => {
  it("three workers, many pipelines, repeated due ticks: every fire time runs exactly once", async (ctx) => {
    if (!pg) return ctx.skip();
    const { db, url } = pg;
    const admin: Principal = await orgIn(db, "sched");
    const PIPELINES = 120;
    const ROUNDS = 4;
    // A daily cron twelve hours from now: the real clock never reaches one of its ticks during the
    // test, so the only fire times are the past ones the rounds below make due. (An hourly cron
    // added a real run whenever the test crossed the top of an hour.)
    const cronString = `0 ${(new Date().getUTCHours() + 12) % 24} * * *`;
    const ids: string[] = [];
    for (let i = 0; i < PIPELINES; i++) {
      ids.push((await createPipeline(db, admin, { name: `tick_${i}`, cronString })).pipeline.id);
    }
    const workers = await Promise.all([1, 2, 3].map(() => startWorkerProcess(url)));
    try {
      const base = Math.floor(Date.now() / HOUR) * HOUR - 10 * HOUR;
      for (let round = 0; round < ROUNDS; round++) {
        // Make every schedule due at a past tick of its own round; the workers race for them.
        await db.update(schedules).set({ nextFireAt: new Date(base + round * HOUR) }).where(inArray(schedules.pipelineId, ids));
        await until("every schedule to fire", async () => {
          const [left] = await db
            .select({ n: count() })
            .from(schedules)
            .where(and(inArray(schedules.pipelineId, ids), sql`${schedules.nextFireAt} <= now()`));
          return left!.n === 0;
        });
      }
      await until("every run to finish", async () => {
        const [open] = await db
          .select({ n: count() })
          .from(executions)
          .where(and(inArray(executions.pipelineId, ids), inArray(executions.status, ["PENDING", "EXECUTING"])));
        return open!.n === 0;
      });
      const [runs] = await db
        .select({ n: count(), ticks: countDistinct(sql`(${executions.pipelineId}, ${executions.scheduledFor})`) })
        .from(executions)
        .where(and(inArray(executions.pipelineId, ids), eq(executions.method, "SCHEDULED"), eq(executions.status, "COMPLETED")));
      expect(runs).toEqual({ n: PIPELINES * ROUNDS, ticks: PIPELINES * ROUNDS });
      const counters = await db.selectDistinct({ runs: pipelines.runCount }).from(pipelines).where(inArray(pipelines.id, ids));
      expect(counters).toEqual([{ runs: ROUNDS }]);
    } finally {
      await Promise.all(workers.map((w) => w.kill()));
    }
  }, 120_000);

  it("kill -9 of a worker mid-run: another worker takes the run after its lease and finishes it", async (ctx) => {
    if (!pg) return ctx.skip();
    const { db, url } = pg;
    const admin = await orgIn(db, "run");
    const source = await db.transaction((tx) =>
      createResourceInTx(tx, admin, { name: "slow", kind: "source", connector: "sample", config: { count: 3000, batch_size: 100, delay_ms: 1 } }),
    );
    const { pipeline } = await createPipeline(db, admin, { name: "slow_run", jobs: [{ name: "j", sourceResourceId: source.resource.id }] });
    const first = await startWorkerProcess(url);
    const { execution } = await executePipeline(db, admin, pipeline.id);
    await until("the run to be part-way", async () => {
      const [row] = await db.select().from(executions).where(eq(executions.id, execution.id));
      return row!.status === "EXECUTING" && row!.successfulFiles > 0;
    });
    await first.kill("SIGKILL");
    const [cut] = await db.select().from(executions).where(eq(executions.id, execution.id));
    expect(cut).toMatchObject({ status: "EXECUTING", attempts: 1 });
    expect(cut!.successfulFiles).toBeLessThan(3000);

    const second = await startWorkerProcess(url);
    try {
      const done = await until("the run to complete", async () => {
        const [row] = await db.select().from(executions).where(eq(executions.id, execution.id));
        return row!.status === "COMPLETED" ? row : null;
      });
      expect(done).toMatchObject({ attempts: 2, successfulFiles: 3000, totalFiles: 3000 });
      const [stored] = await db.select({ n: count() }).from(storageRecords).where(eq(storageRecords.executionId, execution.id));
      expect(stored!.n).toBe(3000); // the dead attempt's rows were not kept twice
      const [after] = await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id));
      expect(after!.lastRunStatus).toBe("SUCCESS");
    } finally {
      await second.kill();
    }
  }, 120_000);

  it("kill -9 of a worker mid-clear: the clear resumes from its progress and finishes", async (ctx) => {
    if (!pg) return ctx.skip();
    const { db, url } = pg;
    const admin = await orgIn(db, "clear");
    const { pipeline } = await createPipeline(db, admin, { name: "big_storage" });
    const ROWS = 200_000;
    await db.execute(sql`
      insert into storage_records (org_id, pipeline_id, data, bytes)
      select ${admin.orgId}, ${pipeline.id}, jsonb_build_object('n', g), 12 from generate_series(1, ${ROWS}) g`);
    await db.update(pipelines).set({ storageStatus: "InUse" }).where(eq(pipelines.id, pipeline.id));
    await requestStorageClear(db, admin, pipeline.name);

    const first = await startWorkerProcess(url, { WORKER_CLEAR_BATCH: "500" });
    await until("the clear to be part-way", async () => {
      const [row] = await db.select().from(storageClears).where(eq(storageClears.pipelineId, pipeline.id));
      return row!.doneRows > 0;
    }, 60_000, 10);
    await first.kill("SIGKILL");
    const [cut] = await db.select().from(storageClears).where(eq(storageClears.pipelineId, pipeline.id));
    expect(cut!.doneRows).toBeLessThan(ROWS);
    expect(cut!.finishedAt).toBeNull();
    const [left] = await db.select({ n: count() }).from(storageRecords).where(eq(storageRecords.pipelineId, pipeline.id));
    expect(left!.n).toBe(ROWS - cut!.doneRows); // progress is exactly what was deleted

    const second = await startWorkerProcess(url);
    try {
      await until("the storage to be Cleared", async () => {
        const [row] = await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id));
        return row!.storageStatus === "Cleared";
      });
      const [done] = await db.select().from(storageClears).where(eq(storageClears.pipelineId, pipeline.id));
      expect(done).toMatchObject({ doneRows: ROWS, totalRows: ROWS, doneBytes: ROWS * 12 });
      const [none] = await db.select({ n: count() }).from(storageRecords).where(eq(storageRecords.pipelineId, pipeline.id));
      expect(none!.n).toBe(0);
    } finally {
      await second.kill();
    }
  }, 120_000);
});
