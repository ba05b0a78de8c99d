// §3 (seed 002): POST /v0/pipelines/{name}/clear → 202, cleared asynchronously by the worker,
// progress in GET /v0/pipelines/{name}; refused while anything runs; no run starts while
// Clearing, in any dialect. Every error {message, error_code, details}.
import { and, eq, sql } from "drizzle-orm";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, pipelines } from "@/db/schema";
import { executePipeline, stopExecution } from "@/lib/domain/executions";
import { setPipelineActive } from "@/lib/domain/pipelines";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { sessionCookie } from "../support/http";
import { execute as executeV1, expectError } from "../pipelines/support";
import { admin, clearToEnd, executeAndRun, expectRefusal, maestro, pipelineRow, pipelineWith } from "../maestro/support";
import { clear, expectStorageError, getStorage, type StoragePipelineJson } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

const asAdmin = () => ({ token: org.admin.token });
const storageOf = async (name: string) => (await getStorage(name, asAdmin())).body as StoragePipelineJson;

/** A pipeline whose first run has filled its storage (InUse). */
async function inUse(records = 40) {
  const pipeline = await pipelineWith(org.admin, { records });
  await executeAndRun(org.admin, pipeline.id);
  expect((await pipelineRow(pipeline.id))?.storageStatus).toBe("InUse");
  return pipeline;
}

describe("clearing a pipeline's storage", () => {
  it("InUse → clear 202 → Clearing with progress → the worker → Cleared with done = total", async () => {
    const pipeline = await inUse(40);
    const before = await getStorage(pipeline.name, asAdmin());
    expect(before.status).toBe(200);
    expect(Object.keys(before.body as object).sort()).toEqual(
      ["active", "created_at", "description", "id", "last_run_status", "last_run_time", "modified_at", "name", "run_count", "storage_status", "storage_status_details"].sort(),
    );
    expect(before.body).toMatchObject({ id: pipeline.id, name: pipeline.name, storage_status: "InUse", storage_status_details: null });

    const res = await clear(pipeline.name, asAdmin());
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ message: `Clearing the storage of pipeline '${pipeline.name}' has started.` });

    const clearing = await storageOf(pipeline.name);
    expect(clearing.storage_status).toBe("Clearing");
    expect(clearing.storage_status_details).toEqual({
      done_rows: 0,
      total_rows: 40,
      done_bytes: 0,
      total_bytes: expect.any(Number),
      percent: 0,
      started_at: expect.any(String),
      finished_at: null,
    });
    expect(clearing.storage_status_details?.total_bytes).toBeGreaterThan(40);

    // Asking again while Clearing: still 202, nothing restarts.
    const again = await clear(pipeline.name, asAdmin());
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ message: `The storage of pipeline '${pipeline.name}' is already being cleared.` });
    expect((await storageOf(pipeline.name)).storage_status_details?.started_at).toBe(clearing.storage_status_details?.started_at);

    await clearToEnd(pipeline.id);
    const cleared = await storageOf(pipeline.name);
    expect(cleared.storage_status).toBe("Cleared");
    const done = cleared.storage_status_details;
    expect(done).toMatchObject({ done_rows: 40, total_rows: 40, percent: 100, finished_at: expect.any(String) });
    expect(done?.done_bytes).toBe(done?.total_bytes);

    // Cleared: idempotent too.
    const once = await clear(pipeline.name, asAdmin());
    expect(once.status).toBe(202);
    expect(once.body).toEqual({ message: `The storage of pipeline '${pipeline.name}' is already cleared.` });
  });

  it("a pipeline never run is Cleared: clear is 202 and changes nothing", async () => {
    const pipeline = await pipelineWith(org.admin);
    const res = await clear(pipeline.name, asAdmin());
    expect(res.status).toBe(202);
    expect(await storageOf(pipeline.name)).toMatchObject({ storage_status: "Cleared", storage_status_details: null });
  });

  it("a session cookie works as well as a token; the reason of a JSON body is audited", async () => {
    const pipeline = await inUse(5);
    const res = await clear(pipeline.name, { cookie: await sessionCookie(org.admin) }, { body: { reason: "GDPR request" } });
    expect(res.status).toBe(202);
    const db = await getDb();
    const [event] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, pipeline.id), eq(auditEvents.action, "storage.clear")));
    expect(event?.reason).toBe("GDPR request");
    await clearToEnd(pipeline.id);
  });
});

describe("refusals", () => {
  it.each([
    ["pending", false],
    ["pending, on a paused pipeline", true],
  ])("a run %s → 400 StorageStatusImmutableUnlessStopped naming the state; storage stays InUse", async (_, paused) => {
    const pipeline = await inUse(5);
    const db = await getDb();
    const { execution } = await executePipeline(db, org.admin, pipeline.id);
    // Pausing stops new runs, not the one under way: the clear is still refused.
    if (paused) await setPipelineActive(db, org.admin, pipeline.id, false);
    try {
      const res = await clear(pipeline.name, asAdmin());
      expectStorageError(res, 400, "StorageStatusImmutableUnlessStopped", {
        pipeline_name: pipeline.name,
        storage_status: "InUse",
        running_executions: 1,
        paused,
      });
      expect((await storageOf(pipeline.name)).storage_status).toBe("InUse");
    } finally {
      await stopExecution(db, org.admin, execution.id);
    }
  });

  it("starting a run while Clearing → 400 CannotStartWhileClearingStorage, in §1 and in Maestro; no run is made", async () => {
    const pipeline = await inUse(30);
    expect((await clear(pipeline.name, asAdmin())).status).toBe(202);

    const v1 = await executeV1(org, asAdmin(), { pipeline_id: pipeline.id });
    expectError(v1, 400, "client_error", { code: "CannotStartWhileClearingStorage", attr: null });
    const viaMaestro = await maestro("execute", org, admin(org), { body: { pipeline_id: pipeline.id } });
    expectRefusal(viaMaestro, "CannotStartWhileClearingStorage");
    expect((await pipelineRow(pipeline.id))?.runCount).toBe(1);

    await clearToEnd(pipeline.id);
    // Once Cleared, runs start again (and the storage goes back InUse when they store).
    expect((await executeV1(org, asAdmin(), { pipeline_id: pipeline.id })).status).toBe(200);
  });

  it.each(["non-existent-pipeline", "with space", "ünïcode"])("an unknown name (%s) → 404 UnknownPipelineName, the documented body exactly", async (name) => {
    const expected = { message: `Unknown pipeline name '${name}'`, error_code: "UnknownPipelineName", details: { pipeline_name: name } };
    for (const res of [await clear(name, asAdmin()), await getStorage(name, asAdmin())]) {
      expect(res.status).toBe(404);
      expect(res.body).toEqual(expected);
      expect(JSON.stringify(res.body)).toBe(JSON.stringify(expected));
    }
  });

  it("another org's pipeline is an unknown name here, and is not cleared", async () => {
    const theirs = await pipelineWith(other.admin);
    await executeAndRun(other.admin, theirs.id);
    expectStorageError(await clear(theirs.name, asAdmin()), 404, "UnknownPipelineName", { pipeline_name: theirs.name });
    expect((await pipelineRow(theirs.id))?.storageStatus).toBe("InUse");
  });

  it("a member who does not own a pipeline shared to the org → 403 Forbidden; storage stays InUse", async () => {
    const pipeline = await inUse(5);
    const db = await getDb();
    await db.update(pipelines).set({ sharedToOrg: true }).where(eq(pipelines.id, pipeline.id));
    expectStorageError(await clear(pipeline.name, { token: org.member.token }), 403, "Forbidden", {});
    expect((await getStorage(pipeline.name, { token: org.member.token })).status).toBe(200);
    expect((await pipelineRow(pipeline.id))?.storageStatus).toBe("InUse");
  });

  it.each([
    ["no credential", {}],
    ["an unknown token", { token: "slt_nope" }],
    ["an empty bearer", { token: "" }],
  ])("%s → 401 Unauthorized with empty details, on both routes", async (_, who) => {
    const pipeline = await pipelineWith(org.admin);
    expectStorageError(await clear(pipeline.name, who), 401, "Unauthorized", {});
    expectStorageError(await getStorage(pipeline.name, who), 401, "Unauthorized", {});
  });

  it("a body that is not JSON → 400 InvalidRequest", async () => {
    const pipeline = await inUse(5);
    expectStorageError(await clear(pipeline.name, asAdmin(), { raw: "{", contentType: "application/json" }), 400, "InvalidRequest");
    expect((await pipelineRow(pipeline.id))?.storageStatus).toBe("InUse");
  });
});

describe("a database failure", () => {
  afterEach(async () => {
    const db = await getDb();
    await db.execute(sql`drop trigger if exists storage_refuse_clear on storage_clears`);
    await db.execute(sql`drop function if exists storage_refuse_clear()`);
  });

  it("→ 500 InternalServerError, and the storage stays InUse", async () => {
    const pipeline = await inUse(5);
    const db = await getDb();
    // Scoped to this pipeline, so other tests sharing the database are not touched.
    await db.execute(
      sql.raw(`create function storage_refuse_clear() returns trigger language plpgsql as $$
        begin
          if new.pipeline_id = '${pipeline.id}'::uuid then raise exception 'injected failure'; end if;
          return new;
        end $$`),
    );
    await db.execute(sql`create trigger storage_refuse_clear before insert on storage_clears for each row execute function storage_refuse_clear()`);
    expectStorageError(await clear(pipeline.name, asAdmin()), 500, "InternalServerError", {});
    expect((await pipelineRow(pipeline.id))?.storageStatus).toBe("InUse");
  });
});
