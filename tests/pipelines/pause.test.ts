// A pause says who, when and why, whichever path made it, and may say until when: the scheduler
// resumes it then, as the system. A pause alone is one audit entry.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as maestroPause } from "@/app/platform/pipeline/pause/route";
import { getDb } from "@/db/client";
import { auditEvents, schedules } from "@/db/schema";
import { resumeDuePipelines } from "@/lib/domain/pausing";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call } from "../support/http";
import { createPipeline, getPipeline, listAt, patchPipeline, uniqueName, type PipelineJson } from "./support";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});

const admin = () => ({ token: org.admin.token });
const inAnHour = () => new Date(Date.now() + 3600_000).toISOString();

async function auditOf(id: string) {
  const db = await getDb();
  return db.select().from(auditEvents).where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.objectId, id)));
}

describe("pause with a reason", () => {
  it("PATCH active=false records who, when, why and until when; the read and the list show them; resume clears them", async () => {
    const p = await createPipeline(org, admin(), { pipeline_name: uniqueName("pz"), cron_string: "0 3 * * *" });
    const resumeAt = inAnHour();
    const before = Date.now();
    const res = await patchPipeline(org, admin(), p.id, { active: false, reason: "upstream outage", resume_at: resumeAt });
    expect(res.status).toBe(200);
    const paused = res.body as PipelineJson & Record<string, unknown>;
    expect(paused).toMatchObject({ active: false, paused_by: org.admin.email, pause_reason: "upstream outage", resume_at: resumeAt, next_run_time: null });
    expect(Date.parse(String(paused.paused_at))).toBeGreaterThanOrEqual(before - 1000);

    const list = await listAt(org, admin(), `?search=${p.pipeline_name}`);
    expect((list.body as { results: Record<string, unknown>[] }).results[0]).toMatchObject({ paused_by: org.admin.email, pause_reason: "upstream outage" });

    // One entry for the pause (with its resume time), not a pause and an update.
    const entries = (await auditOf(p.id)).filter((a) => a.action !== "pipeline.create");
    expect(entries.map((a) => a.action)).toEqual(["pipeline.pause"]);
    expect(entries[0]).toMatchObject({ reason: "upstream outage", details: { resume_at: resumeAt } });

    const resumed = await patchPipeline(org, admin(), p.id, { active: true });
    expect(resumed.body).toMatchObject({ active: true, paused_by: null, paused_at: null, pause_reason: null, resume_at: null });
  });

  it("a resume time must lie ahead, within a year, and goes with a pause only", async () => {
    const p = await createPipeline(org, admin(), { pipeline_name: uniqueName("pz") });
    const past = await patchPipeline(org, admin(), p.id, { active: false, resume_at: new Date(Date.now() - 60_000).toISOString() });
    expect(past.status).toBe(400);
    expect(past.body).toMatchObject({ errors: [{ attr: "resume_at", detail: "The resume time must be in the future." }] });
    const far = await patchPipeline(org, admin(), p.id, { active: false, resume_at: new Date(Date.now() + 400 * 86_400_000).toISOString() });
    expect(far.body).toMatchObject({ errors: [{ attr: "resume_at" }] });
    const withResume = await patchPipeline(org, admin(), p.id, { active: true, resume_at: inAnHour() });
    expect(withResume.status).toBe(400);
    expect(withResume.body).toMatchObject({ errors: [{ attr: "resume_at" }] });
    expect((await getPipeline(org, admin(), p.id)).body).toMatchObject({ active: true });
  });

  it("Maestro's pause records who and why the same way", async () => {
    const p = await createPipeline(org, admin(), { pipeline_name: uniqueName("pz") });
    const res = await call(maestroPause, { method: "POST", token: org.admin.token, headers: { customer_name: org.id }, body: { pipeline_id: p.id, reason: "maintenance" } });
    expect(res.status).toBe(200);
    expect((await getPipeline(org, admin(), p.id)).body).toMatchObject({ active: false, paused_by: org.admin.email, pause_reason: "maintenance", resume_at: null });
  });
});

describe("resume at", () => {
  it("the scheduler resumes a pipeline when its time comes, as the system, and its schedule fires again", async () => {
    const db = await getDb();
    const p = await createPipeline(org, admin(), { pipeline_name: uniqueName("pz"), cron_string: "0 3 * * *" });
    const resumeAt = new Date(Date.now() + 2 * 3600_000);
    await patchPipeline(org, admin(), p.id, { active: false, reason: "holiday", resume_at: resumeAt.toISOString() });

    // Not yet.
    expect(await resumeDuePipelines(db, new Date(resumeAt.getTime() - 1000), org.id)).toBe(0);
    expect((await getPipeline(org, admin(), p.id)).body).toMatchObject({ active: false });

    expect(await resumeDuePipelines(db, new Date(resumeAt.getTime() + 1000), org.id)).toBe(1);
    const read = (await getPipeline(org, admin(), p.id)).body as PipelineJson & Record<string, unknown>;
    expect(read).toMatchObject({ active: true, paused_by: null, resume_at: null });
    expect(read.next_run_time).not.toBeNull();
    const [schedule] = await db.select().from(schedules).where(eq(schedules.pipelineId, p.id));
    expect(schedule?.active).toBe(true);
    const resume = (await auditOf(p.id)).find((a) => a.action === "pipeline.resume");
    expect(resume).toMatchObject({ actorLabel: "system", actorUserId: null });
    // Once: nothing left to resume.
    expect(await resumeDuePipelines(db, new Date(resumeAt.getTime() + 2000), org.id)).toBe(0);
  });

  it("a new PATCH of a paused pipeline may move or drop its resume time", async () => {
    const p = await createPipeline(org, admin(), { pipeline_name: uniqueName("pz") });
    await patchPipeline(org, admin(), p.id, { active: false, resume_at: inAnHour() });
    const later = new Date(Date.now() + 5 * 3600_000).toISOString();
    expect((await patchPipeline(org, admin(), p.id, { resume_at: later })).body).toMatchObject({ active: false, resume_at: later });
    expect((await patchPipeline(org, admin(), p.id, { resume_at: null })).body).toMatchObject({ active: false, resume_at: null });
  });
});
