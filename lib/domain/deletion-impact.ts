// What deleting a pipeline removes and what stays, counted from the database, for the first
// step of the delete wizard (and for anyone who wants to know before a script deletes).
import fs from "node:fs";
import path from "node:path";
import { and, count, eq, inArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { executionLogs, executions, jobStates, jobs, pipelineKeys, pipelineShares, resources, schedules, storageRecords } from "@/db/schema";
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

export async function deletionImpact(db: Queryable, actor: Principal, pipelineId: string) {
  const { pipeline } = await loadVisiblePipeline(db, actor, pipelineId);
  const one = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? 0;
  const byPipeline = eq(executions.pipelineId, pipelineId);
  const [jobRows, jobStateRows, executionRows, running, logRows, scheduleRows, keyRows, shareRows, storage, files] = await Promise.all([
    one(db.select({ n: count() }).from(jobs).where(and(eq(jobs.pipelineId, pipelineId), eq(jobs.orgId, actor.orgId)))),
    one(db.select({ n: count() }).from(jobStates).where(eq(jobStates.pipelineId, pipelineId))),
    one(db.select({ n: count() }).from(executions).where(and(byPipeline, eq(executions.orgId, actor.orgId)))),
    one(db.select({ n: count() }).from(executions).where(and(byPipeline, inArray(executions.status, ["PENDING", "EXECUTING"])))),
    one(
      db
        .select({ n: count() })
        .from(executionLogs)
        .innerJoin(executions, eq(executions.id, executionLogs.executionId))
        .where(byPipeline),
    ),
    one(db.select({ n: count() }).from(schedules).where(eq(schedules.pipelineId, pipelineId))),
    one(db.select({ n: count() }).from(pipelineKeys).where(and(eq(pipelineKeys.pipelineId, pipelineId), eq(pipelineKeys.orgId, actor.orgId)))),
    one(db.select({ n: count() }).from(pipelineShares).where(eq(pipelineShares.pipelineId, pipelineId))),
    db
      .select({ rows: count(), bytes: sql<string>`coalesce(sum(${storageRecords.bytes}), 0)` })
      .from(storageRecords)
      .where(eq(storageRecords.pipelineId, pipelineId)),
    filesIn(storageDir(pipelineId)),
  ]);
  const used = await db
    .select({ id: resources.id, name: resources.name, kind: resources.kind, connector: resources.connector, config: resources.config })
    .from(jobs)
    .innerJoin(resources, sql`${resources.id} in (${jobs.sourceResourceId}, ${jobs.destinationResourceId})`)
    .where(and(eq(jobs.pipelineId, pipelineId), eq(resources.orgId, actor.orgId)));
  const unique = [...new Map(used.map((r) => [r.id, r])).values()];

  return {
    pipeline: { id: pipeline.id, name: pipeline.name, active: pipeline.active, storageStatus: pipeline.storageStatus },
    runningExecutions: running,
    removed: {
      jobs: jobRows,
      jobStates: jobStateRows,
      executions: executionRows,
      executionLogs: logRows,
      schedule: scheduleRows > 0,
      keys: keyRows,
      shares: shareRows,
      storageRecords: storage[0]?.rows ?? 0,
      storageBytes: Number(storage[0]?.bytes ?? 0),
      storageFiles: files.files,
      storageFileBytes: files.bytes,
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
