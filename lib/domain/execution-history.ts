// Runs across the org (the console's Executions page) and the log lines of one run.
import { and, asc, eq, gt, gte, inArray, lte, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { executionLogs, executions, pipelines, type Execution } from "@/db/schema";
import { notFound } from "./errors";
import { afterCursor, decodeCursor, keysetPage, orderBy, type Sort } from "./keyset";
import { visibleTo } from "./pipeline-access";
import type { Principal } from "./principal";

export type ExecutionWithPipeline = Execution & { pipelineName: string };

const newestFirst: Sort<ExecutionWithPipeline> = {
  name: "-created_at",
  desc: true,
  keys: [
    { expr: sql`${executions.createdAt}`, cast: "timestamptz", read: (e) => e.createdAt.toISOString() },
    { expr: sql`${executions.id}`, cast: "uuid", read: (e) => e.id },
  ],
};

export interface OrgExecutionQuery {
  limit: number;
  cursor?: string;
  pipelineId?: string;
  statuses?: Execution["status"][];
  trigger?: Execution["triggerKind"];
  startDate?: Date;
  endDate?: Date;
}

/** Runs of the pipelines the actor may see, newest first, keyset-paged. */
export async function listOrgExecutions(db: Queryable, actor: Principal, query: OrgExecutionQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor, newestFirst as Sort<unknown>) : null;
  const filters: (SQL | undefined)[] = [
    eq(executions.orgId, actor.orgId),
    visibleTo(actor),
    query.pipelineId ? eq(executions.pipelineId, query.pipelineId) : undefined,
    query.statuses?.length ? inArray(executions.status, query.statuses) : undefined,
    query.trigger ? eq(executions.triggerKind, query.trigger) : undefined,
    query.startDate ? gte(executions.createdAt, query.startDate) : undefined,
    query.endDate ? lte(executions.createdAt, query.endDate) : undefined,
  ];
  const rows = await db
    .select({ execution: executions, pipelineName: pipelines.name })
    .from(executions)
    .innerJoin(pipelines, eq(pipelines.id, executions.pipelineId))
    .where(and(...filters, cursor ? afterCursor(newestFirst, cursor) : undefined))
    .orderBy(...orderBy(newestFirst, cursor?.backwards ?? false))
    .limit(query.limit + 1);
  const page = keysetPage(
    newestFirst,
    rows.map((r) => ({ ...r.execution, pipelineName: r.pipelineName })),
    query.limit,
    cursor,
  );
  return { results: page.rows, next: page.next, previous: page.previous };
}

/** One run, if its pipeline is visible to the actor. */
export async function getExecution(db: Queryable, actor: Principal, id: string): Promise<ExecutionWithPipeline> {
  const [row] = await db
    .select({ execution: executions, pipelineName: pipelines.name })
    .from(executions)
    .innerJoin(pipelines, eq(pipelines.id, executions.pipelineId))
    .where(and(eq(executions.id, id), eq(executions.orgId, actor.orgId), visibleTo(actor)));
  if (!row) throw notFound();
  return { ...row.execution, pipelineName: row.pipelineName };
}

/** Log lines of a run after line `afterId` (0: from the start), oldest first. */
export async function executionLogLines(db: Queryable, actor: Principal, executionId: string, afterId: number, limit: number) {
  const execution = await getExecution(db, actor, executionId);
  const lines = await db
    .select({ id: executionLogs.id, at: executionLogs.at, level: executionLogs.level, message: executionLogs.message })
    .from(executionLogs)
    .where(and(eq(executionLogs.executionId, executionId), gt(executionLogs.id, afterId)))
    .orderBy(asc(executionLogs.id))
    .limit(limit);
  return { execution, lines };
}
