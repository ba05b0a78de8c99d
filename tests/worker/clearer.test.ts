// Clearing storage: InUse → Clearing (progress persisted per batch) → Cleared; a clearer that
// dies mid-way leaves a lease that lapses, and the next one finishes from where it stopped.
import fs from "node:fs";
import { count, eq, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { pipelines, storageClears, storageRecords } from "@/db/schema";
import { DomainError } from "@/lib/domain/errors";
import { executePipeline } from "@/lib/domain/executions";
import { requestStorageClear } from "@/lib/domain/storage";
import { storageDir } from "@/lib/domain/storage-files";
import { clearNext } from "@/lib/worker/clearer";
import { executeNext } from "@/lib/worker/executor";
import { NextRequest } from "next/server";
import { GET as events } from "@/app/api/v1/orgs/[org_id]/events/route";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { sseReader } from "../support/sse";
import { clearerOptions, executorOptions, pipelineWithJobs, sampleSource, tableDestination } from "./support";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});

async function pipelineWithStorage(records: number, table?: string) {
  const db = await getDb();
  const source = await sampleSource(org.admin, { count: records, batch_size: 1000 });
  const destination = table ? await tableDestination(org.admin, table) : null;
  const pipeline = await pipelineWithJobs(org.admin, [{ name: "fill", sourceResourceId: source.id, destinationResourceId: destination?.id }]);
  await executePipeline(db, org.admin, pipeline.id);
  while (await executeNext(db, executorOptions(org.id))) {
    // run it
  }
  return pipeline;
}

/** The org's live stream as the admin's console has it, and which of its events are a clear's of this pipeline. */
async function clearEvents(pipelineId: string) {
  const controller = new AbortController();
  const res = await events(
    new NextRequest(`http://localhost/api/v1/orgs/${org.id}/events`, { headers: { authorization: `Bearer ${org.admin.token}` }, signal: controller.signal }),
    { params: Promise.resolve({ org_id: org.id }) },
  );
  // Runs announce their storage too (InUse); a clear's events are Clearing and Cleared.
  const ofClear = (e: { event: string; data: Record<string, unknown> }) =>
    e.event === "storage" && e.data.pipeline_id === pipelineId && (e.data.storage_status === "Clearing" || e.data.storage_status === "Cleared");
  return { stream: sseReader(res), ofClear, controller };
}

const status = async (id: string) => {
  const db = await getDb();
  const [row] = await db.select({ s: pipelines.storageStatus }).from(pipelines).where(eq(pipelines.id, id));
  return row?.s;
};

describe("storage clearing", () => {
  it("goes InUse → Clearing → Cleared with progress, keeping the destination table", async () => {
    const db = await getDb();
    const table = `c_${Date.now()}`;
    const pipeline = await pipelineWithStorage(3000, table);
    expect(await status(pipeline.id)).toBe("InUse");
    expect(fs.existsSync(storageDir(pipeline.id))).toBe(true);

    const request = await requestStorageClear(db, org.admin, pipeline.name);
    expect(request.started).toBe(true);
    expect(await status(pipeline.id)).toBe("Clearing");
    const [progress] = await db.select().from(storageClears).where(eq(storageClears.pipelineId, pipeline.id));
    expect(progress).toMatchObject({ totalRows: 3000, doneRows: 0, finishedAt: null });
    expect(progress!.totalBytes).toBeGreaterThan(3000);

    // Asking again while Clearing changes nothing.
    expect((await requestStorageClear(db, org.admin, pipeline.name)).started).toBe(false);
    // No run starts while Clearing.
    await expect(executePipeline(db, org.admin, pipeline.id)).rejects.toMatchObject({ rule: "CannotStartWhileClearingStorage" });

    expect(await clearNext(db, clearerOptions(org.id, 700))).toBe(true);
    expect(await status(pipeline.id)).toBe("Cleared");
    const [finished] = await db.select().from(storageClears).where(eq(storageClears.pipelineId, pipeline.id));
    expect(finished).toMatchObject({ doneRows: 3000, totalRows: 3000 });
    expect(finished!.doneBytes).toBe(finished!.totalBytes);
    expect(finished!.finishedAt).not.toBeNull();
    const [left] = await db.select({ n: count() }).from(storageRecords).where(eq(storageRecords.pipelineId, pipeline.id));
    expect(left!.n).toBe(0);
    expect(fs.existsSync(storageDir(pipeline.id))).toBe(false);
    const [kept] = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from ${sql.identifier(`dest_${table}`)}`));
    expect(Number(kept!.n)).toBe(3000);

    // Cleared is idempotent too; the next run puts it back InUse.
    expect((await requestStorageClear(db, org.admin, pipeline.name)).started).toBe(false);
  });

  it("names the clear in every live progress event by when it started, so a console tells one clear from the next", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithStorage(2000);
    const { stream, ofClear, controller } = await clearEvents(pipeline.id);
    const startedAts: unknown[] = [];
    for (let round = 0; round < 2; round++) {
      await requestStorageClear(db, org.admin, pipeline.name);
      const [clear] = await db.select().from(storageClears).where(eq(storageClears.pipelineId, pipeline.id));
      while (await clearNext(db, clearerOptions(org.id, 700))) {
        // to the end
      }
      const seen = [];
      for (let e = await stream.next(ofClear); e; e = await stream.next(ofClear, e.data.storage_status === "Cleared" ? 0 : 5000)) seen.push(e.data);
      // The request's Clearing, the first batch's progress, then (paced) maybe more, and Cleared.
      const statuses = seen.map((d) => d.storage_status);
      expect(statuses.at(-1)).toBe("Cleared");
      expect(statuses.slice(0, -1).length).toBeGreaterThanOrEqual(2);
      expect(new Set(statuses.slice(0, -1))).toEqual(new Set(["Clearing"]));
      expect(new Set(seen.map((d) => d.started_at))).toEqual(new Set([clear!.startedAt.toISOString()]));
      startedAts.push(seen[0]!.started_at);
      // Fill it again for the second clear.
      if (round === 0) {
        await executePipeline(db, org.admin, pipeline.id);
        while (await executeNext(db, executorOptions(org.id))) {
          // run it
        }
      }
    }
    expect(startedAts[0]).not.toBe(startedAts[1]);
    controller.abort();
  });

  it("announces a clear's progress a few times a second, not once per batch, and always its end", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithStorage(4000);
    const { stream, ofClear, controller } = await clearEvents(pipeline.id);
    await requestStorageClear(db, org.admin, pipeline.name);
    const began = performance.now();
    // 40 batches of 100 rows.
    while (await clearNext(db, clearerOptions(org.id, 100))) {
      // to the end
    }
    const tookMs = performance.now() - began;
    const seen = [];
    for (let e = await stream.next(ofClear); e; e = await stream.next(ofClear, e.data.storage_status === "Cleared" ? 0 : 5000)) seen.push(e.data);
    controller.abort();
    const progress = seen.filter((d) => d.storage_status === "Clearing" && Number(d.done_rows) > 0);
    // One at the first batch, then one per PROGRESS_EVENT_EVERY_MS (200 ms) at most.
    expect(progress.length).toBeGreaterThanOrEqual(1);
    expect(progress.length).toBeLessThanOrEqual(1 + Math.ceil(tookMs / 200));
    expect(progress.length).toBeLessThan(40);
    const done = progress.map((d) => Number(d.done_rows));
    expect(done).toEqual([...done].sort((a, b) => a - b));
    expect(seen.at(-1)).toMatchObject({ storage_status: "Cleared", done_rows: 4000, total_rows: 4000 });
  });

  it("is refused while a run is pending, naming why", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithStorage(10);
    await executePipeline(db, org.admin, pipeline.id);
    const refused = await requestStorageClear(db, org.admin, pipeline.name).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ rule: "StorageStatusImmutableUnlessStopped" });
    expect(await status(pipeline.id)).toBe("InUse");
  });

  it("a clearer that dies mid-way is replaced after its lease lapses, and the clear finishes", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithStorage(2500);
    await requestStorageClear(db, org.admin, pipeline.name);

    // The dead clearer took the lease; simulate one batch done before it died.
    const dead = { ...clearerOptions(org.id, 1000), leaseMs: 100 };
    await db
      .update(storageClears)
      .set({ leaseOwner: dead.workerId, leaseExpiresAt: new Date(Date.now() + 100) })
      .where(eq(storageClears.pipelineId, pipeline.id));
    expect(await clearNext(db, clearerOptions(org.id))).toBe(false); // leased: nobody else takes it
    await new Promise((r) => setTimeout(r, 150));

    expect(await clearNext(db, clearerOptions(org.id, 1000))).toBe(true);
    expect(await status(pipeline.id)).toBe("Cleared");
  });

  it("an unknown or invisible name is UnknownPipelineName", async () => {
    const db = await getDb();
    await expect(requestStorageClear(db, org.admin, "no_such_pipeline")).rejects.toMatchObject({ rule: "UnknownPipelineName" });
  });
});
