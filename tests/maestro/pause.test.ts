// POST /platform/pipeline/pause and /unpause: one pause flag, the same one §1 shows as
// `active`; the schedule follows it; a repeat is 400 PipelineAlreadyPaused / PipelineNotPaused.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, pipelines, schedules } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { getPipeline, patchPipeline, type PipelineJson } from "../pipelines/support";
import { admin, expectRefusal, maestro, NO_SUCH_ID, pipelineRow, pipelineWith, underscored } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

const pause = (pipelineId: string, extra: Record<string, unknown> = {}) =>
  maestro("pause", org, admin(org), { body: { pipeline_id: pipelineId, ...extra } });
const unpause = (pipelineId: string, extra: Record<string, unknown> = {}) =>
  maestro("unpause", org, admin(org), { body: { pipeline_id: pipelineId, ...extra } });
const maestroStatus = async (id: string) =>
  ((await maestro("get", org, admin(org), { params: { id } })).body as { data: { status: string } }).data.status;
const v1Active = async (id: string) => ((await getPipeline(org, { token: org.admin.token }, id)).body as PipelineJson).active;

describe("pause and unpause", () => {
  it.each([
    ["with -", (id: string) => id],
    ["with _", underscored],
  ])("pause (id %s) → 200; GET says paused; §1 says active false; the schedule stops", async (_, write) => {
    const pipeline = await pipelineWith(org.admin, { cronString: "0 4 * * *" });
    const written = write(pipeline.id);
    const res = await pause(written, { customer_id: org.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: true, data: { message: "Pipeline paused successfully", pipeline_id: written } });

    expect(await maestroStatus(pipeline.id)).toBe("paused");
    expect(await v1Active(pipeline.id)).toBe(false);
    const db = await getDb();
    const [schedule] = await db.select().from(schedules).where(eq(schedules.pipelineId, pipeline.id));
    expect(schedule).toMatchObject({ active: false, nextFireAt: null });

    const resumed = await unpause(written);
    expect(resumed.status).toBe(200);
    expect(resumed.body).toEqual({ status: true, data: { message: "Pipeline unpaused successfully", pipeline_id: written } });
    expect(await maestroStatus(pipeline.id)).toBe("active");
    expect(await v1Active(pipeline.id)).toBe(true);
    const [after] = await db.select().from(schedules).where(eq(schedules.pipelineId, pipeline.id));
    expect(after?.active).toBe(true);
    expect(after?.nextFireAt).not.toBeNull();
  });

  it("pausing twice → 400 PipelineAlreadyPaused; unpausing an active one → 400 PipelineNotPaused", async () => {
    const pipeline = await pipelineWith(org.admin);
    expectRefusal(await unpause(pipeline.id), "PipelineNotPaused");
    expect((await pause(pipeline.id)).status).toBe(200);
    expectRefusal(await pause(underscored(pipeline.id)), "PipelineAlreadyPaused");
    expect((await pipelineRow(pipeline.id))?.active).toBe(false);
  });

  it("one flag, two dialects: paused through §1, Maestro says paused and refuses to pause again", async () => {
    const pipeline = await pipelineWith(org.admin);
    expect((await patchPipeline(org, { token: org.admin.token }, pipeline.id, { active: false })).status).toBe(200);
    expect(await maestroStatus(pipeline.id)).toBe("paused");
    expectRefusal(await pause(pipeline.id), "PipelineAlreadyPaused");
    expect((await unpause(pipeline.id)).status).toBe(200);
    expect(await v1Active(pipeline.id)).toBe(true);
  });

  it("a reason goes to the audit log", async () => {
    const pipeline = await pipelineWith(org.admin);
    await pause(pipeline.id, { reason: "maintenance window" });
    await unpause(pipeline.id, { reason: "maintenance over" });
    const db = await getDb();
    const events = await db
      .select({ action: auditEvents.action, reason: auditEvents.reason })
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, pipeline.id), eq(auditEvents.objectType, "pipeline")));
    expect(events).toEqual(
      expect.arrayContaining([
        { action: "pipeline.pause", reason: "maintenance window" },
        { action: "pipeline.resume", reason: "maintenance over" },
      ]),
    );
  });

  it.each([
    ["pause", NO_SUCH_ID],
    ["pause", "old_pipeline_abc123"],
    ["unpause", underscored(NO_SUCH_ID)],
  ] as const)("%s of an unknown pipeline (%s) → 404 with the id as written", async (name, id) => {
    const res = await maestro(name, org, admin(org), { body: { pipeline_id: id } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: `pipeline_id ${id} not found!!` });
  });

  it("another org's pipeline is unknown here, and stays active", async () => {
    const theirs = await pipelineWith(other.admin);
    expect((await pause(theirs.id)).status).toBe(404);
    expect((await pipelineRow(theirs.id))?.active).toBe(true);
  });

  it("a member may not pause an admin's pipeline shared to the org: 403", async () => {
    const pipeline = await pipelineWith(org.admin);
    const db = await getDb();
    await db.update(pipelines).set({ sharedToOrg: true }).where(eq(pipelines.id, pipeline.id));
    const res = await maestro("pause", org, { token: org.member.token }, { body: { pipeline_id: pipeline.id } });
    expect(res.status).toBe(403);
    expect((await pipelineRow(pipeline.id))?.active).toBe(true);
  });

  it.each([
    ["no body", undefined],
    ["no pipeline_id", { reason: "why not" }],
    ["a pipeline_id that is not a string", { pipeline_id: 42 }],
    ["an empty pipeline_id", { pipeline_id: "" }],
  ])("%s → 400 ValidationError", async (_, body) => {
    expectRefusal(await maestro("pause", org, admin(org), { body }), "ValidationError");
  });

  it("a body that is not JSON → 415 in the same shape", async () => {
    const res = await maestro("unpause", org, admin(org), { raw: "pipeline_id=x", contentType: "text/plain" });
    expectRefusal(res, "ValidationError", 415);
  });
});
