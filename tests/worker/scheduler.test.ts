// The scheduler: due schedules become SCHEDULED runs, once per fire time; paused pipelines do
// not fire; after downtime a missed schedule runs once, not once per missed tick.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { executions, pipelines, schedules } from "@/db/schema";
import { setPipelineActive } from "@/lib/domain/pipelines";
import { fireDueSchedules } from "@/lib/worker/scheduler";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { pipelineWithJobs } from "./support";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});

const HOUR = 3_600_000;

async function scheduledRuns(pipelineId: string) {
  const db = await getDb();
  return db.select().from(executions).where(and(eq(executions.pipelineId, pipelineId), eq(executions.method, "SCHEDULED")));
}

async function dueAt(pipelineId: string, at: Date) {
  const db = await getDb();
  await db.update(schedules).set({ nextFireAt: at }).where(eq(schedules.pipelineId, pipelineId));
}

describe("scheduler", () => {
  it("fires a due schedule once, and moves it to the next tick", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithJobs(org.admin, [], { cronString: "0 * * * *" });
    const fireAt = new Date(Math.floor(Date.now() / HOUR) * HOUR);
    await dueAt(pipeline.id, fireAt);

    await fireDueSchedules(db, new Date(fireAt.getTime() + 1000), undefined, org.id);
    await fireDueSchedules(db, new Date(fireAt.getTime() + 2000), undefined, org.id);
    const runs = await scheduledRuns(pipeline.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ status: "PENDING", scheduledFor: fireAt });

    const [schedule] = await db.select().from(schedules).where(eq(schedules.pipelineId, pipeline.id));
    expect(schedule!.nextFireAt).toEqual(new Date(fireAt.getTime() + HOUR));
    expect(schedule!.lastFiredAt).toEqual(fireAt);
    const [after] = await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id));
    expect(after).toMatchObject({ runCount: 1, lastRunStatus: "RESTARTING" });
  });

  it("after downtime, a missed schedule runs once and then waits for the next future tick", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithJobs(org.admin, [], { cronString: "0 * * * *" });
    const now = new Date();
    await dueAt(pipeline.id, new Date(Math.floor(now.getTime() / HOUR) * HOUR - 5 * HOUR));

    await fireDueSchedules(db, now, undefined, org.id);
    await fireDueSchedules(db, now, undefined, org.id);
    expect(await scheduledRuns(pipeline.id)).toHaveLength(1);
    const [schedule] = await db.select().from(schedules).where(eq(schedules.pipelineId, pipeline.id));
    expect(schedule!.nextFireAt!.getTime()).toBeGreaterThan(now.getTime());
    expect(schedule!.nextFireAt!.getTime()).toBeLessThanOrEqual(now.getTime() + HOUR);
  });

  it("a paused pipeline does not fire; resumed, it fires at its next tick", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithJobs(org.admin, [], { cronString: "0 * * * *" });
    await setPipelineActive(db, org.admin, pipeline.id, false);
    const [paused] = await db.select().from(schedules).where(eq(schedules.pipelineId, pipeline.id));
    expect(paused).toMatchObject({ active: false, nextFireAt: null });

    await dueAt(pipeline.id, new Date(Date.now() - 1000));
    await fireDueSchedules(db, new Date(), undefined, org.id);
    expect(await scheduledRuns(pipeline.id)).toHaveLength(0);

    await setPipelineActive(db, org.admin, pipeline.id, true);
    const [resumed] = await db.select().from(schedules).where(eq(schedules.pipelineId, pipeline.id));
    expect(resumed!.active).toBe(true);
    expect(resumed!.nextFireAt!.getTime()).toBeGreaterThan(Date.now());
  });

  it("the same fire time never makes two runs, even if the schedule is rewound", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithJobs(org.admin, [], { cronString: "0 * * * *" });
    const fireAt = new Date(Math.floor(Date.now() / HOUR) * HOUR);
    await dueAt(pipeline.id, fireAt);
    await fireDueSchedules(db, new Date(fireAt.getTime() + 1), undefined, org.id);
    await dueAt(pipeline.id, fireAt);
    await fireDueSchedules(db, new Date(fireAt.getTime() + 1), undefined, org.id);
    expect(await scheduledRuns(pipeline.id)).toHaveLength(1);
    const [after] = await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id));
    expect(after!.runCount).toBe(1);
  });
});
