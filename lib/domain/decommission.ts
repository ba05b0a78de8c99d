// A decommission: the server-side delete of a pipeline, done by the worker step by step (pause,
// stop its runs, clear its storage, delete it in one transaction), durable in the database so
// that closing the browser, or a worker dying, changes nothing but who carries on. Starting one
// takes the pipeline's exact name (or, for several, the phrase "delete N pipelines").
import { randomUUID } from "node:crypto";
import { and, count, desc, eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import {
  decommissions,
  storageClears,
  storageRecords,
  type Decommission,
  type DecommissionState,
  type DecommissionStep,
  type Pipeline,
} from "@/db/schema";
import { DECOMMISSION_STEPS, LIVE_DECOMMISSION_STATES } from "@/lib/vocabulary";
import { auditInTx, type AuditActor } from "./audit";
import { DomainError, invalid, notFound, type DomainErrorCode } from "./errors";
import { notifyInTx } from "./events";
import { assertCanChange, loadVisiblePipeline } from "./pipeline-access";
import { pipelineConfigInTx } from "./pipeline-config";
import type { Principal } from "./principal";
import { isUniqueViolation } from "./sql-errors";

export type { Decommission, DecommissionState, DecommissionStep };

export interface DecommissionPlan extends Decommission {
  progress: { doneRows: number; totalRows: number };
}

export const isLive = (state: DecommissionState): boolean => LIVE_DECOMMISSION_STATES.includes(state);

/** The phrase that confirms deleting `n` pipelines at once. */
export const confirmationPhrase = (n: number): string => `delete ${n} ${n === 1 ? "pipeline" : "pipelines"}`;

// ---------------------------------------------------------------- steps, as pure data

function freshSteps(): DecommissionStep[] {
  return DECOMMISSION_STEPS.map((step) => ({ step, status: "pending", started_at: null, finished_at: null, detail: null }));
}

/** The steps with `step` marked (timestamps set as it starts and ends); the others as they were. */
export function markStep(steps: DecommissionStep[], step: DecommissionStep["step"], status: DecommissionStep["status"], detail: string | null, now = new Date()): DecommissionStep[] {
  const at = now.toISOString();
  return steps.map((s) => {
    if (s.step !== step) return s;
    const ended = status === "done" || status === "skipped" || status === "cancelled";
    return { ...s, status, detail, started_at: s.started_at ?? (status === "pending" ? null : at), finished_at: ended ? at : null };
  });
}

/** A cancelled plan's steps: the one under way cancelled, the ones ahead skipped. */
export function cancelledSteps(steps: DecommissionStep[], now = new Date()): DecommissionStep[] {
  return steps.reduce<DecommissionStep[]>((all, s) => {
    if (s.status === "running") return markStep(all, s.step, "cancelled", s.detail, now);
    if (s.status === "pending") return markStep(all, s.step, "skipped", "Cancelled before this step.", now);
    return all;
  }, steps);
}

// ---------------------------------------------------------------- reading

/** The plan with its progress: the clear's own counts while clearing, all done after. */
export async function withProgress(db: Queryable, plan: Decommission): Promise<DecommissionPlan> {
  const total = plan.totalRows;
  if (plan.state === "deleting" || plan.state === "done") return { ...plan, progress: { doneRows: total, totalRows: total } };
  if (plan.state !== "clearing" && plan.state !== "cancelled" && plan.state !== "failed") return { ...plan, progress: { doneRows: 0, totalRows: total } };
  const [clear] = await db
    .select({ doneRows: storageClears.doneRows, totalRows: storageClears.totalRows })
    .from(storageClears)
    .where(and(eq(storageClears.pipelineId, plan.pipelineId), eq(storageClears.orgId, plan.orgId)));
  // Only a clear this plan started or waited for counts (an older one would read as done).
  const waited = plan.steps.some((s) => s.step === "clearing" && s.detail !== null);
  const current = clear && waited ? clear : null;
  return { ...plan, progress: current ? { doneRows: current.doneRows, totalRows: current.totalRows } : { doneRows: 0, totalRows: total } };
}

async function latestOf(db: Queryable, orgId: string, pipelineId: string): Promise<Decommission | null> {
  const [plan] = await db
    .select()
    .from(decommissions)
    .where(and(eq(decommissions.orgId, orgId), eq(decommissions.pipelineId, pipelineId)))
    .orderBy(desc(decommissions.startedAt))
    .limit(1);
  return plan ?? null;
}

/**
 * The pipeline's latest decommission, under way or ended. While the pipeline exists, whoever may
 * see it may read it; once it is deleted, admins, its former owner and whoever started it.
 */
export async function getDecommission(db: Db, actor: Principal, pipelineId: string): Promise<DecommissionPlan> {
  const { plan } = await readablePlan(db, actor, pipelineId);
  return withProgress(db, plan);
}

/** The latest plan, and the pipeline when it still exists; not_found unless the actor may read it. */
async function readablePlan(db: Queryable, actor: Principal, pipelineId: string, lock = false) {
  const plan = await latestOf(db, actor.orgId, pipelineId);
  let access: Awaited<ReturnType<typeof loadVisiblePipeline>> | null = null;
  try {
    access = await loadVisiblePipeline(db, actor, pipelineId, lock);
  } catch (error) {
    const gone = plan && !isLive(plan.state);
    const mayRead = actor.role === "admin" || plan?.ownerId === actor.userId || plan?.startedBy === actor.userId;
    if (!(gone && mayRead)) throw error;
  }
  if (!plan) throw notFound("This pipeline has no decommission.");
  return { plan, access };
}

// ---------------------------------------------------------------- starting

export const planActor = (plan: Decommission): AuditActor => ({ orgId: plan.orgId, userId: plan.startedBy, email: plan.startedByLabel });

/** Announces where a plan stands, in the transaction that moved it. */
export async function announceInTx(tx: Queryable, plan: Decommission, progress?: { doneRows: number; totalRows: number }): Promise<void> {
  await notifyInTx(tx, {
    kind: "decommission",
    org_id: plan.orgId,
    pipeline_id: plan.pipelineId,
    decommission_id: plan.id,
    state: plan.state,
    done_rows: progress?.doneRows ?? (plan.state === "done" || plan.state === "deleting" ? plan.totalRows : 0),
    total_rows: progress?.totalRows ?? plan.totalRows,
    owner_id: plan.ownerId,
    started_by: plan.startedBy,
  });
}

/**
 * Starts a decommission of a pipeline the caller has locked and may change; one already under
 * way is answered instead of a second. Keeps the configuration, counts what is stored.
 */
async function startInTx(tx: Queryable, actor: Principal, pipeline: Pipeline, reason: string | null, batchId: string | null): Promise<Decommission> {
  const existing = await latestOf(tx, pipeline.orgId, pipeline.id);
  if (existing && isLive(existing.state)) return existing;
  const [snapshot, [stored]] = await Promise.all([
    pipelineConfigInTx(tx, pipeline),
    tx.select({ n: count() }).from(storageRecords).where(eq(storageRecords.pipelineId, pipeline.id)),
  ]);
  const [plan] = await tx
    .insert(decommissions)
    .values({
      orgId: pipeline.orgId,
      pipelineId: pipeline.id,
      pipelineName: pipeline.name,
      ownerId: pipeline.ownerId,
      state: "pausing",
      steps: freshSteps(),
      reason,
      startedBy: actor.userId,
      startedByLabel: actor.email,
      batchId,
      snapshot: { ...snapshot },
      totalRows: stored?.n ?? 0,
    })
    .returning();
  if (!plan) throw new Error("insert returned no row");
  await auditInTx(tx, actor, {
    action: "pipeline.decommission",
    objectType: "pipeline",
    objectId: pipeline.id,
    objectName: pipeline.name,
    reason,
    details: { decommission_id: plan.id, batch_id: batchId, storage_rows: plan.totalRows },
  });
  await announceInTx(tx, plan);
  return plan;
}

/** Two requests may start the same pipeline's decommission at once: the unique index keeps one. */
async function oneLive<T>(work: () => Promise<T>, again: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "decommissions_live_uq")) return again();
    throw error;
  }
}

export interface StartInput {
  confirmName: string;
  reason?: string | null;
}

/**
 * Starts deleting a pipeline on the server: owner or org admin (404 for what the caller cannot
 * see, 403 for what they may not delete), with its exact name typed (outer spaces aside).
 */
export async function startDecommission(db: Db, actor: Principal, pipelineId: string, input: StartInput): Promise<DecommissionPlan> {
  const start = () =>
    db.transaction(async (tx) => {
      const access = await loadVisiblePipeline(tx, actor, pipelineId, true);
      assertCanChange(actor, access);
      if (input.confirmName.trim() !== access.pipeline.name) {
        throw invalid(`Type the pipeline's name exactly as it is written ("${access.pipeline.name}") to delete it.`, "confirm_name");
      }
      return startInTx(tx, actor, access.pipeline, input.reason ?? null, null);
    });
  const plan = await oneLive(start, start);
  return withProgress(db, plan);
}

export type BulkResult =
  | { id: string; status: "accepted"; plan: DecommissionPlan }
  | { id: string; status: "refused"; code: DomainErrorCode; detail: string };

/**
 * Starts deleting several pipelines, confirmed by the phrase "delete N pipelines" (N = ids
 * given). One result per id: accepted (its plan), or refused with why, in which case nothing
 * of that pipeline changes. The accepted plans start together, in one transaction.
 */
export async function startBulkDecommission(
  db: Db,
  actor: Principal,
  input: { ids: string[]; confirm: string; reason?: string | null },
): Promise<{ batchId: string; results: BulkResult[] }> {
  const ids = [...new Set(input.ids)];
  const phrase = confirmationPhrase(ids.length);
  if (input.confirm.trim() !== phrase) throw invalid(`Type "${phrase}" to confirm.`, "confirm");
  const batchId = randomUUID();
  const start = () =>
    db.transaction(async (tx) => {
      const results: (BulkResult | { id: string; status: "accepted"; plan: Decommission })[] = [];
      for (const id of ids) {
        try {
          const access = await loadVisiblePipeline(tx, actor, id, true);
          assertCanChange(actor, access);
          results.push({ id, status: "accepted", plan: await startInTx(tx, actor, access.pipeline, input.reason ?? null, batchId) });
        } catch (error) {
          if (!(error instanceof DomainError)) throw error;
          const detail = error.code === "forbidden" ? "Only the pipeline's owner or an admin can delete it." : "No such pipeline that you can see.";
          results.push({ id, status: "refused", code: error.code, detail });
        }
      }
      return results;
    });
  const results = await oneLive(start, start);
  return {
    batchId,
    results: await Promise.all(results.map(async (r) => (r.status === "accepted" ? { ...r, plan: await withProgress(db, r.plan) } : r))),
  };
}

// ---------------------------------------------------------------- cancelling

/**
 * Cancels the decommission under way before its delete step: the pipeline stays paused, and a
 * storage clear already started runs to its end (a clear cannot be cancelled). Owner or admin;
 * too late once deleting (409).
 */
export async function cancelDecommission(db: Db, actor: Principal, pipelineId: string, reason?: string | null): Promise<DecommissionPlan> {
  const plan = await db.transaction(async (tx) => {
    const { plan: latest, access } = await readablePlan(tx, actor, pipelineId);
    if (!access) throw new DomainError("too_late", "Too late to cancel: the pipeline was deleted.", null, "DecommissionNotCancellable");
    assertCanChange(actor, access);
    // Locked: a worker moving it on waits for this, or this waits for the worker's step.
    const [current] = await tx.select().from(decommissions).where(eq(decommissions.id, latest.id)).for("update");
    if (!current) throw notFound("This pipeline has no decommission.");
    if (current.state === "cancelled") return current;
    if (!isLive(current.state) || current.state === "deleting") {
      const why = current.state === "deleting" ? "the pipeline is being deleted" : `the decommission is ${current.state}`;
      throw new DomainError("too_late", `Too late to cancel: ${why}.`, null, "DecommissionNotCancellable");
    }
    const now = new Date();
    const [cancelled] = await tx
      .update(decommissions)
      .set({ state: "cancelled", steps: cancelledSteps(current.steps, now), finishedAt: now, updatedAt: now, leaseOwner: null, leaseExpiresAt: null })
      .where(and(eq(decommissions.id, current.id), eq(decommissions.orgId, actor.orgId)))
      .returning();
    if (!cancelled) throw notFound();
    await auditInTx(tx, actor, {
      action: "pipeline.decommission.cancel",
      objectType: "pipeline",
      objectId: pipelineId,
      objectName: access.pipeline.name,
      reason,
      details: { decommission_id: current.id, at_step: current.state },
    });
    await announceInTx(tx, cancelled);
    return cancelled;
  });
  return withProgress(db, plan);
}
