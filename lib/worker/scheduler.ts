// Due schedules become SCHEDULED executions. Each fire time runs once however many workers
// run: rows are claimed with SKIP LOCKED, and (pipeline, fire time) is a unique key. After
// downtime, a schedule fires once for its missed time and moves on to the next future tick.
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { executions, pipelines, schedules } from "@/db/schema";
import { notifyManyInTx } from "@/lib/domain/events";
import { nextRun } from "@/lib/domain/schedule-rules";

export const SCHEDULER_BATCH = 500;

/**
 * Fires the schedules due at `now` (of one org, if given); returns how many it handled.
 * Set-based: one claim, one INSERT of the runs, one UPDATE of the pipelines' counters, one
 * statement of notifications and one UPDATE of the next fire times per batch, so 10,000
 * schedules due in the same minute cost a few dozen statements, not 40,000.
 */
export async function fireDueSchedules(db: Db, now = new Date(), limit = SCHEDULER_BATCH, orgId?: string): Promise<number> {
  return db.transaction(async (tx) => {
    const due = await tx
      .select({
        pipelineId: schedules.pipelineId,
        cron: schedules.cron,
        timezone: schedules.timezone,
        nextFireAt: schedules.nextFireAt,
        orgId: pipelines.orgId,
        active: pipelines.active,
        storageStatus: pipelines.storageStatus,
      })
      .from(schedules)
      .innerJoin(pipelines, eq(pipelines.id, schedules.pipelineId))
      .where(and(eq(schedules.active, true), lte(schedules.nextFireAt, now), orgId ? eq(schedules.orgId, orgId) : undefined))
      .orderBy(asc(schedules.nextFireAt))
      .limit(limit)
      .for("update", { of: schedules, skipLocked: true });
    if (due.length === 0) return 0;

    // A paused pipeline has an inactive schedule; Clearing storage skips the tick.
    const firing = due.filter((d) => d.nextFireAt && d.active && d.storageStatus !== "Clearing");
    if (firing.length > 0) {
      // The unique (pipeline, fire time) makes a tick that another worker already fired a no-op.
      const created = await tx
        .insert(executions)
        .values(firing.map((d) => ({ orgId: d.orgId, pipelineId: d.pipelineId, method: "SCHEDULED" as const, triggerKind: "schedule" as const, status: "PENDING" as const, scheduledFor: d.nextFireAt })))
        .onConflictDoNothing({ target: [executions.pipelineId, executions.scheduledFor] })
        .returning({ id: executions.id, pipelineId: executions.pipelineId, orgId: executions.orgId });
      if (created.length > 0) {
        await tx
          .update(pipelines)
          .set({ runCount: sql`${pipelines.runCount} + 1`, lastRunStatus: "RESTARTING" })
          .where(inArray(pipelines.id, created.map((c) => c.pipelineId)));
        await notifyManyInTx(
          tx,
          created.map((c) => ({ kind: "execution", org_id: c.orgId, pipeline_id: c.pipelineId, execution_id: c.id, status: "PENDING" })),
        );
      }
    }

    // Each schedule moves to its own next tick (cron and timezone differ): one UPDATE from a list.
    const moves = due.flatMap((d) => {
      if (!d.nextFireAt) return [];
      const after = now.getTime() > d.nextFireAt.getTime() ? now : d.nextFireAt;
      const next = nextRun(d.cron, d.timezone, after);
      return [sql`(${d.pipelineId}::uuid, ${next ? next.toISOString() : null}::timestamptz, ${d.nextFireAt.toISOString()}::timestamptz)`];
    });
    if (moves.length > 0) {
      await tx.execute(sql`
        update ${schedules} set next_fire_at = v.next_fire_at, last_fired_at = v.fired_at, updated_at = ${now.toISOString()}::timestamptz
        from (values ${sql.join(moves, sql`, `)}) as v(pipeline_id, next_fire_at, fired_at)
        where ${schedules}.pipeline_id = v.pipeline_id`);
    }
    return due.length;
  });
}
