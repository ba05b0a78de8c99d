// The decommissioner: moves each decommission under way through its steps (pause → stop runs →
// clear storage → delete). A worker claims a plan with a short lease, does what can be done now
// (one transaction per step, each checking the lease is still its own), and, when the plan must
// wait (runs stopping, storage clearing), puts it down with a time to look again. A worker that
// dies mid-step loses its lease; the step's transaction rolled back, and any worker carries on.
import { and, count, eq, gte, inArray, isNull, lt, lte, or, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { decommissions, executions, pipelines, storageClears, type Decommission } from "@/db/schema";
import { auditInTx } from "@/lib/domain/audit";
import { announceInTx, markStep, planActor, type DecommissionStep } from "@/lib/domain/decommission";
import { runningRunsForUpdate, stopRunInTx } from "@/lib/domain/executions";
import { dropPlannedResumeInTx, setActiveInTx } from "@/lib/domain/pausing";
import { LIVE_DECOMMISSION_STATES } from "@/lib/vocabulary";
import { deletePipelineInTx } from "@/lib/domain/pipelines";
import { startClearInTx } from "@/lib/domain/storage";
import { removeStorageFiles } from "@/lib/domain/storage-files";
import { rootMessage } from "@/lib/root-message";

export interface DecommissionerOptions {
  workerId: string;
  leaseMs: number;
  /** How soon a waiting plan is looked at again. */
  waitMs: number;
  /** Serve only this org's plans. */
  orgId?: string;
  /** Failed steps in a row before the plan ends as failed. */
  maxFailures?: number;
}

export const DEFAULT_DECOMMISSIONER = { leaseMs: 15_000, waitMs: 1_000, maxFailures: 5 };

const live = inArray(decommissions.state, [...LIVE_DECOMMISSION_STATES]);
const leaseFor = (ms: number) => sql`now() + ${`${ms} milliseconds`}::interval`;

async function claim(db: Db, options: DecommissionerOptions): Promise<Decommission | null> {
  return db.transaction(async (tx) => {
    const [due] = await tx
      .select({ id: decommissions.id })
      .from(decommissions)
      .where(
        and(
          live,
          lte(decommissions.wakeAt, sql`now()`),
          or(isNull(decommissions.leaseExpiresAt), lt(decommissions.leaseExpiresAt, sql`now()`)),
          options.orgId ? eq(decommissions.orgId, options.orgId) : undefined,
        ),
      )
      .orderBy(decommissions.wakeAt)
      .limit(1)
      .for("update", { skipLocked: true });
    if (!due) return null;
    const [claimed] = await tx
      .update(decommissions)
      .set({ leaseOwner: options.workerId, leaseExpiresAt: leaseFor(options.leaseMs) })
      .where(eq(decommissions.id, due.id))
      .returning();
    return claimed ?? null;
  });
}

type Outcome = "next" | "wait" | "ended" | "lost";

interface Move {
  state?: Decommission["state"];
  steps: DecommissionStep[];
  /** Put the plan down until `waitMs` from now. */
  wait?: boolean;
  error?: string | null;
}

/** Writes where the plan stands, and announces it when its state changed. */
async function move(tx: Tx, plan: Decommission, change: Move, options: DecommissionerOptions): Promise<Decommission> {
  const now = new Date();
  const ended = change.state === "done" || change.state === "failed";
  const [moved] = await tx
    .update(decommissions)
    .set({
      state: change.state,
      steps: change.steps,
      failures: 0,
      error: change.error ?? null,
      updatedAt: now,
      finishedAt: ended ? now : undefined,
      ...(change.wait || ended ? { leaseOwner: null, leaseExpiresAt: null } : {}),
      wakeAt: change.wait ? sql`now() + ${`${options.waitMs} milliseconds`}::interval` : undefined,
    })
    .where(eq(decommissions.id, plan.id))
    .returning();
  if (!moved) throw new Error("the decommission row vanished");
  const detailChanged = JSON.stringify(moved.steps) !== JSON.stringify(plan.steps);
  if (moved.state !== plan.state || detailChanged) await announceInTx(tx, moved);
  return moved;
}

const plural = (n: number, one: string, many: string) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** Runs of the pipeline asked to stop since the plan started (by it, or by someone meanwhile). */
async function runsAskedToStop(tx: Tx, plan: Decommission): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(executions)
    .where(
      and(
        eq(executions.pipelineId, plan.pipelineId),
        eq(executions.orgId, plan.orgId),
        eq(executions.stopRequested, true),
        or(isNull(executions.finishedAt), gte(executions.finishedAt, plan.startedAt)),
      ),
    );
  return row?.n ?? 0;
}

/** The pipeline's storage clear (the latest; one row per pipeline). */
async function clearOf(tx: Tx, plan: Decommission) {
  const [clear] = await tx
    .select({ doneRows: storageClears.doneRows, totalRows: storageClears.totalRows })
    .from(storageClears)
    .where(and(eq(storageClears.pipelineId, plan.pipelineId), eq(storageClears.orgId, plan.orgId)));
  return clear ?? null;
}

/** One step of one plan, in one transaction. */
async function stepInTx(tx: Tx, planId: string, options: DecommissionerOptions): Promise<{ outcome: Outcome; removedPipeline?: string }> {
  // Still ours and still under way: a cancel, or another worker after our lease lapsed, wins.
  const [plan] = await tx
    .update(decommissions)
    .set({ leaseExpiresAt: leaseFor(options.leaseMs) })
    .where(and(eq(decommissions.id, planId), eq(decommissions.leaseOwner, options.workerId), live))
    .returning();
  if (!plan) return { outcome: "lost" };
  const actor = planActor(plan);
  const [pipeline] = await tx
    .select()
    .from(pipelines)
    .where(and(eq(pipelines.id, plan.pipelineId), eq(pipelines.orgId, plan.orgId)))
    .for("update");
  if (!pipeline) {
    // Deleted by another path (the §1 or Maestro DELETE): what this plan was for is done.
    const steps = plan.steps.map((s) => (s.status === "done" ? s : { ...s, status: "skipped" as const, detail: "The pipeline was deleted by another request." }));
    await move(tx, plan, { state: "done", steps }, options);
    return { outcome: "ended" };
  }

  switch (plan.state) {
    case "pausing": {
      let detail = "Paused; its schedule is off.";
      if (pipeline.active) await setActiveInTx(tx, actor, pipeline, false, { reason: plan.reason });
      else {
        detail = `Already paused${pipeline.pausedByLabel ? ` by ${pipeline.pausedByLabel}` : ""}.`;
        // Being deleted: a planned resume no longer applies.
        await dropPlannedResumeInTx(tx, pipeline);
      }
      const steps = markStep(markStep(plan.steps, "pausing", "done", detail), "stopping", "running", null);
      await move(tx, plan, { state: "stopping", steps }, options);
      return { outcome: "next" };
    }
    case "stopping": {
      const runs = await runningRunsForUpdate(tx, pipeline);
      for (const run of runs.filter((r) => !r.stopRequested)) await stopRunInTx(tx, actor, run, pipeline.name, plan.reason, "decommission");
      const asked = await runsAskedToStop(tx, plan);
      const executing = runs.filter((run) => run.status === "EXECUTING").length;
      if (executing > 0) {
        const steps = markStep(plan.steps, "stopping", "running", `${plural(asked, "run", "runs")} asked to stop; waiting for ${plural(executing, "run", "runs")} to end.`);
        await move(tx, plan, { steps, wait: true }, options);
        return { outcome: "wait" };
      }
      const detail = asked ? `${plural(asked, "run", "runs")} stopped.` : "Nothing was running.";
      const steps = markStep(markStep(plan.steps, "stopping", "done", detail), "clearing", "running", null);
      await move(tx, plan, { state: "clearing", steps }, options);
      return { outcome: "next" };
    }
    case "clearing": {
      // A run that appeared since (nothing should start a paused pipeline): back to stopping it.
      if ((await runningRunsForUpdate(tx, pipeline)).length > 0) {
        await move(tx, plan, { state: "stopping", steps: markStep(plan.steps, "stopping", "running", "A run started meanwhile: stopping it.") }, options);
        return { outcome: "next" };
      }
      if (pipeline.storageStatus === "InUse") {
        await startClearInTx(tx, actor, pipeline, plan.reason);
        const clear = await clearOf(tx, plan);
        await move(tx, plan, { steps: markStep(plan.steps, "clearing", "running", `Clearing ${plural(clear?.totalRows ?? 0, "row", "rows")}.`), wait: true }, options);
        return { outcome: "wait" };
      }
      if (pipeline.storageStatus === "Clearing") {
        const detail = plan.steps.find((s) => s.step === "clearing")?.detail ?? "Waiting for the clear under way to end.";
        await move(tx, plan, { steps: markStep(plan.steps, "clearing", "running", detail), wait: true }, options);
        return { outcome: "wait" };
      }
      // The step has a detail once this plan started or waited for a clear.
      const waited = plan.steps.some((s) => s.step === "clearing" && s.detail !== null);
      const clear = waited ? await clearOf(tx, plan) : null;
      const detail = clear ? `Cleared ${plural(clear.doneRows, "row", "rows")}.` : "Nothing was stored.";
      const steps = markStep(markStep(plan.steps, "clearing", "done", detail), "deleting", "running", null);
      await move(tx, plan, { state: "deleting", steps }, options);
      return { outcome: "next" };
    }
    case "deleting": {
      await deletePipelineInTx(tx, actor, pipeline, plan.reason);
      const steps = markStep(plan.steps, "deleting", "done", "Deleted with its jobs, runs, keys, shares and schedule.");
      await move(tx, plan, { state: "done", steps }, options);
      return { outcome: "ended", removedPipeline: pipeline.id };
    }
    default:
      return { outcome: "lost" };
  }
}

/** A step threw: counted; after `maxFailures` in a row the plan ends as failed, with the error. */
async function recordFailure(db: Db, planId: string, error: unknown, options: DecommissionerOptions): Promise<void> {
  const message = rootMessage(error);
  await db.transaction(async (tx) => {
    const [plan] = await tx
      .select()
      .from(decommissions)
      .where(and(eq(decommissions.id, planId), eq(decommissions.leaseOwner, options.workerId), live))
      .for("update");
    if (!plan) return;
    const failures = plan.failures + 1;
    if (failures >= (options.maxFailures ?? DEFAULT_DECOMMISSIONER.maxFailures)) {
      const running = plan.steps.find((s) => s.status === "running")?.step ?? (plan.state as DecommissionStep["step"]);
      await move(tx, plan, { state: "failed", steps: markStep(plan.steps, running, "cancelled", message), error: message }, options);
      await auditInTx(tx, planActor(plan), {
        action: "pipeline.decommission.fail",
        objectType: "pipeline",
        objectId: plan.pipelineId,
        objectName: plan.pipelineName,
        details: { decommission_id: plan.id, at_step: plan.state, error: message },
      });
      return;
    }
    // Backs off: 1, 2, 4… times the wait before the next try.
    await tx
      .update(decommissions)
      .set({
        failures,
        error: message,
        leaseOwner: null,
        leaseExpiresAt: null,
        wakeAt: sql`now() + ${`${options.waitMs * 2 ** (failures - 1)} milliseconds`}::interval`,
      })
      .where(eq(decommissions.id, plan.id));
  });
}

/** Claims one plan that is due and moves it as far as it can go now; false when none was due. */
export async function advanceNext(db: Db, options: DecommissionerOptions): Promise<boolean> {
  const plan = await claim(db, options);
  if (!plan) return false;
  try {
    for (;;) {
      const { outcome, removedPipeline } = await db.transaction((tx) => stepInTx(tx, plan.id, options));
      // Files go once the rows are gone for good.
      if (removedPipeline) await removeStorageFiles(removedPipeline);
      if (outcome !== "next") break;
    }
  } catch (error) {
    console.error(`[worker:decommissioner] ${plan.pipelineName}:`, rootMessage(error));
    await recordFailure(db, plan.id, error, options);
  }
  return true;
}
