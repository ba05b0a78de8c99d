// What deleting a pipeline removes and what stays, counted from the database, for the first
// step of the delete wizard (and for anyone who wants to know before a script deletes).
import fs from "node:fs";
import path from "node:path";
import { and, count, eq, getTableName, inArray, sql } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { cascadeDependents, type CascadeDependent } from "@/db/cascade";
import type { Queryable } from "@/db/client";
import {
  executionLogs,
  executions,
  jobStates,
  jobs,
  pipelineKeys,
  pipelineShares,
  pipelines,
  resources,
  schedules,
  storageRecords,
} from "@/db/schema";
import { RUNNING_EXECUTION_STATUSES } from "@/lib/vocabulary";
import { destinationTableOrNull } from "./destination-tables";
import { loadVisiblePipeline } from "./pipeline-access";
import type { Principal } from "./principal";
import { storageDir } from "./storage-files";

async function filesIn(dir: string): Promise<{ files: number; bytes: number }> {
  try {
    const names = await fs.promises.readdir(dir);
    const sizes = await Promise.all(names.map(async (n) => (await fs.promises.stat(path.join(dir, n))).size));
    return { files: names.length, bytes: sizes.reduce((a, b) => a + b, 0) };
  } catch {
    return { files: 0, bytes: 0 };
  }
}

/** The tables a pipeline's delete empties of its rows, by ON DELETE CASCADE (read from the schema). */
export const PIPELINE_DEPENDENTS: readonly CascadeDependent[] = cascadeDependents(pipelines);

/** How many rows of each dependent table (by SQL name) deleting the pipeline removes. */
export async function removedRows(
  db: Queryable,
  pipelineId: string,
  dependents: readonly CascadeDependent[] = PIPELINE_DEPENDENTS,
): Promise<Record<string, number>> {
  const counts = await Promise.all(
    dependents.map(async ({ table, name, where }) => {
      const [row] = await db.select({ n: count() }).from(table).where(where(eq(pipelines.id, pipelineId)));
      return [name, row?.n ?? 0] as const;
    }),
  );
  return Object.fromEntries(counts);
}

export async function deletionImpact(db: Queryable, actor: Principal, pipelineId: string) {
  const { pipeline } = await loadVisiblePipeline(db, actor, pipelineId);
  const [rows, running, storage, files] = await Promise.all([
    removedRows(db, pipeline.id),
    db
      .select({ n: count() })
      .from(executions)
      .where(and(eq(executions.pipelineId, pipeline.id), inArray(executions.status, [...RUNNING_EXECUTION_STATUSES]))),
    db
      .select({ bytes: sql<string>`coalesce(sum(${storageRecords.bytes}), 0)` })
      .from(storageRecords)
      .where(eq(storageRecords.pipelineId, pipeline.id)),
    filesIn(storageDir(pipeline.id)),
  ]);
  const rowsOf = (table: PgTable) => rows[getTableName(table)] ?? 0;
  const used = await db
    .select({ id: resources.id, name: resources.name, kind: resources.kind, connector: resources.connector, config: resources.config })
    .from(jobs)
    .innerJoin(resources, sql`${resources.id} in (${jobs.sourceResourceId}, ${jobs.destinationResourceId})`)
    .where(and(eq(jobs.pipelineId, pipeline.id), eq(resources.orgId, actor.orgId)));
  const unique = [...new Map(used.map((r) => [r.id, r])).values()];

  return {
    pipeline: { id: pipeline.id, name: pipeline.name, active: pipeline.active, storageStatus: pipeline.storageStatus },
    runningExecutions: running[0]?.n ?? 0,
    removed: {
      jobs: rowsOf(jobs),
      jobStates: rowsOf(jobStates),
      executions: rowsOf(executions),
      executionLogs: rowsOf(executionLogs),
      schedule: rowsOf(schedules) > 0,
      keys: rowsOf(pipelineKeys),
      shares: rowsOf(pipelineShares),
      storageRecords: rowsOf(storageRecords),
      storageBytes: Number(storage[0]?.bytes ?? 0),
      storageFiles: files.files,
      storageFileBytes: files.bytes,
      /** Every dependent table's count by SQL name: one added to the schema is counted here too. */
      byTable: rows,
    },
    kept: {
      resources: unique.map(({ id, name, kind, connector }) => ({ id, name, kind, connector })),
      destinationTables: unique.flatMap((r) => {
        const table = r.kind === "destination" ? destinationTableOrNull(r.config) : null;
        return table ? [table] : [];
      }),
    },
  };
}
