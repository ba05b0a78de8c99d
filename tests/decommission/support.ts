// The decommission routes, and a worker loop scoped to one org that drives plans to their end.
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { DELETE as cancelRoute, GET as getRoute, POST as startRoute } from "@/app/api/v1/orgs/[org_id]/pipelines/[id]/decommission/route";
import { POST as bulkRoute } from "@/app/api/v1/orgs/[org_id]/pipelines/decommission/route";
import { getDb } from "@/db/client";
import { decommissions } from "@/db/schema";
import { executePipeline } from "@/lib/domain/executions";
import type { Principal } from "@/lib/domain/principal";
import { clearNext } from "@/lib/worker/clearer";
import { advanceNext } from "@/lib/worker/decommissioner";
import { executeNext } from "@/lib/worker/executor";
import { newWorkerId } from "@/lib/worker/identity";
import { clearerOptions, executorOptions, pipelineWithJobs, sampleSource } from "../worker/support";

export const decommissionRoutes = { start: startRoute, get: getRoute, cancel: cancelRoute, bulk: bulkRoute };

export const decommissionerOptions = (orgId: string, workerId = newWorkerId()) => ({ workerId, leaseMs: 5_000, waitMs: 0, orgId, maxFailures: 5 });

export interface PlanJson {
  id: string;
  pipeline_id: string;
  pipeline_name: string;
  state: string;
  steps: { step: string; status: string; detail: string | null; started_at: string | null; finished_at: string | null }[];
  progress: { done_rows: number; total_rows: number };
  reason: string | null;
  started_by: string;
  started_at: string;
  finished_at: string | null;
  error: string | null;
  batch_id: string | null;
}

/** A pipeline whose one run stored `records` rows. */
export async function pipelineWithStorage(actor: Principal, records: number) {
  const db = await getDb();
  const source = await sampleSource(actor, { count: records, batch_size: 1000 });
  const pipeline = await pipelineWithJobs(actor, [{ name: "fill", sourceResourceId: source.id }]);
  await executePipeline(db, actor, pipeline.id);
  while (await executeNext(db, executorOptions(actor.orgId))) {
    // run it to its end
  }
  return pipeline;
}

/** Runs the org's worker parts in turn until the plan has ended (or `rounds` pass). */
export async function driveToEnd(orgId: string, planId: string, rounds = 200): Promise<string> {
  const db = await getDb();
  const options = decommissionerOptions(orgId);
  for (let i = 0; i < rounds; i++) {
    await advanceNext(db, options);
    await clearNext(db, clearerOptions(orgId));
    await executeNext(db, executorOptions(orgId));
    const [plan] = await db.select({ state: decommissions.state }).from(decommissions).where(eq(decommissions.id, planId));
    expect(plan).toBeDefined();
    if (plan && ["done", "cancelled", "failed"].includes(plan.state)) return plan.state;
  }
  return "still going";
}
