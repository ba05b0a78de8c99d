// The storage clearer: takes a Clearing pipeline (a lease on its storage_clears row), deletes its
// storage rows in batches, recording progress in the same transaction as each batch, and marks
// it Cleared when none are left. A clearer that dies leaves a lease that lapses; the next one
// carries on from the persisted progress.
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import type { Db, DbKind } from "@/db/client";
import { foregroundIdle, inUse } from "@/db/foreground";
import { rowsOf } from "@/db/rows";
import { pipelines, storageClears } from "@/db/schema";
import { notifyInTx } from "@/lib/domain/events";
import { assertStorageTransition } from "@/lib/domain/storage";
import { removeStorageFiles } from "@/lib/domain/storage-files";

export interface ClearerOptions {
  workerId: string;
  leaseMs: number;
  /** Rows a batch deletes while nobody is using the console. */
  batchSize: number;
  /** At most this many while someone is (db/foreground.ts); IN_USE_BATCH unless set. */
  inUseBatchSize?: number;
  /** Serve only this org's clears. */
  orgId?: string;
}

export const DEFAULT_CLEARER = { leaseMs: 15_000, batchSize: 5_000 };

/**
 * While the console is in use (db/foreground.ts), a batch is at most this many rows: a request
 * that comes while a batch runs waits for it. On Postgres a pause waited for the 5,000-row batch
 * in progress (issue 16, row l, full scale: p95 51 ms against 21 ms idle; with 1,000-row batches
 * 34 against 25). Unwatched, a clear goes at full size.
 */
export const IN_USE_BATCH = 1_000;

/**
 * On the embedded database one connection serves the pages and the worker, in this thread, so a
 * page's statement waits for the whole batch: 5,000 deletes at a time made /pipelines take 2.4 s
 * during a clear (row l, tiny scale), 500 at a time 0.5 s. So 500 while the console is in use; a
 * fifth of that made a million-row clear under a console's steady reads take more than ten
 * minutes (row j). Unwatched it goes at 5,000 as on Postgres: 500-row batches cleared 14,000
 * rows a second where the database deletes 88,000 (row e, full scale).
 */
export const IN_USE_BATCH_PGLITE = 500;

/** The clearer's batch sizes on this kind of database; `batchSize` (WORKER_CLEAR_BATCH) sets the unwatched one. */
export const clearBatchesFor = (kind: DbKind, batchSize: number = DEFAULT_CLEARER.batchSize) => ({
  batchSize,
  inUseBatchSize: kind === "pglite" ? IN_USE_BATCH_PGLITE : IN_USE_BATCH,
});

/** The batch size for the next batch: smaller while requests are being served. */
export const batchSizeNow = (options: Pick<ClearerOptions, "batchSize" | "inUseBatchSize">) =>
  inUse() ? Math.min(options.batchSize, options.inUseBatchSize ?? IN_USE_BATCH) : options.batchSize;

/**
 * A progress bar needs no more than a few steps a second, and every event goes to every open
 * console: a batch's progress is announced only if this long has passed since the clear's last
 * announcement (the database holds every batch's progress for any read). The end always is.
 * Per batch, a 1,000,000-row clear on the embedded database sent 2,000 events to each console.
 */
export const PROGRESS_EVENT_EVERY_MS = 200;

async function claimClear(db: Db, options: ClearerOptions) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .select()
      .from(storageClears)
      .where(
        and(
          isNull(storageClears.finishedAt),
          or(isNull(storageClears.leaseExpiresAt), lt(storageClears.leaseExpiresAt, sql`now()`)),
          options.orgId ? eq(storageClears.orgId, options.orgId) : undefined,
        ),
      )
      .limit(1)
      .for("update", { skipLocked: true });
    if (!row) return null;
    await tx
      .update(storageClears)
      .set({ leaseOwner: options.workerId, leaseExpiresAt: sql`now() + ${`${options.leaseMs} milliseconds`}::interval` })
      .where(eq(storageClears.pipelineId, row.pipelineId));
    return row;
  });
}

/**
 * Deletes one batch; returns false when the clear is finished or no longer ours. Its progress is
 * announced when `announce` is true (the end always is).
 */
async function clearBatch(db: Db, pipelineId: string, options: ClearerOptions, announce: boolean): Promise<boolean> {
  const size = batchSizeNow(options);
  const result = await db.transaction(async (tx) => {
    const [mine] = await tx
      .update(storageClears)
      .set({ leaseExpiresAt: sql`now() + ${`${options.leaseMs} milliseconds`}::interval` })
      .where(and(eq(storageClears.pipelineId, pipelineId), eq(storageClears.leaseOwner, options.workerId), isNull(storageClears.finishedAt)))
      .returning();
    if (!mine) return "lost" as const;
    const [deleted] = rowsOf<{ rows: string | number; bytes: string | number }>(
      await tx.execute(sql`
        with gone as (
          delete from storage_records where id in (
            select id from storage_records where pipeline_id = ${pipelineId} order by id limit ${size}
          ) returning bytes
        )
        select count(*) as rows, coalesce(sum(bytes), 0) as bytes from gone`),
    );
    const rows = Number(deleted?.rows ?? 0);
    const bytes = Number(deleted?.bytes ?? 0);
    if (rows === 0) {
      const [pipeline] = await tx.select().from(pipelines).where(eq(pipelines.id, pipelineId)).for("update");
      if (pipeline) {
        assertStorageTransition(pipeline.storageStatus, "Cleared");
        await tx.update(pipelines).set({ storageStatus: "Cleared" }).where(eq(pipelines.id, pipelineId));
      }
      // Progress shows the whole total as done, even if rows were fewer than counted.
      const [done] = await tx
        .update(storageClears)
        .set({ finishedAt: new Date(), leaseOwner: null, leaseExpiresAt: null, doneRows: sql`greatest(${storageClears.doneRows}, ${storageClears.totalRows})`, doneBytes: sql`greatest(${storageClears.doneBytes}, ${storageClears.totalBytes})` })
        .where(eq(storageClears.pipelineId, pipelineId))
        .returning();
      if (done) {
        await notifyInTx(tx, {
          kind: "storage",
          org_id: done.orgId,
          pipeline_id: pipelineId,
          storage_status: "Cleared",
          started_at: done.startedAt.toISOString(),
          done_rows: done.doneRows,
          total_rows: done.totalRows,
          done_bytes: done.doneBytes,
          total_bytes: done.totalBytes,
        });
      }
      return "finished" as const;
    }
    const [progress] = await tx
      .update(storageClears)
      .set({ doneRows: sql`${storageClears.doneRows} + ${rows}`, doneBytes: sql`${storageClears.doneBytes} + ${bytes}` })
      .where(eq(storageClears.pipelineId, pipelineId))
      .returning();
    if (progress && announce) {
      await notifyInTx(tx, {
        kind: "storage",
        org_id: progress.orgId,
        pipeline_id: pipelineId,
        storage_status: "Clearing",
        started_at: progress.startedAt.toISOString(),
        done_rows: progress.doneRows,
        total_rows: progress.totalRows,
        done_bytes: progress.doneBytes,
        total_bytes: progress.totalBytes,
      });
    }
    return "more" as const;
  });
  if (result === "finished") await removeStorageFiles(pipelineId);
  return result === "more";
}

/** Claims one clear and runs it to the end; false when none was waiting. */
export async function clearNext(db: Db, options: ClearerOptions): Promise<boolean> {
  const clear = await claimClear(db, options);
  if (!clear) return false;
  // One transaction per batch, so progress is durable as it goes; between batches the event
  // loop gets a turn, and the requests being served go first (db/foreground.ts).
  let announcedAt = -Infinity;
  for (;;) {
    const announce = performance.now() - announcedAt >= PROGRESS_EVENT_EVERY_MS;
    if (!(await clearBatch(db, clear.pipelineId, options, announce))) break;
    if (announce) announcedAt = performance.now();
    await new Promise((resolve) => setImmediate(resolve));
    await foregroundIdle();
  }
  return true;
}
