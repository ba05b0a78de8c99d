// DELETE /platform/pipeline/{id} (seeds 000/001): 200 {pipeline_id, status: PIPELINE_DELETED};
// the pipeline and all that is its own go in one transaction, resources and destination
// tables stay; a database failure is a 500 that leaves every row where it was.
import fs from "node:fs";
import { and, count, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import {
  auditEvents,
  executionLogs,
  executions,
  jobs,
  jobStates,
  pipelineKeys,
  pipelines,
  pipelineShares,
  resources,
  schedules,
  storageClears,
  storageRecords,
} from "@/db/schema";
import { requestStorageClear } from "@/lib/domain/storage";
import { storageDir } from "@/lib/domain/storage-files";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { addPerson } from "../pipelines/support";
import { admin, clearToEnd, executeAndRun, maestro, NO_SUCH_ID, pipelineRow, pipelineWith, underscored } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

/** Every row that is the pipeline's own, counted per table. */
async function ownRows(pipelineId: string) {
  const db = await getDb();
  const n = async (query: Promise<{ n: number }[]>) => (await query)[0]?.n ?? -1;
  return {
    pipeline: await n(db.select({ n: count() }).from(pipelines).where(eq(pipelines.id, pipelineId))),
    jobs: await n(db.select({ n: count() }).from(jobs).where(eq(jobs.pipelineId, pipelineId))),
    jobStates: await n(db.select({ n: count() }).from(jobStates).where(eq(jobStates.pipelineId, pipelineId))),
    executions: await n(db.select({ n: count() }).from(executions).where(eq(executions.pipelineId, pipelineId))),
    logs: await n(
      db
        .select({ n: count() })
        .from(executionLogs)
        .innerJoin(executions, eq(executions.id, executionLogs.executionId))
        .where(eq(executions.pipelineId, pipelineId)),
    ),
    schedule: await n(db.select({ n: count() }).from(schedules).where(eq(schedules.pipelineId, pipelineId))),
    keys: await n(db.select({ n: count() }).from(pipelineKeys).where(eq(pipelineKeys.pipelineId, pipelineId))),
    shares: await n(db.select({ n: count() }).from(pipelineShares).where(eq(pipelineShares.pipelineId, pipelineId))),
    storage: await n(db.select({ n: count() }).from(storageRecords).where(eq(storageRecords.pipelineId, pipelineId))),
    clears: await n(db.select({ n: count() }).from(storageClears).where(eq(storageClears.pipelineId, pipelineId))),
  };
}

const NOTHING = { pipeline: 0, jobs: 0, jobStates: 0, executions: 0, logs: 0, schedule: 0, keys: 0, shares: 0, storage: 0, clears: 0 };

/** A pipeline with something in every dependent table: two runs, a clear between them. */
async function busyPipeline(table: string) {
  const db = await getDb();
  const friend = await addPerson(org, "maestro-del");
  const pipeline = await pipelineWith(org.admin, { records: 30, table, cronString: "0 3 * * *", sharedUserIds: [friend.userId] });
  await executeAndRun(org.admin, pipeline.id);
  await requestStorageClear(db, org.admin, pipeline.name);
  await clearToEnd(pipeline.id);
  await executeAndRun(org.admin, pipeline.id);
  const rows = await ownRows(pipeline.id);
  expect(rows).toMatchObject({ pipeline: 1, jobs: 1, jobStates: 1, executions: 2, schedule: 1, keys: 1, shares: 1, storage: 30, clears: 1 });
  expect(rows.logs).toBeGreaterThan(2);
  return pipeline;
}

async function destinationCount(table: string): Promise<number> {
  const db = await getDb();
  const [row] = rowsOf<{ n: string | number }>(await db.execute(sql`select count(*) as n from ${sql.identifier(`dest_${table}_0`)}`));
  return Number(row?.n ?? -1);
}

async function liveResources(pipelineOrg: string): Promise<number> {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(resources).where(and(eq(resources.orgId, pipelineOrg), eq(resources.deleted, false)));
  return row?.n ?? -1;
}

describe("DELETE /platform/pipeline/{id}", () => {
  it.each([
    ["written with -", (id: string) => id],
    ["written with _ (as in the documented examples)", underscored],
    ["written in upper case with _", (id: string) => underscored(id).toUpperCase()],
  ])("an id %s: 200, everything of its own gone, resources and destination data kept", async (_, write) => {
    const table = `md_${Date.now()}_${Math.floor(Math.random() * 1e4)}`;
    const pipeline = await busyPipeline(table);
    const keptResources = await liveResources(org.id);
    const loaded = await destinationCount(table);
    expect(loaded).toBe(60);

    const written = write(pipeline.id);
    const res = await maestro("remove", org, admin(org), { params: { id: written } });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ pipeline_id: written, status: "PIPELINE_DELETED" });

    expect(await ownRows(pipeline.id)).toEqual(NOTHING);
    expect(await liveResources(org.id)).toBe(keptResources);
    expect(await destinationCount(table)).toBe(loaded);
  });

  it("records the reason of a JSON body in the audit log", async () => {
    const pipeline = await pipelineWith(org.admin);
    const res = await maestro("remove", org, admin(org), { params: { id: pipeline.id }, body: { reason: "decommissioned", customer_id: org.id } });
    expect(res.status).toBe(200);
    const db = await getDb();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, pipeline.id), eq(auditEvents.action, "pipeline.delete")));
    expect(event).toMatchObject({ reason: "decommissioned", actorUserId: org.admin.userId });
  });

  it.each([
    ["an unknown uuid", NO_SUCH_ID],
    ["an unknown uuid with _", underscored(NO_SUCH_ID)],
    ["a name that is no uuid (a documented example)", "invalid_pipeline_id"],
    ["test_pipeline_12345 (a documented example)", "test_pipeline_12345"],
  ])("404 for %s, with the id as written", async (_, id) => {
    const res = await maestro("remove", org, admin(org), { params: { id } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: `pipeline_id ${id} not found!!` });
  });

  it("404 for another org's pipeline, which stays", async () => {
    const theirs = await pipelineWith(other.admin);
    const res = await maestro("remove", org, admin(org), { params: { id: theirs.id } });
    expect(res.body).toEqual({ detail: `pipeline_id ${theirs.id} not found!!` });
    expect((await ownRows(theirs.id)).pipeline).toBe(1);
  });

  it("a second delete is 404", async () => {
    const pipeline = await pipelineWith(org.admin);
    expect((await maestro("remove", org, admin(org), { params: { id: pipeline.id } })).status).toBe(200);
    expect((await maestro("remove", org, admin(org), { params: { id: pipeline.id } })).status).toBe(404);
  });

  it("a member may not delete an admin's pipeline it cannot see: 404; shared to the org: 403", async () => {
    const hidden = await pipelineWith(org.admin);
    const member = { token: org.member.token };
    expect((await maestro("remove", org, member, { params: { id: hidden.id } })).status).toBe(404);
    const db = await getDb();
    await db.update(pipelines).set({ sharedToOrg: true }).where(eq(pipelines.id, hidden.id));
    const res = await maestro("remove", org, member, { params: { id: hidden.id } });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: expect.any(String) });
    expect((await ownRows(hidden.id)).pipeline).toBe(1);
  });

  it("a body that is not JSON is a 400 in Maestro's refusal shape", async () => {
    const pipeline = await pipelineWith(org.admin);
    const res = await maestro("remove", org, admin(org), { params: { id: pipeline.id }, raw: "{oops", contentType: "application/json" });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ status: false, error: "ValidationError" });
    expect((await ownRows(pipeline.id)).pipeline).toBe(1);
  });
});

describe("a database failure during the delete", () => {
  afterEach(async () => {
    const db = await getDb();
    await db.execute(sql`drop trigger if exists maestro_refuse_key_delete on pipeline_keys`);
    await db.execute(sql`drop function if exists maestro_refuse_key_delete()`);
  });

  it("→ 500 {detail: Unable to complete transaction due to database error}; every row stays", async () => {
    const table = `mf_${Date.now()}`;
    const pipeline = await busyPipeline(table);
    const before = await ownRows(pipeline.id);
    const db = await getDb();
    // A real failure inside the transaction: deleting this pipeline's keys (by cascade) raises.
    // Scoped to this pipeline, so other tests sharing the database are not touched.
    await db.execute(
      sql.raw(`create function maestro_refuse_key_delete() returns trigger language plpgsql as $$
        begin
          if old.pipeline_id = '${pipeline.id}'::uuid then raise exception 'injected failure'; end if;
          return old;
        end $$`),
    );
    await db.execute(sql`create trigger maestro_refuse_key_delete before delete on pipeline_keys for each row execute function maestro_refuse_key_delete()`);

    const res = await maestro("remove", org, admin(org), { params: { id: underscored(pipeline.id) } });
    expect(res.status).toBe(500);
    expect(res.body).toEqual({ detail: "Unable to complete transaction due to database error" });

    expect(await ownRows(pipeline.id)).toEqual(before);
    expect(await pipelineRow(pipeline.id)).toBeDefined();
    expect(fs.existsSync(storageDir(pipeline.id))).toBe(true);
    const [deleted] = await db
      .select({ n: count() })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, pipeline.id), eq(auditEvents.action, "pipeline.delete")));
    expect(deleted?.n).toBe(0);

    // Once the failure is gone, the same request succeeds.
    await db.execute(sql`drop trigger maestro_refuse_key_delete on pipeline_keys`);
    expect((await maestro("remove", org, admin(org), { params: { id: pipeline.id } })).status).toBe(200);
    expect(await ownRows(pipeline.id)).toEqual(NOTHING);
  });
});
