// A pipeline's storage (§3): Cleared → InUse (first run) → Clearing → Cleared, cleared
// asynchronously by the worker, which keeps the progress in storage_clears as it goes.
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { executions, pipelines, storageClears, storageRecords, type Pipeline } from "@/db/schema";
import { RUNNING_EXECUTION_STATUSES, type StorageStatus } from "@/lib/vocabulary";
import { auditInTx, type AuditActor } from "./audit";
import { DomainError } from "./errors";
import { notifyInTx } from "./events";
import { assertCanChange, loadVisiblePipeline, visibleTo } from "./pipeline-access";
import type { Principal } from "./principal";

export type { StorageStatus };

const allowed: Record<StorageStatus, StorageStatus[]> = {
  Cleared: ["InUse"],
  InUse: ["InUse", "Clearing"],
  Clearing: ["Clearing", "Cleared"],
};

export function assertStorageTransition(from: StorageStatus, to: StorageStatus): void {
  if (!allowed[from].includes(to)) {
    throw new DomainError(
      "conflict",
      `Storage status cannot change from ${from} to ${to}.`,
      null,
      "InvalidStorageStatusTransition",
    );
  }
}

export const unknownPipelineName = (name: string) =>
  new DomainError("not_found", `Unknown pipeline name '${name}'`, "pipeline_name", "UnknownPipelineName");

/** A pipeline by name, among those the actor may see; otherwise UnknownPipelineName (404). */
export async function pipelineByName(db: Queryable, actor: Principal, name: string, lock = false): Promise<Pipeline> {
  const query = db.select({ id: pipelines.id }).from(pipelines).where(and(eq(pipelines.name, name), visibleTo(actor)));
  const [found] = await query;
  if (!found) throw unknownPipelineName(name);
  return (await loadVisiblePipeline(db, actor, found.id, lock)).pipeline;
}

export async function runningExecutions(db: Queryable, pipelineId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(executions)
    .where(and(eq(executions.pipelineId, pipelineId), inArray(executions.status, [...RUNNING_EXECUTION_STATUSES])));
  return row?.n ?? 0;
}

export interface ClearRequest {
  pipeline: Pipeline;
  /** False when the storage was already Cleared or Clearing: the request changed nothing. */
  started: boolean;
}

/**
 * Starts clearing a pipeline's storage. Idempotent when already Clearing or Cleared; refused
 * while any run of the pipeline is pending or executing. Owner or org admin.
 */
export async function requestStorageClear(db: Db, actor: Principal, name: string, reason?: string | null): Promise<ClearRequest> {
  return db.transaction(async (tx) => {
    // The row lock orders this against a concurrent execute: one of them sees the other.
    const pipeline = await pipelineByName(tx, actor, name, true);
    assertCanChange(actor, { pipeline, isOwner: pipeline.ownerId === actor.userId, isShared: false });
    return startClearInTx(tx, actor, pipeline, reason);
  });
}

/**
 * Starts the clear of a pipeline the caller has loaded with a row lock and may change: counts
 * what is stored, records the clear and announces it; the worker's clearer does the rest.
 */
export async function startClearInTx(tx: Queryable, actor: AuditActor, pipeline: Pipeline, reason?: string | null): Promise<ClearRequest> {
  if (pipeline.storageStatus !== "InUse") return { pipeline, started: false };
  const running = await runningExecutions(tx, pipeline.id);
  if (running > 0) {
    throw new DomainError(
      "conflict",
      `Storage can only be cleared when nothing of the pipeline is running; ${running} execution(s) are pending or executing.`,
      null,
      "StorageStatusImmutableUnlessStopped",
    );
  }
  assertStorageTransition(pipeline.storageStatus, "Clearing");
  const [totals] = await tx
    .select({ rows: count(), bytes: sql<string>`coalesce(sum(${storageRecords.bytes}), 0)` })
    .from(storageRecords)
    .where(eq(storageRecords.pipelineId, pipeline.id));
  const progress = {
    totalRows: totals?.rows ?? 0,
    totalBytes: Number(totals?.bytes ?? 0),
    doneRows: 0,
    doneBytes: 0,
    leaseOwner: null,
    leaseExpiresAt: null,
    startedAt: new Date(),
    finishedAt: null,
  };
  await tx
    .insert(storageClears)
    .values({ pipelineId: pipeline.id, orgId: pipeline.orgId, ...progress })
    .onConflictDoUpdate({ target: storageClears.pipelineId, set: progress });
  const [updated] = await tx
    .update(pipelines)
    .set({ storageStatus: "Clearing" })
    .where(and(eq(pipelines.id, pipeline.id), eq(pipelines.orgId, pipeline.orgId)))
    .returning();
  await auditInTx(tx, actor, {
    action: "storage.clear",
    objectType: "pipeline",
    objectId: pipeline.id,
    objectName: pipeline.name,
    reason,
    details: { rows: progress.totalRows, bytes: progress.totalBytes },
  });
  await notifyInTx(tx, {
    kind: "storage",
    org_id: pipeline.orgId,
    pipeline_id: pipeline.id,
    storage_status: "Clearing",
    started_at: progress.startedAt.toISOString(),
    done_rows: 0,
    total_rows: progress.totalRows,
    done_bytes: 0,
    total_bytes: progress.totalBytes,
  });
  return { pipeline: updated ?? pipeline, started: true };
}

export interface StorageProgress {
  doneRows: number;
  totalRows: number;
  doneBytes: number;
  totalBytes: number;
  startedAt: Date;
  finishedAt: Date | null;
}

/** The last (or current) clear's progress of a pipeline, if it was ever cleared. */
export async function storageProgress(db: Queryable, pipeline: Pick<Pipeline, "id" | "orgId">): Promise<StorageProgress | null> {
  const [row] = await db
    .select()
    .from(storageClears)
    .where(and(eq(storageClears.pipelineId, pipeline.id), eq(storageClears.orgId, pipeline.orgId)));
  return row ?? null;
}
