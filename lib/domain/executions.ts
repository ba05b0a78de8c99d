// Executions (runs): starting one, listing them, and importing past runs.
import { and, count, eq, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { executionLogs, executions, pipelines, storageRecords, type Execution, type Pipeline } from "@/db/schema";
import { FINISHED_EXECUTION_STATUSES, RUNNING_EXECUTION_STATUSES } from "@/lib/vocabulary";
import { auditInTx, type AuditActor } from "./audit";
import { notifyInTx } from "./events";
import { DomainError, invalid, notFound } from "./errors";
import { afterCursor, decodeCursor, keysetPage, orderBy, pageOffset, type Sort } from "./keyset";
import { assertCanChange, loadVisiblePipeline } from "./pipeline-access";
import type { Principal } from "./principal";

export type { Execution };

export const cannotStartWhileClearing = () =>
  new DomainError(
    "conflict",
    "Cannot start a run while the pipeline's storage is being cleared.",
    null,
    "CannotStartWhileClearingStorage",
  );

/** Who asks for a run: kept on it (with a snapshot of the email or key description) for the lists. */
export type RunTrigger =
  | { kind: "user"; userId: string | null; email: string }
  | { kind: "api_key"; keyId: string; description: string };

export interface StartOptions {
  method: Execution["method"];
  trigger: RunTrigger;
  /** A client-chosen id: asking twice with the same id starts one run. */
  executionId?: string;
  reason?: string | null;
}

/**
 * Queues a run of a pipeline the caller may start: PENDING until a worker claims it. The run
 * counter goes up now and last_run_status reads RESTARTING until the run starts.
 */
export async function startExecutionInTx(
  tx: Queryable,
  actor: AuditActor,
  pipeline: Pipeline,
  options: StartOptions,
): Promise<{ pipeline: Pipeline; execution: Execution }> {
  if (options.executionId) {
    const [existing] = await tx
      .select()
      .from(executions)
      .where(and(eq(executions.id, options.executionId), eq(executions.orgId, pipeline.orgId)));
    if (existing && existing.pipelineId === pipeline.id) return { pipeline, execution: existing };
    if (existing) throw invalid("This execution id belongs to another pipeline.", "execution_id");
  }
  if (!pipeline.active) {
    throw new DomainError("inactive", `Pipeline '${pipeline.name}' is inactive, please activate the pipeline`, "pipeline_id");
  }
  if (pipeline.storageStatus === "Clearing") throw cannotStartWhileClearing();

  const [execution] = await tx
    .insert(executions)
    .values({
      id: options.executionId,
      orgId: pipeline.orgId,
      pipelineId: pipeline.id,
      method: options.method,
      status: "PENDING",
      triggeredBy: options.trigger.kind === "user" ? options.trigger.userId : null,
      triggerKind: options.trigger.kind,
      triggerKeyId: options.trigger.kind === "api_key" ? options.trigger.keyId : null,
      triggerLabel: options.trigger.kind === "user" ? options.trigger.email : options.trigger.description,
    })
    .returning();
  if (!execution) throw new Error("insert returned no row");
  const [updated] = await tx
    .update(pipelines)
    .set({ runCount: sql`${pipelines.runCount} + 1`, lastRunStatus: "RESTARTING" })
    .where(and(eq(pipelines.id, pipeline.id), eq(pipelines.orgId, pipeline.orgId)))
    .returning();
  if (!updated) throw notFound();
  await auditInTx(tx, actor, {
    action: "pipeline.execute",
    objectType: "pipeline",
    objectId: pipeline.id,
    objectName: pipeline.name,
    reason: options.reason,
    details: { execution_id: execution.id, method: options.method },
  });
  await notifyInTx(tx, { kind: "execution", org_id: pipeline.orgId, pipeline_id: pipeline.id, execution_id: execution.id, status: execution.status });
  return { pipeline: updated, execution };
}

/** Starts a run for a signed-in caller who may see the pipeline. */
export async function executePipeline(db: Db, actor: Principal, pipelineId: string, executionId?: string, reason?: string | null) {
  return db.transaction(async (tx) => {
    // Locked, so a concurrent clear or pause waits for this run to be recorded, or wins first.
    const { pipeline } = await loadVisiblePipeline(tx, actor, pipelineId, true);
    return startExecutionInTx(tx, actor, pipeline, {
      method: "DIRECT",
      trigger: { kind: "user", userId: actor.userId, email: actor.email },
      executionId,
      reason,
    });
  });
}

// ---------------------------------------------------------------- listing

const executionSort: Sort<Execution> = {
  name: "-created_at",
  desc: true,
  keys: [
    { expr: sql`${executions.createdAt}`, cast: "timestamptz", read: (e) => e.createdAt.toISOString() },
    { expr: sql`${executions.id}`, cast: "uuid", read: (e) => e.id },
  ],
};

export interface ExecutionListQuery {
  page: number;
  pageSize: number;
  startDate?: Date;
  endDate?: Date;
  statuses?: Execution["status"][];
  cursor?: string;
}

export interface ExecutionList {
  count: number;
  results: Execution[];
  hasNext: boolean;
  hasPrevious: boolean;
  nextCursor: string | null;
  previousCursor: string | null;
}

/** A pipeline's runs, newest first: its owner or an org admin only, as documented. */
export async function listPipelineExecutions(
  db: Queryable,
  actor: Principal,
  pipelineId: string,
  query: ExecutionListQuery,
): Promise<ExecutionList> {
  const access = await loadVisiblePipeline(db, actor, pipelineId);
  assertCanChange(actor, access);
  const cursor = query.cursor ? decodeCursor(query.cursor, executionSort as Sort<unknown>) : null;
  const filters: (SQL | undefined)[] = [
    eq(executions.pipelineId, pipelineId),
    eq(executions.orgId, actor.orgId),
    query.startDate ? gte(executions.createdAt, query.startDate) : undefined,
    query.endDate ? lte(executions.createdAt, query.endDate) : undefined,
    query.statuses?.length ? inArray(executions.status, query.statuses) : undefined,
  ];
  const offset = pageOffset(query.page, query.pageSize, cursor);
  const [rows, [total]] = await Promise.all([
    db
      .select()
      .from(executions)
      .where(and(...filters, cursor ? afterCursor(executionSort, cursor) : undefined))
      .orderBy(...orderBy(executionSort, cursor?.backwards ?? false))
      .limit(query.pageSize + 1)
      .offset(offset),
    db.select({ n: count() }).from(executions).where(and(...filters)),
  ]);
  const n = total?.n ?? 0;
  if (!cursor && query.page > 1 && offset >= n) throw notFound("Invalid page.");
  const page = keysetPage(executionSort, rows, query.pageSize, cursor);
  return {
    count: n,
    results: page.rows,
    hasNext: cursor ? page.next !== null : rows.length > query.pageSize,
    hasPrevious: cursor ? page.previous !== null : query.page > 1,
    nextCursor: page.next,
    previousCursor: page.previous,
  };
}

// ---------------------------------------------------------------- history

export interface PastRun {
  status: Execution["status"];
  method: Execution["method"];
  startedAt: Date;
  seconds: number;
  successfulFiles: number;
  failedFiles: number;
  errorMessage?: string | null;
  trigger?: "user" | "api_key";
  triggerLabel?: string | null;
}

const finished = new Set<Execution["status"]>(FINISHED_EXECUTION_STATUSES);

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
      // Imported history has no person or key behind it: a scheduled run reads as its schedule.
      triggerKind: run.method === "SCHEDULED" ? "schedule" : (run.trigger ?? "user"),
      triggerLabel: run.triggerLabel ?? null,
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
  // The records the run says it moved are in storage, so storage "In use" has something in it.
  if (run.successfulFiles > 0) {
    await tx.insert(storageRecords).values(
      Array.from({ length: run.successfulFiles }, (_, n) => {
        const data = { run: row.id, n };
        return { orgId: pipeline.orgId, pipelineId: pipeline.id, executionId: row.id, data, bytes: Buffer.byteLength(JSON.stringify(data)) };
      }),
    );
  }
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

/**
 * Stops a run: a PENDING one at once; an EXECUTING one at its worker's next batch (it ends
 * STOPPED). Owner or org admin. Finished runs are left as they are.
 */
export async function stopExecution(db: Db, actor: Principal, executionId: string, reason?: string | null): Promise<Execution> {
  return db.transaction(async (tx) => {
    const [execution] = await tx
      .select()
      .from(executions)
      .where(and(eq(executions.id, executionId), eq(executions.orgId, actor.orgId)))
      .for("update");
    if (!execution) throw notFound();
    const access = await loadVisiblePipeline(tx, actor, execution.pipelineId);
    assertCanChange(actor, access);
    return stopRunInTx(tx, actor, execution, access.pipeline.name, reason);
  });
}

/**
 * Stops one run the caller has locked and may stop: a PENDING run is STOPPED now, an EXECUTING
 * one is asked to stop (its worker ends it STOPPED at the next batch). The run's log says who
 * asked and why; the audit log too. A finished run is returned as it is.
 */
export async function stopRunInTx(tx: Queryable, actor: AuditActor, execution: Execution, pipelineName: string, reason?: string | null, context?: string): Promise<Execution> {
  if (execution.status !== "PENDING" && execution.status !== "EXECUTING") return execution;
  const now = new Date();
  const [stopped] = await tx
    .update(executions)
    .set(
      execution.status === "PENDING"
        ? { status: "STOPPED", stopRequested: true, finishedAt: now, errorMessage: "Stopped before it started.", modifiedAt: now }
        : { stopRequested: true, modifiedAt: now },
    )
    .where(and(eq(executions.id, execution.id), eq(executions.orgId, execution.orgId)))
    .returning();
  if (!stopped) throw notFound();
  const what = stopped.status === "STOPPED" ? "Stopped before it started" : "Stop requested";
  await tx.insert(executionLogs).values({
    executionId: stopped.id,
    level: "WARN",
    message: `${what} by ${actor.email}${context ? ` (${context})` : ""}${reason ? `: ${reason}` : "."}`,
  });
  if (stopped.status === "STOPPED") {
    await tx
      .update(pipelines)
      .set({ lastRunStatus: "FAILURE", lastRunTime: now })
      .where(and(eq(pipelines.id, stopped.pipelineId), eq(pipelines.orgId, stopped.orgId)));
    await notifyInTx(tx, { kind: "execution", org_id: stopped.orgId, pipeline_id: stopped.pipelineId, execution_id: stopped.id, status: "STOPPED" });
  }
  await auditInTx(tx, actor, {
    action: "execution.stop",
    objectType: "execution",
    objectId: stopped.id,
    objectName: pipelineName,
    reason,
  });
  return stopped;
}

/** The pipeline's pending and executing runs, locked for the caller's transaction. */
export async function runningRunsForUpdate(tx: Queryable, pipeline: Pick<Pipeline, "id" | "orgId">): Promise<Execution[]> {
  return tx
    .select()
    .from(executions)
    .where(and(eq(executions.pipelineId, pipeline.id), eq(executions.orgId, pipeline.orgId), inArray(executions.status, [...RUNNING_EXECUTION_STATUSES])))
    .for("update");
}

// ---------------------------------------------------------------- one run, and what runs

/**
 * One run of a pipeline, by the same rule as the runs list (owner or org admin). A missing
 * pipeline and a missing run are both not_found; the run's carries field "run_id" so a
 * surface can say which of the two it did not find.
 */
export async function getPipelineRun(db: Queryable, actor: Principal, pipelineId: string, executionId: string): Promise<Execution> {
  const access = await loadVisiblePipeline(db, actor, pipelineId);
  assertCanChange(actor, access);
  const [execution] = await db
    .select()
    .from(executions)
    .where(and(eq(executions.id, executionId), eq(executions.pipelineId, pipelineId), eq(executions.orgId, actor.orgId)));
  if (!execution) throw new DomainError("not_found", "Not found.", "run_id");
  return execution;
}
