// A run, end to end in one process: execute → the executor claims it → records land in
// storage and in the destination table → counts, statuses and the incremental cursor are kept.
import { asc, count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { executionLogs, executions, jobStates, jobs, pipelines, resources, storageRecords } from "@/db/schema";
import { executePipeline, listPipelineExecutions, stopExecution } from "@/lib/domain/executions";
import { replaceJobs } from "@/lib/domain/pipeline-jobs";
import { deleteResource } from "@/lib/domain/resources";
import { claimExecution, executeNext, runExecution } from "@/lib/worker/executor";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { executorOptions, pipelineWithJobs, sampleSource, tableDestination } from "./support";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});

async function runAll() {
  const db = await getDb();
  const options = executorOptions(org.id);
  while (await executeNext(db, options)) {
    // until nothing is pending
  }
}

describe("executor", () => {
  it("runs the jobs into storage and the destination, and settles counters", async () => {
    const db = await getDb();
    const table = `t_${Date.now()}`;
    const source = await sampleSource(org.admin, { count: 1200, failure_rate: 0.1, batch_size: 500 });
    const destination = await tableDestination(org.admin, table);
    const pipeline = await pipelineWithJobs(org.admin, [{ name: "load", sourceResourceId: source.id, destinationResourceId: destination.id }]);

    const { execution } = await executePipeline(db, org.admin, pipeline.id);
    expect(execution.status).toBe("PENDING");
    await runAll();

    const [done] = await db.select().from(executions).where(eq(executions.id, execution.id));
    expect(done).toMatchObject({ status: "COMPLETED", attempts: 1, totalFiles: 1200, errorMessage: null });
    expect(done!.successfulFiles + done!.failedFiles).toBe(1200);
    expect(done!.failedFiles).toBeGreaterThan(60); // ~10% of 1,200
    expect(done!.failedFiles).toBeLessThan(200);
    expect(done!.executionTime).toBeGreaterThan(0);

    const [stored] = await db.select({ n: count() }).from(storageRecords).where(eq(storageRecords.pipelineId, pipeline.id));
    expect(stored!.n).toBe(done!.successfulFiles);
    const [loaded] = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from ${sql.identifier(`dest_${table}`)}`));
    expect(Number(loaded!.n)).toBe(done!.successfulFiles);

    const [after] = await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id));
    expect(after).toMatchObject({ lastRunStatus: "SUCCESS", storageStatus: "InUse", runCount: 1 });
    expect(after!.lastRunTime).not.toBeNull();

    const [state] = await db.select().from(jobStates).where(eq(jobStates.pipelineId, pipeline.id));
    expect(state!.cursor).toBe("1200");
    // What this job moved, which the pipeline page shows as its last rows.
    expect(state!.connectorState.last_rows).toBe(done!.successfulFiles);
    const logs = await db.select().from(executionLogs).where(eq(executionLogs.executionId, execution.id));
    expect(logs.map((l) => l.message).join("\n")).toMatch(/Run completed: 1,200 records read, [\d,]+ written, \d+ failed\./);

    // The next run continues from the cursor: the sample numbers go on from 1,201.
    await executePipeline(db, org.admin, pipeline.id);
    await runAll();
    const [next] = await db.select().from(jobStates).where(eq(jobStates.pipelineId, pipeline.id));
    expect(next!.cursor).toBe("2400");
  });

  it("a pipeline without jobs completes with nothing to move", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithJobs(org.admin, []);
    const { execution } = await executePipeline(db, org.admin, pipeline.id);
    await runAll();
    const [done] = await db.select().from(executions).where(eq(executions.id, execution.id));
    expect(done).toMatchObject({ status: "COMPLETED", totalFiles: 0 });
    const [after] = await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id));
    expect(after).toMatchObject({ lastRunStatus: "SUCCESS", storageStatus: "Cleared" });
  });

  it("a run whose worker died is taken again after its lease ends, attempts counted, up to the limit", async () => {
    const db = await getDb();
    const source = await sampleSource(org.admin, { count: 10 });
    const pipeline = await pipelineWithJobs(org.admin, [{ name: "j", sourceResourceId: source.id }]);
    const { execution } = await executePipeline(db, org.admin, pipeline.id);

    // A worker claims it and dies: its lease is left to lapse.
    const dead = { ...executorOptions(org.id), leaseMs: 100 };
    const claimed = await claimExecution(db, dead);
    expect(claimed?.id).toBe(execution.id);
    await new Promise((r) => setTimeout(r, 150));

    const alive = executorOptions(org.id);
    const retaken = await claimExecution(db, alive);
    expect(retaken).toMatchObject({ id: execution.id, attempts: 2 });
    await runExecution(db, retaken!, alive);
    const [done] = await db.select().from(executions).where(eq(executions.id, execution.id));
    expect(done).toMatchObject({ status: "COMPLETED", attempts: 2, successfulFiles: 10 });
    const [stored] = await db.select({ n: count() }).from(storageRecords).where(eq(storageRecords.executionId, execution.id));
    expect(stored!.n).toBe(10);

    // Dying every time: after maxAttempts the run is given up as ERROR.
    const second = await executePipeline(db, org.admin, pipeline.id);
    for (let attempt = 1; attempt <= 3; attempt++) {
      await claimExecution(db, { ...dead, maxAttempts: 3 });
      await new Promise((r) => setTimeout(r, 150));
    }
    expect(await claimExecution(db, { ...alive, maxAttempts: 3 })).toBeNull();
    const [gaveUp] = await db.select().from(executions).where(eq(executions.id, second.execution.id));
    expect(gaveUp).toMatchObject({ status: "ERROR", attempts: 3 });
    expect(gaveUp!.errorMessage).toMatch(/Gave up after 3 attempts/);
  });

  it("a stop request ends an executing run as STOPPED", async () => {
    const db = await getDb();
    const source = await sampleSource(org.admin, { count: 5000, batch_size: 100, delay_ms: 0.2 });
    const pipeline = await pipelineWithJobs(org.admin, [{ name: "slow", sourceResourceId: source.id }]);
    const { execution } = await executePipeline(db, org.admin, pipeline.id);
    const options = executorOptions(org.id);
    const claimed = await claimExecution(db, options);
    const running = runExecution(db, claimed!, options);
    await new Promise((r) => setTimeout(r, 100));
    await stopExecution(db, org.admin, execution.id);
    await running;
    const [done] = await db.select().from(executions).where(eq(executions.id, execution.id));
    expect(done!.status).toBe("STOPPED");
    expect(done!.totalFiles).toBeLessThan(5000);
    const list = await listPipelineExecutions(db, org.admin, pipeline.id, { page: 1, pageSize: 10 });
    expect(list.results[0]?.status).toBe("STOPPED");
  });

  it.each(["source", "destination"] as const)(
    "a run of a pipeline whose %s connection was deleted ends ERROR at that job, saying so, and stores nothing",
    async (role) => {
      const db = await getDb();
      const table = `gone_${role}_${Date.now()}`;
      const source = await sampleSource(org.admin, { count: 50 });
      const destination = await tableDestination(org.admin, table);
      const kept = await sampleSource(org.admin, { count: 50 });
      // The first job is fine; the second uses the connection deleted below: nothing moves at all.
      const pipeline = await pipelineWithJobs(org.admin, [
        { name: "first", sourceResourceId: kept.id },
        { name: "extract", sourceResourceId: source.id, destinationResourceId: destination.id },
      ]);
      const gone = role === "source" ? source : destination;
      await deleteResource(db, org.admin, gone.id);
      const [{ deletedAt } = { deletedAt: null }] = await db.select({ deletedAt: resources.deletedAt }).from(resources).where(eq(resources.id, gone.id));
      const when = deletedAt!.toISOString().replace(/\.\d{3}Z$/, "Z");

      const { execution } = await executePipeline(db, org.admin, pipeline.id);
      await runAll();

      const message =
        `Job "extract": its ${role} connection "${gone.name}" (${gone.id}) was deleted on ${when}. ` +
        "Point the job at another connection or delete the pipeline.";
      const [done] = await db.select().from(executions).where(eq(executions.id, execution.id));
      expect(done).toMatchObject({ status: "ERROR", errorMessage: message, successfulFiles: 0, totalFiles: 0 });
      const [stored] = await db.select({ n: count() }).from(storageRecords).where(eq(storageRecords.pipelineId, pipeline.id));
      expect(stored!.n).toBe(0);
      const logs = await db.select().from(executionLogs).where(eq(executionLogs.executionId, execution.id));
      expect(logs.filter((line) => line.level === "ERROR").map((line) => line.message)).toContain(message);
      const [after] = await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id));
      expect(after).toMatchObject({ lastRunStatus: "FAILURE", storageStatus: "Cleared" });
    },
  );

  it("a job removed from the pipeline while the run reads it ends there, said in the log, and the next job runs", async () => {
    const db = await getDb();
    // Ten slow batches: the edit lands while "gone" is part-way.
    const slow = await sampleSource(org.admin, { count: 1000, batch_size: 100, delay_ms: 150 });
    const quick = await sampleSource(org.admin, { count: 50, batch_size: 50 });
    const pipeline = await pipelineWithJobs(org.admin, [
      { name: "gone", sourceResourceId: slow.id },
      { name: "kept", sourceResourceId: quick.id },
    ]);
    const [gone, kept] = await db.select().from(jobs).where(eq(jobs.pipelineId, pipeline.id)).orderBy(asc(jobs.position));
    const { execution } = await executePipeline(db, org.admin, pipeline.id);
    const running = runAll();
    for (let waited = 0; ; waited += 25) {
      const [stored] = await db.select({ n: count() }).from(storageRecords).where(eq(storageRecords.jobId, gone!.id));
      if (stored!.n > 0) break;
      if (waited > 20_000) throw new Error("the job never stored a record");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    // As PATCH {jobs: [kept]} does: the job and its state go in one transaction.
    await db.transaction(async (tx) => {
      const [row] = await tx.select().from(pipelines).where(eq(pipelines.id, pipeline.id));
      await replaceJobs(tx, row!, [{ id: kept!.id, name: "kept", sourceResourceId: quick.id }]);
    });
    await running;

    const [done] = await db.select().from(executions).where(eq(executions.id, execution.id));
    expect(done).toMatchObject({ status: "COMPLETED", errorMessage: null });
    const logs = (await db.select().from(executionLogs).where(eq(executionLogs.executionId, execution.id))).map((l) => l.message);
    expect(logs).toContainEqual(expect.stringMatching(/^Job "gone" was removed from the pipeline while it ran: it stopped after [\d,]+ records\.$/));
    expect(logs).toContainEqual(expect.stringMatching(/^Job "kept": done, 50 records read/));
    const [state] = await db.select().from(jobStates).where(eq(jobStates.jobId, kept!.id));
    expect(state!.cursor).toBe("50");
  }, 90_000);
});

