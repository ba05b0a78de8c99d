// The executor: claims PENDING executions (or ones whose worker died: their lease ran out),
// runs the pipeline's jobs into storage and destinations, and records the outcome.
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, inArray, lt, sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { foregroundIdle } from "@/db/foreground";
import {
  executionLogs,
  executions,
  jobStates,
  jobs,
  pipelines,
  resources,
  storageRecords,
  type Execution,
  type Resource,
} from "@/db/schema";
import { destinationTable } from "@/lib/domain/destination-tables";
import { isForeignKeyViolation } from "@/lib/domain/sql-errors";
import { notifyInTx } from "@/lib/domain/events";
import { stagingFile } from "@/lib/domain/storage-files";
import { formatCount } from "@/lib/counts";
import type { LogLevel } from "@/lib/vocabulary";
import { sourceFor, type Batch, type SourceRecord } from "./connectors";
import { ensureDestinationTable, writeToDestination } from "./destinations";
import { insertRecords } from "./record-lines";

export interface ExecutorOptions {
  workerId: string;
  leaseMs: number;
  maxAttempts: number;
  /** Serve only this org's runs (tests sharing one database; a dedicated worker per tenant). */
  orgId?: string;
  /** A job's progress line is written at least this often while it runs (default 5 s). */
  progressEveryMs?: number;
  /** …and each time this many more records were read (default 10,000). */
  progressEveryRecords?: number;
}

export const DEFAULT_EXECUTOR = { leaseMs: 15_000, maxAttempts: 3 };

const PROGRESS_EVERY_RECORDS = 10_000;
const PROGRESS_EVERY_MS = 5_000;
/** The reasons of a job's first failed records are logged one by one; the rest are counted. */
export const FAILED_REASONS_LOGGED = 20;

type Job = typeof jobs.$inferSelect;

class LeaseLost extends Error {}
class StopRequested extends Error {}
/** A job points at a connection that was deleted: the run cannot go on, and the message says what to do. */
class ConnectionDeleted extends Error {}
/** A job could not read its source or write its records: the message names the job, the connection and the cause. */
class JobFailed extends Error {}
/** The job was removed from the pipeline (PATCH {jobs}) while this run read it. */
class JobRemoved extends Error {}

/** An error's message with its cause ("fetch failed (connect ECONNREFUSED 127.0.0.1:9)"). */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? error.cause.message : typeof error.cause === "string" ? error.cause : "";
  // drizzle's "Failed query: <the SQL> params: <every value>" would put the records themselves
  // into the run's log: the database's own words say what went wrong.
  if (cause && error.message.startsWith("Failed query:")) return cause;
  return cause && !error.message.includes(cause) ? `${error.message} (${cause})` : error.message;
}

/** Where a source reads from, for a log line: an http source's URL without credentials or query. */
function sourceAddress(config: Record<string, unknown>): string {
  if (typeof config.url !== "string") return "";
  try {
    const url = new URL(config.url);
    return ` (${url.origin}${url.pathname})`;
  } catch {
    return "";
  }
}

/** Refuses a job whose source or destination was soft-deleted (deleting a connection in use is allowed). */
function assertConnectionsLive(job: Job, source: Resource | undefined, destination: Resource | undefined): void {
  for (const [role, resource] of [
    ["source", source],
    ["destination", destination],
  ] as const) {
    if (!resource?.deleted) continue;
    const when = resource.deletedAt ? ` on ${resource.deletedAt.toISOString().replace(/\.\d{3}Z$/, "Z")}` : "";
    throw new ConnectionDeleted(
      `Job "${job.name}": its ${role} connection "${resource.name}" (${resource.id}) was deleted${when}. ` +
        "Point the job at another connection or delete the pipeline.",
    );
  }
}

/** The resources the jobs name, of the run's own org. */
async function resourcesOf(db: Db, orgId: string, list: Job[]): Promise<Map<string, Resource>> {
  const ids = [...new Set(list.flatMap((job) => [job.sourceResourceId, job.destinationResourceId]).filter((id): id is string => !!id))];
  if (ids.length === 0) return new Map();
  const rows = await db.select().from(resources).where(and(eq(resources.orgId, orgId), inArray(resources.id, ids)));
  return new Map(rows.map((row) => [row.id, row]));
}

async function log(db: Db, executionId: string, message: string, level: LogLevel = "INFO"): Promise<void> {
  await db.insert(executionLogs).values({ executionId, message, level });
}

/** What one job moved so far, for its progress lines. */
interface JobCounts {
  read: number;
  written: number;
  failed: number;
}

const progressLine = (job: Job, c: JobCounts) =>
  `Job "${job.name}": ${formatCount(c.read)} records read, ${formatCount(c.written)} written, ${formatCount(c.failed)} failed.`;

/** Takes one runnable execution: a lapsed lease first (its worker died), then the oldest PENDING. */
export async function claimExecution(db: Db, options: ExecutorOptions): Promise<Execution | null> {
  const scope = options.orgId ? eq(executions.orgId, options.orgId) : undefined;
  return db.transaction(async (tx) => {
    for (;;) {
      const lapsed = await tx
        .select({ id: executions.id, attempts: executions.attempts })
        .from(executions)
        .where(and(eq(executions.status, "EXECUTING"), lt(executions.leaseExpiresAt, sql`now()`), scope))
        .orderBy(asc(executions.leaseExpiresAt))
        .limit(1)
        .for("update", { skipLocked: true });
      const candidate =
        lapsed[0] ??
        (
          await tx
            .select({ id: executions.id, attempts: executions.attempts })
            .from(executions)
            .where(and(eq(executions.status, "PENDING"), scope))
            .orderBy(asc(executions.createdAt))
            .limit(1)
            .for("update", { skipLocked: true })
        )[0];
      if (!candidate) return null;

      if (candidate.attempts >= options.maxAttempts) {
        const [failed] = await tx
          .update(executions)
          .set({
            status: "ERROR",
            errorMessage: `Gave up after ${candidate.attempts} attempts: the worker running it stopped each time.`,
            finishedAt: new Date(),
            leaseOwner: null,
            leaseExpiresAt: null,
            modifiedAt: new Date(),
          })
          .where(eq(executions.id, candidate.id))
          .returning();
        if (failed) await settlePipeline(tx, failed);
        continue;
      }
      const [claimed] = await tx
        .update(executions)
        .set({
          status: "EXECUTING",
          leaseOwner: options.workerId,
          leaseExpiresAt: sql`now() + ${`${options.leaseMs} milliseconds`}::interval`,
          attempts: sql`${executions.attempts} + 1`,
          startedAt: sql`coalesce(${executions.startedAt}, now())`,
          modifiedAt: new Date(),
        })
        .where(eq(executions.id, candidate.id))
        .returning();
      if (!claimed) return null;
      await tx.update(pipelines).set({ lastRunStatus: "INPROGRESS" }).where(eq(pipelines.id, claimed.pipelineId));
      await notifyInTx(tx, { kind: "execution", org_id: claimed.orgId, pipeline_id: claimed.pipelineId, execution_id: claimed.id, status: "EXECUTING" });
      return claimed;
    }
  });
}

/** The pipeline's last-run fields follow a run that ended. */
async function settlePipeline(tx: Tx, execution: Execution): Promise<void> {
  await tx
    .update(pipelines)
    .set({ lastRunStatus: execution.status === "COMPLETED" ? "SUCCESS" : "FAILURE", lastRunTime: execution.finishedAt ?? new Date() })
    .where(eq(pipelines.id, execution.pipelineId));
  await notifyInTx(tx, {
    kind: "execution",
    org_id: execution.orgId,
    pipeline_id: execution.pipelineId,
    execution_id: execution.id,
    status: execution.status,
    successful_files: execution.successfulFiles,
    failed_files: execution.failedFiles,
    total_files: execution.totalFiles,
  });
}

/** Extends this worker's lease; tells whether a stop was asked. Throws when the lease is lost. */
async function renewLease(db: Db, execution: Execution, options: ExecutorOptions): Promise<boolean> {
  const [row] = await db
    .update(executions)
    .set({ leaseExpiresAt: sql`now() + ${`${options.leaseMs} milliseconds`}::interval` })
    .where(and(eq(executions.id, execution.id), eq(executions.leaseOwner, options.workerId), eq(executions.status, "EXECUTING")))
    .returning({ stop: executions.stopRequested });
  if (!row) throw new LeaseLost();
  return row.stop;
}

interface Counts {
  ok: number;
  failed: number;
}

async function runJobs(db: Db, execution: Execution, options: ExecutorOptions, counts: Counts): Promise<void> {
  const pipelineJobs = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.pipelineId, execution.pipelineId), eq(jobs.orgId, execution.orgId)))
    .orderBy(asc(jobs.position));
  if (pipelineJobs.length === 0) {
    await log(db, execution.id, "The pipeline has no jobs: nothing to move.");
    return;
  }
  // Every job's connections are checked before any moves data: a run that would fail at its
  // third job must not have half-loaded the first two.
  const before = await resourcesOf(db, execution.orgId, pipelineJobs);
  for (const job of pipelineJobs) {
    assertConnectionsLive(job, before.get(job.sourceResourceId ?? ""), before.get(job.destinationResourceId ?? ""));
  }
  const file = stagingFile(execution.pipelineId, execution.id);
  await fs.promises.mkdir(path.dirname(file), { recursive: true });

  for (const job of pipelineJobs) {
    try {
      await runJob(db, execution, options, counts, job, file);
    } catch (error) {
      if (!(error instanceof JobRemoved)) throw error;
      await log(db, execution.id, error.message, "WARN");
    }
  }
}

/** One job of a run: read its source in batches into storage (and its destination), then keep its state. */
async function runJob(db: Db, execution: Execution, options: ExecutorOptions, counts: Counts, job: Job, file: string): Promise<void> {
  // The run reads the jobs it started with; one removed since is skipped, and one removed while
  // it reads ends at its next write, with what it moved kept (as a stop would).
  const [still] = await db
    .select({ id: jobs.id })
    .from(jobs)
    .where(and(eq(jobs.id, job.id), eq(jobs.orgId, execution.orgId)));
  if (!still) throw new JobRemoved(`Job "${job.name}" was removed from the pipeline after this run started: skipped.`);
  // Read again at each job: a connection may be deleted while an earlier job runs.
  const linked = await resourcesOf(db, execution.orgId, [job]);
  const source = linked.get(job.sourceResourceId ?? "");
  const destination = linked.get(job.destinationResourceId ?? "");
  if (!source) throw new Error(`Job "${job.name}" has no source resource.`);
  assertConnectionsLive(job, source, destination);
  const table = destination ? destinationTable(destination.config) : null;
  if (table) await ensureDestinationTable(db, table);
  const [state] = await db.select().from(jobStates).where(eq(jobStates.jobId, job.id));
  // Lines name the connections as the user named them, never the internal table.
  const into = destination ? ` into connection "${destination.name}"` : " into the pipeline's storage";
  await log(db, execution.id, `Job "${job.name}": reading from source "${source.name}" (${source.connector})${into}.`);

  const config = { ...source.config, ...job.config };
  const read = sourceFor(source.connector)({ config, cursor: state?.cursor ?? null, seed: `${execution.id}:${job.id}` });
  const cannotRead = (error: unknown) =>
    new JobFailed(`Job "${job.name}": could not read from source "${source.name}"${sourceAddress(config)}: ${describeError(error)}`);
  const jobCounts: JobCounts = { read: 0, written: 0, failed: 0 };
  let progressAt = { time: Date.now(), read: 0 };
  const progress = async () => {
    progressAt = { time: Date.now(), read: jobCounts.read };
    await log(db, execution.id, progressLine(job, jobCounts));
  };
  // A slow source can take longer than the interval for one batch: the timer keeps the log moving.
  const everyMs = options.progressEveryMs ?? PROGRESS_EVERY_MS;
  const ticker = setInterval(() => {
    if (Date.now() - progressAt.time >= everyMs) void progress().catch(() => {});
  }, Math.max(everyMs / 5, 20));
  let cursor = state?.cursor ?? null;
  try {
    const batches = read[Symbol.asyncIterator]();
    for (;;) {
      // Each batch reads, writes and logs on this process's thread: requests being served go first.
      await foregroundIdle();
      let step: IteratorResult<Batch>;
      try {
        step = await batches.next();
      } catch (error) {
        throw cannotRead(error);
      }
      if (step.done) break;
      const batch = step.value;
      if (await renewLease(db, execution, options)) throw new StopRequested();
      const good = batch.records.filter((r: SourceRecord) => r.ok);
      const bad = batch.records.filter((r: SourceRecord) => !r.ok);
      counts.ok += good.length;
      counts.failed += bad.length;
      cursor = batch.cursor;
      // Each record is serialized once: the same text is stored, measured and staged to the file.
      const lines = good.map((r) => JSON.stringify(r.data));
      try {
        await storeBatch(db, execution, job.id, lines, table, counts);
      } catch (error) {
        if (isForeignKeyViolation(error, "storage_records_job_id_jobs_id_fk")) {
          counts.ok -= good.length;
          counts.failed -= bad.length;
          throw removedWhileRunning(job, jobCounts);
        }
        throw new JobFailed(`Job "${job.name}": could not write ${formatCount(good.length)} records${into}: ${describeError(error)}`);
      }
      if (lines.length) await fs.promises.appendFile(file, lines.join("\n") + "\n");
      const reasons = bad.slice(0, Math.max(FAILED_REASONS_LOGGED - jobCounts.failed, 0));
      if (reasons.length) {
        await db.insert(executionLogs).values(
          reasons.map((r) => ({
            executionId: execution.id,
            level: "WARN",
            message: `Job "${job.name}": a record failed: ${r.reason ?? "the source gave no reason"}.`,
          })),
        );
      }
      jobCounts.read += batch.records.length;
      jobCounts.written += good.length;
      jobCounts.failed += bad.length;
      if (jobCounts.read - progressAt.read >= (options.progressEveryRecords ?? PROGRESS_EVERY_RECORDS) || Date.now() - progressAt.time >= everyMs) await progress();
    }
  } finally {
    clearInterval(ticker);
  }
  try {
    await db
      .insert(jobStates)
      .values({ jobId: job.id, pipelineId: execution.pipelineId, cursor, connectorState: { last_rows: jobCounts.written }, updatedAt: new Date() })
      .onConflictDoUpdate({
        target: jobStates.jobId,
        // last_rows: this job's share of the run, shown on the pipeline page
        set: { cursor, connectorState: { ...state?.connectorState, last_rows: jobCounts.written }, updatedAt: new Date() },
      });
  } catch (error) {
    if (isForeignKeyViolation(error, "job_states_job_id_jobs_id_fk")) throw removedWhileRunning(job, jobCounts);
    throw error;
  }
  if (jobCounts.failed > FAILED_REASONS_LOGGED) {
    const rest = jobCounts.failed - FAILED_REASONS_LOGGED;
    await log(db, execution.id, `Job "${job.name}": ${formatCount(rest)} more ${rest === 1 ? "record" : "records"} failed (reasons are logged for the first ${FAILED_REASONS_LOGGED} only).`, "WARN");
  }
  await log(db, execution.id, `Job "${job.name}": done, ${progressLine(job, jobCounts).slice(`Job "${job.name}": `.length)}`);
}

function removedWhileRunning(job: Job, jobCounts: JobCounts): JobRemoved {
  const n = jobCounts.written;
  return new JobRemoved(`Job "${job.name}" was removed from the pipeline while it ran: it stopped after ${formatCount(n)} ${n === 1 ? "record" : "records"}.`);
}

async function storeBatch(db: Db, execution: Execution, jobId: string, lines: string[], table: string | null, counts: Counts) {
  await db.transaction(async (tx) => {
    if (lines.length) {
      await insertRecords(tx, { orgId: execution.orgId, pipelineId: execution.pipelineId, jobId, executionId: execution.id }, lines);
      if (table) await writeToDestination(tx, table, { pipelineId: execution.pipelineId, executionId: execution.id }, lines);
      const [first] = await tx
        .update(pipelines)
        .set({ storageStatus: "InUse" })
        .where(and(eq(pipelines.id, execution.pipelineId), eq(pipelines.storageStatus, "Cleared")))
        .returning({ id: pipelines.id });
      if (first) await notifyInTx(tx, { kind: "storage", org_id: execution.orgId, pipeline_id: execution.pipelineId, storage_status: "InUse" });
    }
    await tx
      .update(executions)
      .set({ successfulFiles: counts.ok, failedFiles: counts.failed, totalFiles: counts.ok + counts.failed, modifiedAt: new Date() })
      .where(eq(executions.id, execution.id));
    await notifyInTx(tx, {
      kind: "execution",
      org_id: execution.orgId,
      pipeline_id: execution.pipelineId,
      execution_id: execution.id,
      status: "EXECUTING",
      successful_files: counts.ok,
      failed_files: counts.failed,
      total_files: counts.ok + counts.failed,
    });
  });
}

/** Runs a claimed execution to its end (or until its lease is lost to another worker). */
export async function runExecution(db: Db, execution: Execution, options: ExecutorOptions): Promise<void> {
  const counts: Counts = { ok: 0, failed: 0 };
  const started = Date.now();
  // The lease is kept alive on a timer too, so a slow batch does not look like a dead worker.
  const heartbeat = setInterval(() => void renewLease(db, execution, options).catch(() => {}), Math.max(options.leaseMs / 3, 50));
  let status: Execution["status"] = "COMPLETED";
  let errorMessage: string | null = null;
  try {
    if (execution.attempts > 1) {
      // A retry starts over: what the dead attempt stored would otherwise count twice.
      await db.delete(storageRecords).where(eq(storageRecords.executionId, execution.id));
      await log(db, execution.id, `Attempt ${execution.attempts}: the previous worker stopped; starting over.`, "WARN");
    } else {
      await log(db, execution.id, `Run started (${execution.method}).`);
    }
    await runJobs(db, execution, options, counts);
  } catch (error) {
    if (error instanceof LeaseLost) return; // another worker owns it now, or it is gone
    if (error instanceof StopRequested) {
      status = "STOPPED";
      errorMessage = "Stopped on request.";
    } else {
      status = "ERROR";
      errorMessage = error instanceof Error ? error.message : String(error);
      // Written for the person reading the run's log: what broke and what to do about it.
      if (error instanceof ConnectionDeleted || error instanceof JobFailed) await log(db, execution.id, error.message, "ERROR");
    }
  } finally {
    clearInterval(heartbeat);
  }
  await log(
    db,
    execution.id,
    `Run ${status.toLowerCase()}: ${formatCount(counts.ok + counts.failed)} records read, ${formatCount(counts.ok)} written, ${formatCount(counts.failed)} failed.`,
    status === "COMPLETED" ? "INFO" : "ERROR",
  );
  await db.transaction(async (tx) => {
    const [finished] = await tx
      .update(executions)
      .set({
        status,
        errorMessage,
        successfulFiles: counts.ok,
        failedFiles: counts.failed,
        totalFiles: counts.ok + counts.failed,
        finishedAt: new Date(),
        executionTime: (Date.now() - started) / 1000,
        leaseOwner: null,
        leaseExpiresAt: null,
        modifiedAt: new Date(),
      })
      .where(and(eq(executions.id, execution.id), eq(executions.leaseOwner, options.workerId)))
      .returning();
    if (finished) await settlePipeline(tx, finished);
  });
}

/** Claims and runs one execution; false when there was nothing to run. */
export async function executeNext(db: Db, options: ExecutorOptions): Promise<boolean> {
  const execution = await claimExecution(db, options);
  if (!execution) return false;
  await runExecution(db, execution, options);
  return true;
}
