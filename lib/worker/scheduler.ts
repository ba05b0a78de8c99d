// Due schedules become SCHEDULED executions. Each fire time runs once however many workers
// run: rows are claimed with SKIP LOCKED, and (pipeline, fire time) is a unique key. After
// downtime, a schedule fires once for its missed time and moves on to the next future tick.
import { and, asc, eq, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executions, pipelines, schedules } from "@/db/schema";
import { notifyInTx } from "@/lib/domain/events";
import { nextRun } from "@/lib/domain/schedule-rules";

export const SCHEDULER_BATCH = 200;

/** Fires the schedules due at `now` (of one org, if given); returns how many it handled. */
export async function fireDueSchedules(db: Db, now = new Date(), limit = SCHEDULER_BATCH, orgId?: string): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({ schedule: schedules, pipeline: pipelines })
      .from(schedules)
      .innerJoin(pipelines, eq(pipelines.id, schedules.pipelineId))
      .where(and(eq(schedules.active, true), lte(schedules.nextFireAt, now), orgId ? eq(schedules.orgId, orgId) : undefined))
      .orderBy(asc(schedules.nextFireAt))
      .limit(limit)
      .for("update", { of: schedules, skipLocked: true });

    for (const { schedule, pipeline } of due) {
      const fireAt = schedule.nextFireAt;
      if (!fireAt) continue;
      // A paused pipeline has an inactive schedule; Clearing storage skips the tick.
      if (pipeline.active && pipeline.storageStatus !== "Clearing") {
        const [created] = await tx
          .insert(executions)
          .values({
            orgId: pipeline.orgId,
            pipelineId: pipeline.id,
            method: "SCHEDULED",
            status: "PENDING",
            scheduledFor: fireAt,
          })
          .onConflictDoNothing({ target: [executions.pipelineId, executions.scheduledFor] })
          .returning({ id: executions.id });
        if (created) {
          await tx
            .update(pipelines)
            .set({ runCount: sql`${pipelines.runCount} + 1`, lastRunStatus: "RESTARTING" })
            .where(eq(pipelines.id, pipeline.id));
          await notifyInTx(tx, {
            kind: "execution",
            org_id: pipeline.orgId,
            pipeline_id: pipeline.id,
            execution_id: created.id,
            status: "PENDING",
          });
        }
      }
      const after = now.getTime() > fireAt.getTime() ? now : fireAt;
      await tx
        .update(schedules)
        .set({ nextFireAt: nextRun(schedule.cron, schedule.timezone, after), lastFiredAt: fireAt, updatedAt: now })
        .where(eq(schedules.pipelineId, schedule.pipelineId));
    }
    return due.length;
  });
}
