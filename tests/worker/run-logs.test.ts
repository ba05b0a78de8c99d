// What a run's log tells the person following it: progress at least every 10,000 records or
// every few seconds, the reason of the first 20 failed records per job (then a count), the
// connections by their names (never an internal table), and a failed source said in a sentence.
import { asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { executionLogs, executions } from "@/db/schema";
import { executePipeline } from "@/lib/domain/executions";
import { createResourceInTx } from "@/lib/domain/resources";
import { executeNext } from "@/lib/worker/executor";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { executorOptions, pipelineWithJobs, sampleSource } from "./support";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});

async function connection(name: string, kind: "source" | "destination", connector: string, config: Record<string, unknown>) {
  const db = await getDb();
  return db.transaction(async (tx) => (await createResourceInTx(tx, org.admin, { name, kind, connector, config })).resource);
}

async function runAndRead(pipelineId: string, extra: { progressEveryMs?: number; progressEveryRecords?: number } = {}) {
  const db = await getDb();
  const { execution } = await executePipeline(db, org.admin, pipelineId);
  while (await executeNext(db, { ...executorOptions(org.id), ...extra })) {
    // until nothing is pending
  }
  const [run] = await db.select().from(executions).where(eq(executions.id, execution.id));
  const lines = await db.select().from(executionLogs).where(eq(executionLogs.executionId, execution.id)).orderBy(asc(executionLogs.id));
  return { run: run!, lines, text: lines.map((l) => l.message).join("\n") };
}

describe("run logs", () => {
  it("write progress every N records (10,000 by default), the first 20 failure reasons then a count, and connection names, not tables", async () => {
    const table = `logs_${Date.now()}`;
    const source = await sampleSource(org.admin, { count: 2_500, failure_rate: 0.02, batch_size: 500 });
    const destination = await connection(`Warehouse ${table}`, "destination", "table", { table });
    const pipeline = await pipelineWithJobs(org.admin, [{ name: "load", sourceResourceId: source.id, destinationResourceId: destination.id }]);
    // 1,000 here keeps the test short; the worker's default is 10,000 (or 5 s, whichever first).
    const { run, lines, text } = await runAndRead(pipeline.id, { progressEveryRecords: 1_000, progressEveryMs: 60_000 });

    expect(run.status).toBe("COMPLETED");
    expect(run.failedFiles).toBeGreaterThan(20);
    expect(text).toContain(`Job "load": reading from source "${source.name}" (sample) into connection "Warehouse ${table}".`);
    expect(text).not.toContain(`dest_${table}`);
    const read = [...text.matchAll(/^Job "load": ([\d,]+) records read, [\d,]+ written, \d+ failed\.$/gm)].map((m) => m[1]);
    expect(read).toEqual(["1,000", "2,000"]);
    const reasons = lines.filter((l) => l.message.startsWith(`Job "load": a record failed: record `));
    expect(reasons).toHaveLength(20);
    expect(reasons.every((l) => l.level === "WARN" && /was rejected by the sample source/.test(l.message))).toBe(true);
    expect(text).toContain(`Job "load": ${run.failedFiles - 20} more records failed (reasons are logged for the first 20 only).`);
    const written = (run.successfulFiles).toLocaleString("en");
    expect(text).toContain(`Run completed: 2,500 records read, ${written} written, ${run.failedFiles} failed.`);
  });

  it("a slow source still gets a progress line every interval, while its batch is read", async () => {
    const source = await sampleSource(org.admin, { count: 8, delay_ms: 100, batch_size: 8 }); // one batch of 0.8 s
    const pipeline = await pipelineWithJobs(org.admin, [{ name: "slow", sourceResourceId: source.id }]);
    const { lines } = await runAndRead(pipeline.id, { progressEveryMs: 250 });
    const messages = lines.map((l) => l.message);
    const done = messages.findIndex((m) => m.startsWith(`Job "slow": done`));
    const waiting = messages.slice(0, done).filter((m) => m === `Job "slow": 0 records read, 0 written, 0 failed.`);
    expect(waiting.length).toBeGreaterThanOrEqual(2);
    expect(messages[done]).toBe(`Job "slow": done, 8 records read, 8 written, 0 failed.`);
  });

  it("a source that cannot be reached ends the run with a sentence naming the connection and the cause, not a bare 'fetch failed'", async () => {
    const source = await connection(`Events API ${Date.now()}`, "source", "http", { url: "http://127.0.0.1:59321/events?token=secret" });
    const pipeline = await pipelineWithJobs(org.admin, [{ name: "pull", sourceResourceId: source.id }]);
    const { run, lines } = await runAndRead(pipeline.id);
    expect(run.status).toBe("ERROR");
    expect(run.errorMessage).toMatch(
      new RegExp(`^Job "pull": could not read from source "${source.name}" \\(http://127\\.0\\.0\\.1:59321/events\\): fetch failed \\(.*ECONNREFUSED.*\\)$`),
    );
    expect(run.errorMessage).not.toContain("secret");
    expect(lines.filter((l) => l.level === "ERROR").map((l) => l.message)).toContain(run.errorMessage);
  });
});
