// The decommissioner as the worker runs it: runs are stopped (pending at once, executing at their
// next batch) before the clear; a plan whose worker died is taken over once its lease lapses; a
// step that keeps failing ends the plan as failed, leaving the pipeline; every move is announced.
import { and, asc, eq, sql } from "drizzle-orm";
import { NextRequest } from "next/server";
import { beforeEach, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/v1/orgs/[org_id]/events/route";
import { getDb } from "@/db/client";
import { auditEvents, decommissions, executionLogs, executions, pipelines } from "@/db/schema";
import { startDecommission } from "@/lib/domain/decommission";
import { executePipeline } from "@/lib/domain/executions";
import { advanceNext } from "@/lib/worker/decommissioner";
import { claimExecution, runExecution } from "@/lib/worker/executor";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { sseReader } from "../support/sse";
import { executorOptions, pipelineWithJobs, sampleSource } from "../worker/support";
import { decommissionerOptions, driveToEnd, pipelineWithStorage } from "./support";

// Each test its own org: the worker steps below serve one org, and a plan of one test must not
// be another's to take.
let org: TestOrg;
beforeEach(async () => {
  org = await makeOrg();
});

const planOf = async (id: string) => {
  const db = await getDb();
  const [plan] = await db.select().from(decommissions).where(eq(decommissions.id, id));
  if (!plan) throw new Error("no plan");
  return plan;
};

describe("the decommissioner", () => {
  it("stops a pending run at once and an executing one at its next batch, each with a log line, before clearing", async () => {
    const db = await getDb();
    const source = await sampleSource(org.admin, { count: 5_000, batch_size: 100 });
    const pipeline = await pipelineWithJobs(org.admin, [{ name: "long", sourceResourceId: source.id }]);
    await executePipeline(db, org.admin, pipeline.id);
    const executor = executorOptions(org.id);
    const executing = await claimExecution(db, executor);
    expect(executing?.pipelineId).toBe(pipeline.id);
    const { execution: pending } = await executePipeline(db, org.admin, pipeline.id);

    const plan = await startDecommission(db, org.admin, pipeline.id, { confirmName: pipeline.name, reason: "wind down" });
    await advanceNext(db, decommissionerOptions(org.id));
    let now = await planOf(plan.id);
    expect(now.state).toBe("stopping");
    expect(now.steps.find((s) => s.step === "stopping")).toMatchObject({ status: "running", detail: "2 runs asked to stop; waiting for 1 run to end." });
    const [pendingRow] = await db.select().from(executions).where(eq(executions.id, pending.id));
    expect(pendingRow).toMatchObject({ status: "STOPPED", errorMessage: "Stopped before it started." });
    const lines = await db.select().from(executionLogs).where(eq(executionLogs.executionId, executing!.id)).orderBy(asc(executionLogs.id));
    expect(lines.map((l) => l.message)).toContain(`Stop requested by ${org.admin.email} (decommission): wind down`);

    // Still executing: the plan waits, however often it is looked at.
    await advanceNext(db, decommissionerOptions(org.id));
    expect((await planOf(plan.id)).state).toBe("stopping");

    // Its worker reaches the next batch and stops it; the plan goes on to the end.
    await runExecution(db, executing!, executor);
    const [stopped] = await db.select().from(executions).where(eq(executions.id, executing!.id));
    expect(stopped?.status).toBe("STOPPED");
    expect(await driveToEnd(org.id, plan.id)).toBe("done");
    now = await planOf(plan.id);
    expect(now.steps.find((s) => s.step === "stopping")?.detail).toBe("2 runs stopped.");
    expect(await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id))).toEqual([]);
  });

  it("takes over a plan whose worker died once its lease lapses, not before", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithStorage(org.admin, 500);
    const plan = await startDecommission(db, org.admin, pipeline.id, { confirmName: pipeline.name });
    // Another worker holds it and stopped answering.
    await db.update(decommissions).set({ leaseOwner: "dead-worker", leaseExpiresAt: sql`now() + interval '1 hour'` }).where(eq(decommissions.id, plan.id));
    expect(await advanceNext(db, decommissionerOptions(org.id))).toBe(false);
    expect((await planOf(plan.id)).state).toBe("pausing");

    await db.update(decommissions).set({ leaseExpiresAt: sql`now() - interval '1 second'` }).where(eq(decommissions.id, plan.id));
    expect(await driveToEnd(org.id, plan.id)).toBe("done");
  });

  it("a step that keeps failing ends the plan as failed, with the error; the pipeline stays, paused and cleared", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithStorage(org.admin, 300);
    // The database refuses to delete this one pipeline.
    const fn = `refuse_${pipeline.id.replace(/-/g, "")}`;
    await db.execute(sql.raw(`create function ${fn}() returns trigger language plpgsql as $$ begin raise exception 'disk on fire'; end $$`));
    await db.execute(sql.raw(`create trigger ${fn} before delete on pipelines for each row when (old.id = '${pipeline.id}') execute function ${fn}()`));
    try {
      const plan = await startDecommission(db, org.admin, pipeline.id, { confirmName: pipeline.name, reason: "try" });
      expect(await driveToEnd(org.id, plan.id)).toBe("failed");
      const failed = await planOf(plan.id);
      expect(failed.error).toContain("disk on fire");
      expect(failed.steps.find((s) => s.step === "deleting")).toMatchObject({ status: "cancelled" });
      const [left] = await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id));
      expect(left).toMatchObject({ active: false, storageStatus: "Cleared" });
      const [audit] = await db
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.objectId, pipeline.id), eq(auditEvents.action, "pipeline.decommission.fail")));
      expect(audit?.details).toMatchObject({ decommission_id: plan.id, at_step: "deleting" });
    } finally {
      await db.execute(sql.raw(`drop trigger ${fn} on pipelines`));
      await db.execute(sql.raw(`drop function ${fn}()`));
    }
  });

  it("announces every move on the event stream, up to done, and the pipeline's deletion", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithStorage(org.admin, 200);
    const req = new NextRequest(`http://localhost/api/v1/orgs/${org.id}/events`, { headers: { authorization: `Bearer ${org.admin.token}` } });
    const res = await events(req, { params: Promise.resolve({ org_id: org.id }) });
    const stream = sseReader(res);
    expect(await stream.opened()).toBe(true);
    try {
      const plan = await startDecommission(db, org.admin, pipeline.id, { confirmName: pipeline.name });
      expect(await driveToEnd(org.id, plan.id)).toBe("done");
      const states: string[] = [];
      for (;;) {
        const event = await stream.next((e) => e.event === "decommission" && e.data.decommission_id === plan.id, 3000);
        if (!event) break;
        const state = String(event.data.state);
        if (states[states.length - 1] !== state) states.push(state);
        if (state === "done") break;
      }
      expect(states).toEqual(["pausing", "stopping", "clearing", "deleting", "done"]);
      expect(await stream.next((e) => e.event === "pipeline" && e.data.pipeline_id === pipeline.id && e.data.change === "deleted")).not.toBeNull();
    } finally {
      await stream.close();
    }
  });
});
