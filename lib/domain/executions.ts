// Executions (runs) of pipelines. Recording a finished run keeps the pipeline's counters true.
import { eq, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { executions, pipelines, type Execution, type Pipeline } from "@/db/schema";

export interface PastRun {
  status: Execution["status"];
  method: Execution["method"];
  startedAt: Date;
  seconds: number;
  successfulFiles: number;
  failedFiles: number;
  errorMessage?: string | null;
}

const finished = new Set<Execution["status"]>(["COMPLETED", "STOPPED", "ERROR"]);

/** Imports a run from history (demo data, migrations from other systems). */
export async function recordPastRun(tx: Queryable, pipeline: Pick<Pipeline, "id" | "orgId">, run: PastRun) {
  const done = finished.has(run.status);
  const finishedAt = new Date(run.startedAt.getTime() + run.seconds * 1000);
  const [row] = await tx
    .insert(executions)
    .values({
      orgId: pipeline.orgId,
      pipelineId: pipeline.id,
      method: run.method,
      status: run.status,
      attempts: run.status === "PENDING" ? 0 : 1,
      totalFiles: run.successfulFiles + run.failedFiles,
      successfulFiles: run.successfulFiles,
      failedFiles: run.failedFiles,
      errorMessage: run.errorMessage ?? null,
      startedAt: run.status === "PENDING" ? null : run.startedAt,
      finishedAt: done ? finishedAt : null,
      executionTime: done ? run.seconds : null,
      createdAt: run.startedAt,
      modifiedAt: done ? finishedAt : run.startedAt,
    })
    .returning();
  if (!row) throw new Error("insert returned no row");
  const lastRunStatus = run.status === "COMPLETED" ? "SUCCESS" : done ? "FAILURE" : "INPROGRESS";
  await tx
    .update(pipelines)
    .set({
      runCount: sql`${pipelines.runCount} + 1`,
      lastRunStatus,
      lastRunTime: done ? finishedAt : undefined,
      storageStatus: "InUse",
    })
    .where(eq(pipelines.id, pipeline.id));
  return row;
}
