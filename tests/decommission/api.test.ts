// Starting, reading and cancelling a decommission through its routes: the typed name, who may,
// one plan at a time, cancel before the delete step only, and the bulk phrase.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, pipelines } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call } from "../support/http";
import { addPerson, createPipeline, routes, uniqueName } from "../pipelines/support";
import { POST as maestroUnpause } from "@/app/platform/pipeline/unpause/route";
import { decommissionRoutes, driveToEnd, pipelineWithStorage, type PlanJson } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

const start = (token: string, id: string, body: unknown) =>
  call(decommissionRoutes.start, { method: "POST", token, params: { org_id: org.id, id }, body });

async function owned(by: { token: string }, extra: Record<string, unknown> = {}) {
  return createPipeline(org, by, { pipeline_name: uniqueName("dc"), ...extra });
}

describe("POST …/pipelines/{id}/decommission", () => {
  it("needs the exact name: a wrong or different-case name is a 400 on confirm_name, and nothing changes", async () => {
    const p = await owned({ token: org.admin.token });
    for (const typed of ["something else", p.pipeline_name.toUpperCase(), ""]) {
      const res = await start(org.admin.token, p.id, { confirm_name: typed });
      expect(res.status, typed).toBe(400);
      expect(res.body).toMatchObject({ type: "validation_error", errors: [{ attr: "confirm_name" }] });
    }
    const missing = await start(org.admin.token, p.id, {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ errors: [{ code: "required", attr: "confirm_name" }] });
    const read = await call(routes.retrieve, { token: org.admin.token, params: { org_id: org.id, id: p.id } });
    expect(read.body).toMatchObject({ active: true, decommission: null });
  });

  it("accepts the name with outer spaces (as pasted), answers 202 with the plan, and a second request gets the same plan", async () => {
    const p = await owned({ token: org.admin.token });
    const res = await start(org.admin.token, p.id, { confirm_name: `  ${p.pipeline_name} `, reason: "retired" });
    expect(res.status).toBe(202);
    const plan = res.body as PlanJson;
    expect(plan).toMatchObject({
      pipeline_id: p.id,
      pipeline_name: p.pipeline_name,
      state: "pausing",
      reason: "retired",
      started_by: org.admin.email,
      progress: { done_rows: 0, total_rows: 0 },
      finished_at: null,
    });
    expect(plan.steps.map((s) => [s.step, s.status])).toEqual([
      ["pausing", "pending"],
      ["stopping", "pending"],
      ["clearing", "pending"],
      ["deleting", "pending"],
    ]);
    const again = await start(org.admin.token, p.id, { confirm_name: p.pipeline_name });
    expect(again.status).toBe(202);
    expect((again.body as PlanJson).id).toBe(plan.id);

    // The pipeline read shows it is under way; GET answers the same plan.
    const read = await call(routes.retrieve, { token: org.admin.token, params: { org_id: org.id, id: p.id } });
    expect(read.body).toMatchObject({ decommission: { id: plan.id, state: "pausing" } });
    const got = await call(decommissionRoutes.get, { token: org.admin.token, params: { org_id: org.id, id: p.id } });
    expect(got.status).toBe(200);
    expect((got.body as PlanJson).id).toBe(plan.id);
  });

  it("is for the owner or an admin: 404 for what the caller cannot see, 403 for what they see but may not delete", async () => {
    const hidden = await owned({ token: org.admin.token });
    const shared = await owned({ token: org.admin.token }, { shared_to_org: true });
    const invisible = await start(org.member.token, hidden.id, { confirm_name: hidden.pipeline_name });
    expect(invisible.status).toBe(404);
    const refused = await start(org.member.token, shared.id, { confirm_name: shared.pipeline_name });
    expect(refused.status).toBe(403);
    const otherOrg = await call(decommissionRoutes.start, { method: "POST", token: other.admin.token, params: { org_id: org.id, id: shared.id }, body: { confirm_name: shared.pipeline_name } });
    expect(otherOrg.status).toBe(404);
    const mine = await owned({ token: org.member.token });
    expect((await start(org.member.token, mine.id, { confirm_name: mine.pipeline_name })).status).toBe(202);
  });
});

describe("a decommission to its end", () => {
  it("pauses, clears and deletes; each step audited with the reason and who started it; the plan stays readable", async () => {
    const db = await getDb();
    const pipeline = await pipelineWithStorage(org.admin, 2500);
    const res = await start(org.admin.token, pipeline.id, { confirm_name: pipeline.name, reason: "end of project" });
    expect(res.status).toBe(202);
    const plan = res.body as PlanJson;
    expect(plan.progress.total_rows).toBe(2500);

    expect(await driveToEnd(org.id, plan.id)).toBe("done");
    expect(await db.select().from(pipelines).where(eq(pipelines.id, pipeline.id))).toEqual([]);

    const got = await call(decommissionRoutes.get, { token: org.admin.token, params: { org_id: org.id, id: pipeline.id } });
    expect(got.status).toBe(200);
    const ended = got.body as PlanJson;
    expect(ended).toMatchObject({ state: "done", progress: { done_rows: 2500, total_rows: 2500 } });
    expect(ended.steps.map((s) => [s.step, s.status, s.detail])).toEqual([
      ["pausing", "done", "Paused; its schedule is off."],
      ["stopping", "done", "Nothing was running."],
      ["clearing", "done", "Cleared 2,500 rows."],
      ["deleting", "done", "Deleted with its jobs, runs, keys, shares and schedule."],
    ]);

    const audit = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.objectId, pipeline.id)));
    const steps = audit.filter((a) => ["pipeline.decommission", "pipeline.pause", "storage.clear", "pipeline.delete"].includes(a.action));
    expect(steps.map((a) => a.action).sort()).toEqual(["pipeline.decommission", "pipeline.delete", "pipeline.pause", "storage.clear"]);
    for (const entry of steps) expect(entry, entry.action).toMatchObject({ reason: "end of project", actorLabel: org.admin.email, actorUserId: org.admin.userId });
    // The deletion keeps the configuration, so the pipeline can be recreated.
    const deletion = steps.find((a) => a.action === "pipeline.delete");
    expect(deletion?.details).toMatchObject({ snapshot: { format: "sluice.pipeline/1", pipeline_name: pipeline.name, jobs: [{ name: "fill" }] } });

    // Gone: another member cannot read the plan; the admin who started it can.
    const stranger = await addPerson(org, "stranger");
    const hidden = await call(decommissionRoutes.get, { token: stranger.token, params: { org_id: org.id, id: pipeline.id } });
    expect(hidden.status).toBe(404);
  });
});

describe("DELETE …/decommission (cancel)", () => {
  it("cancels before the delete step: the pipeline stays, paused; too late once it is done (409)", async () => {
    const db = await getDb();
    const p = await owned({ token: org.admin.token });
    const plan = (await start(org.admin.token, p.id, { confirm_name: p.pipeline_name })).body as PlanJson;
    const cancel = await call(decommissionRoutes.cancel, { method: "DELETE", token: org.admin.token, params: { org_id: org.id, id: p.id }, body: { reason: "changed my mind" } });
    expect(cancel.status).toBe(200);
    expect(cancel.body).toMatchObject({ id: plan.id, state: "cancelled" });
    expect((cancel.body as PlanJson).steps.every((s) => s.status === "skipped" || s.status === "cancelled")).toBe(true);
    // Nothing moves a cancelled plan, and cancelling again answers it as it is.
    expect(await driveToEnd(org.id, plan.id, 3)).toBe("cancelled");
    const twice = await call(decommissionRoutes.cancel, { method: "DELETE", token: org.admin.token, params: { org_id: org.id, id: p.id } });
    expect(twice.status).toBe(200);
    expect((await db.select().from(pipelines).where(eq(pipelines.id, p.id))).length).toBe(1);

    // A finished one cannot be cancelled.
    const q = await owned({ token: org.admin.token });
    const second = (await start(org.admin.token, q.id, { confirm_name: q.pipeline_name })).body as PlanJson;
    expect(await driveToEnd(org.id, second.id)).toBe("done");
    const late = await call(decommissionRoutes.cancel, { method: "DELETE", token: org.admin.token, params: { org_id: org.id, id: q.id } });
    expect(late.status).toBe(409);
    expect(late.body).toMatchObject({ errors: [{ code: "DecommissionNotCancellable" }] });
  });

  it("a pipeline being decommissioned cannot be resumed: the §1 PATCH and Maestro's unpause say why", async () => {
    const p = await owned({ token: org.admin.token });
    const params = { org_id: org.id, id: p.id };
    expect((await call(routes.patch, { method: "PATCH", token: org.admin.token, params, body: { active: false } })).status).toBe(200);
    expect((await start(org.admin.token, p.id, { confirm_name: p.pipeline_name })).status).toBe(202);

    const resume = await call(routes.patch, { method: "PATCH", token: org.admin.token, params, body: { active: true } });
    expect(resume.status).toBe(400);
    expect(resume.body).toMatchObject({ errors: [{ code: "DecommissionInProgress", attr: "active", detail: "This pipeline is being deleted: cancel its decommission to resume it." }] });
    const unpause = await call(maestroUnpause, { method: "POST", token: org.admin.token, headers: { customer_name: org.id }, body: { pipeline_id: p.id } });
    expect(unpause.status).toBe(400);
    expect(JSON.stringify(unpause.body)).toContain("cancel its decommission");

    // Cancelled, it may be resumed again.
    expect((await call(decommissionRoutes.cancel, { method: "DELETE", token: org.admin.token, params })).status).toBe(200);
    expect((await call(routes.patch, { method: "PATCH", token: org.admin.token, params, body: { active: true } })).status).toBe(200);
  });
});

describe("POST …/pipelines/decommission (several)", () => {
  it("needs the phrase for the number of ids; refuses what the caller may not delete, one result each, changing nothing of those", async () => {
    const db = await getDb();
    const mine = await owned({ token: org.member.token });
    const mine2 = await owned({ token: org.member.token });
    const theirs = await owned({ token: org.admin.token }, { shared_to_org: true });
    const hidden = await owned({ token: org.admin.token });
    const ids = [mine.id, theirs.id, hidden.id, mine2.id];
    const body = (confirm: string) => ({ method: "POST", token: org.member.token, params: { org_id: org.id }, body: { ids, confirm, reason: "cleanup" } });

    for (const phrase of ["delete 3 pipelines", "Delete 4 pipelines", "delete 4", ""]) {
      const wrong = await call(decommissionRoutes.bulk, body(phrase));
      expect(wrong.status, phrase).toBe(400);
      expect(wrong.body).toMatchObject({ errors: [{ attr: "confirm", detail: 'Type "delete 4 pipelines" to confirm.' }] });
    }
    const res = await call(decommissionRoutes.bulk, body(" delete 4 pipelines "));
    expect(res.status).toBe(202);
    const answer = res.body as { batch_id: string; results: ({ id: string; status: string; code?: string; decommission?: PlanJson })[] };
    expect(answer.results.map((r) => [r.id, r.status, r.code ?? null])).toEqual([
      [mine.id, "accepted", null],
      [theirs.id, "refused", "forbidden"],
      [hidden.id, "refused", "not_found"],
      [mine2.id, "accepted", null],
    ]);
    for (const r of answer.results.filter((x) => x.status === "accepted")) expect(r.decommission).toMatchObject({ batch_id: answer.batch_id, state: "pausing", reason: "cleanup" });

    // The refused ones are untouched; the accepted ones end deleted.
    for (const r of answer.results.filter((x) => x.decommission)) expect(await driveToEnd(org.id, r.decommission!.id)).toBe("done");
    const left = await db.select({ id: pipelines.id, active: pipelines.active }).from(pipelines).where(eq(pipelines.orgId, org.id));
    expect(left.filter((p) => ids.includes(p.id)).sort((a, b) => a.id.localeCompare(b.id))).toEqual(
      [{ id: theirs.id, active: true }, { id: hidden.id, active: true }].sort((a, b) => a.id.localeCompare(b.id)),
    );

    // "delete 1 pipeline" for one.
    const one = await owned({ token: org.member.token });
    const single = await call(decommissionRoutes.bulk, { method: "POST", token: org.member.token, params: { org_id: org.id }, body: { ids: [one.id], confirm: "delete 1 pipeline" } });
    expect(single.status).toBe(202);
  });
});
