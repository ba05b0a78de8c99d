// Pause and resume: one flag whichever path sets it (§1 PATCH, Maestro, the console, a
// decommission, the scheduler's "resume at"). A pause records who, when, why and until when;
// the schedule follows the flag; every change is audited and announced in its transaction.
import { and, eq, inArray, lte } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { decommissions, pipelines, schedules, type Pipeline } from "@/db/schema";
import { LIVE_DECOMMISSION_STATES } from "@/lib/vocabulary";
import { auditInTx, type AuditActor } from "./audit";
import { DomainError, invalid, notFound } from "./errors";
import { notifyInTx } from "./events";
import { nextRun } from "./schedule-rules";

export interface PauseOptions {
  reason?: string | null;
  /** When the scheduler resumes it by itself; null or absent: until someone resumes it. */
  resumeAt?: Date | null;
  /** Whether to announce the change (false when the caller announces the pipeline itself: a creation). */
  announce?: boolean;
}

/** The system itself, as an audit actor (a scheduled resume, say). */
export const systemActor = (orgId: string): AuditActor => ({ orgId, userId: null, email: "system" });

const MAX_PAUSE_MS = 366 * 24 * 3600 * 1000;

/** A resume time must lie ahead, within a year. */
export function assertResumeAt(resumeAt: Date, now = new Date()): void {
  if (resumeAt.getTime() <= now.getTime()) throw invalid("The resume time must be in the future.", "resume_at");
  if (resumeAt.getTime() - now.getTime() > MAX_PAUSE_MS) throw invalid("The resume time must be within a year.", "resume_at");
}

/** The columns a pause (active=false) or a resume sets: who, when, why, until when; cleared on resume. */
function activeColumns(actor: AuditActor, active: boolean, options: PauseOptions = {}) {
  if (active) return { active, pausedBy: null, pausedByLabel: null, pausedAt: null, pauseReason: null, resumeAt: null };
  return {
    active,
    pausedBy: actor.userId,
    pausedByLabel: actor.email,
    pausedAt: new Date(),
    pauseReason: options.reason || null,
    resumeAt: options.resumeAt ?? null,
  };
}

/** The pipeline's schedule row follows its cron and its active flag. */
export async function syncSchedule(tx: Queryable, pipeline: Pipeline): Promise<void> {
  if (!pipeline.cronString) {
    await tx.delete(schedules).where(eq(schedules.pipelineId, pipeline.id));
    return;
  }
  const values = {
    cron: pipeline.cronString,
    timezone: pipeline.timezone,
    active: pipeline.active,
    nextFireAt: pipeline.active ? nextRun(pipeline.cronString, pipeline.timezone) : null,
    updatedAt: new Date(),
  };
  await tx
    .insert(schedules)
    .values({ pipelineId: pipeline.id, orgId: pipeline.orgId, ...values })
    .onConflictDoUpdate({ target: schedules.pipelineId, set: values });
}

export async function isDecommissioning(tx: Queryable, pipeline: Pick<Pipeline, "id" | "orgId">): Promise<boolean> {
  const [live] = await tx
    .select({ id: decommissions.id })
    .from(decommissions)
    .where(and(eq(decommissions.pipelineId, pipeline.id), eq(decommissions.orgId, pipeline.orgId), inArray(decommissions.state, [...LIVE_DECOMMISSION_STATES])));
  return !!live;
}

/** A pipeline being decommissioned stays paused until the decommission is cancelled. */
export async function assertNotDecommissioning(tx: Queryable, pipeline: Pick<Pipeline, "id" | "orgId">): Promise<void> {
  if (await isDecommissioning(tx, pipeline)) {
    throw new DomainError(
      "conflict",
      "This pipeline is being deleted: cancel its decommission to resume it.",
      "active",
      "DecommissionInProgress",
    );
  }
}

/**
 * THE pause and resume: every path that pauses or resumes a pipeline (§1 PUT/PATCH, Maestro, the
 * console, an import creating it paused, a decommission, the scheduler's planned resume) comes
 * here. For a pipeline already loaded (and locked) by the caller, who has checked the actor may:
 * writes the flag with who/when/why/until when, the schedule, one audit row and the event.
 */
export async function setActiveInTx(tx: Queryable, actor: AuditActor, before: Pipeline, active: boolean, options: PauseOptions = {}): Promise<Pipeline> {
  if (active) await assertNotDecommissioning(tx, before);
  if (!active && options.resumeAt) assertResumeAt(options.resumeAt);
  const [pipeline] = await tx
    .update(pipelines)
    .set({ ...activeColumns(actor, active, options), modifiedBy: actor.userId ?? before.modifiedBy, modifiedAt: new Date() })
    .where(and(eq(pipelines.id, before.id), eq(pipelines.orgId, before.orgId)))
    .returning();
  if (!pipeline) throw notFound();
  await syncSchedule(tx, pipeline);
  await auditInTx(tx, actor, {
    action: active ? "pipeline.resume" : "pipeline.pause",
    objectType: "pipeline",
    objectId: pipeline.id,
    objectName: pipeline.name,
    reason: options.reason,
    details: !active && options.resumeAt ? { resume_at: options.resumeAt.toISOString() } : undefined,
  });
  if (options.announce !== false) {
    await notifyInTx(tx, { kind: "pipeline", org_id: pipeline.orgId, pipeline_id: pipeline.id, change: "updated", active: pipeline.active, name: pipeline.name });
  }
  return pipeline;
}

/** A paused pipeline's planned resume no longer applies (it is being deleted): it stays paused. */
export async function dropPlannedResumeInTx(tx: Queryable, pipeline: Pick<Pipeline, "id" | "orgId" | "resumeAt">): Promise<void> {
  if (!pipeline.resumeAt) return;
  await tx
    .update(pipelines)
    .set({ resumeAt: null })
    .where(and(eq(pipelines.id, pipeline.id), eq(pipelines.orgId, pipeline.orgId)));
}

/**
 * Resumes the paused pipelines whose "resume at" has come (of one org, if given), as the
 * system; returns how many. One pipeline per transaction, locked with SKIP LOCKED so several
 * workers share the work and none resumes a pipeline twice.
 */
export async function resumeDuePipelines(db: Db, now = new Date(), orgId?: string): Promise<number> {
  let resumed = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const [due] = await tx
        .select()
        .from(pipelines)
        .where(and(eq(pipelines.active, false), lte(pipelines.resumeAt, now), orgId ? eq(pipelines.orgId, orgId) : undefined))
        .limit(1)
        .for("update", { skipLocked: true });
      if (!due) return false;
      if (await isDecommissioning(tx, due)) {
        // Being deleted: it stays paused, and the resume time is dropped.
        await dropPlannedResumeInTx(tx, due);
        return true;
      }
      await setActiveInTx(tx, systemActor(due.orgId), due, true, { reason: `Resumed as planned at ${due.resumeAt?.toISOString()}` });
      resumed++;
      return true;
    });
    if (!done) return resumed;
  }
}
