// PUT and PATCH /api/v1/unstract/{org_id}/pipeline/{id}/ — update, pause/resume, sharing.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelines, schedules } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, type CallOptions } from "../support/http";
import {
  addPerson,
  createPipeline,
  expectError,
  getPipeline,
  ISO_RE,
  NAME_TAKEN,
  NO_SUCH_ID,
  routes,
  uniqueName,
  type PipelineJson,
} from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

const TOO_FREQUENT = "Schedules must be at least 30 minutes apart (1800 seconds); this cron runs more often.";

const put = (id: string, body: unknown, extra: Partial<CallOptions> = {}) =>
  call(routes.put, {
    method: "PUT",
    params: { org_id: org.id, id },
    path: `/api/v1/unstract/${org.id}/pipeline/${id}/`,
    token: org.member.token,
    body,
    ...extra,
  });

const patch = (id: string, body: unknown, extra: Partial<CallOptions> = {}) =>
  call(routes.patch, {
    method: "PATCH",
    params: { org_id: org.id, id },
    path: `/api/v1/unstract/${org.id}/pipeline/${id}/`,
    token: org.member.token,
    body,
    ...extra,
  });

const scheduleOf = async (id: string) => {
  const db = await getDb();
  const [row] = await db.select().from(schedules).where(eq(schedules.pipelineId, id));
  return row ?? null;
};

describe("PUT pipeline/{id}/", () => {
  it("replaces the editable fields", async () => {
    const p = await createPipeline(org, org.member);
    const name = uniqueName("renamed");
    const res = await put(p.id, { pipeline_name: name, pipeline_type: "ETL", description: "new", cron_string: "0 * * * *", timezone: "Europe/Berlin" });
    expect(res.status).toBe(200);
    const body = res.body as PipelineJson;
    expect(body).toMatchObject({
      id: p.id,
      pipeline_name: name,
      pipeline_type: "ETL",
      description: "new",
      scheduled: true,
      cron_string: "0 * * * *",
      timezone: "Europe/Berlin",
      active: true,
      modified_by: org.member.userId,
      created_by: org.member.userId,
    });
    expect(body.next_run_time).toMatch(ISO_RE);
    expect(Date.parse(body.modified_at)).toBeGreaterThanOrEqual(Date.parse(p.modified_at));
    expect(await scheduleOf(p.id)).toMatchObject({ cron: "0 * * * *", timezone: "Europe/Berlin", active: true });
    expect((await getPipeline(org, org.member, p.id)).body).toMatchObject({ pipeline_name: name, pipeline_type: "ETL" });
  });

  it("keeps fields the body leaves out", async () => {
    const p = await createPipeline(org, org.member, { pipeline_type: "TASK", cron_string: "0 3 * * *", description: "kept" });
    const res = await put(p.id, { pipeline_name: p.pipeline_name });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pipeline_type: "TASK", cron_string: "0 3 * * *", description: "kept", scheduled: true });
  });

  it.each([
    { case: "no name", body: { pipeline_type: "ETL" }, attr: "pipeline_name", code: "required", detail: "This field is required." },
    { case: "a name of 33 characters", body: { pipeline_name: "b".repeat(33) }, attr: "pipeline_name", code: "invalid", detail: "Ensure this field has no more than 32 characters." },
    { case: "a bad type", body: { pipeline_name: "x", pipeline_type: "STREAM" }, attr: "pipeline_type", code: "invalid", detail: '"STREAM" is not a valid choice.' },
    { case: "an invalid cron", body: { pipeline_name: "x", cron_string: "0 0 * *" }, attr: "cron_string", code: "invalid", detail: "Invalid cron string format." },
    { case: "every minute", body: { pipeline_name: "x", cron_string: "* * * * *" }, attr: "cron_string", code: "invalid", detail: TOO_FREQUENT },
  ])("refuses $case: 400 on $attr", async ({ body, attr, code, detail }) => {
    const p = await createPipeline(org, org.member);
    expectError(await put(p.id, body), 400, "validation_error", { attr, code, detail });
    expect((await getPipeline(org, org.member, p.id)).body).toMatchObject({ pipeline_name: p.pipeline_name, cron_string: null });
  });

  it("refuses another pipeline's name", async () => {
    const [a, b] = [await createPipeline(org, org.member), await createPipeline(org, org.admin)];
    expectError(await put(a.id, { pipeline_name: b.pipeline_name }), 400, "validation_error", { attr: "pipeline_name", detail: NAME_TAKEN });
  });

  it("is 404 for an unknown or malformed id", async () => {
    expectError(await put(NO_SUCH_ID, { pipeline_name: "x" }), 404, "client_error", { code: "not_found" });
    expectError(await put("123", { pipeline_name: "x" }), 404, "client_error", { code: "not_found" });
  });

  it("refuses malformed JSON (400 parse_error) and a non-JSON body (415)", async () => {
    const p = await createPipeline(org, org.member);
    expectError(await put(p.id, undefined, { raw: "{nope" }), 400, "client_error", { code: "parse_error", attr: null });
    expectError(await put(p.id, undefined, { raw: "pipeline_name=x", contentType: "application/x-www-form-urlencoded" }), 415, "client_error", {
      code: "unsupported_media_type",
    });
  });
});

describe("PATCH pipeline/{id}/", () => {
  it("changes only the fields given", async () => {
    const p = await createPipeline(org, org.member, { pipeline_type: "ETL", description: "before" });
    const res = await patch(p.id, { description: "after" });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pipeline_name: p.pipeline_name, pipeline_type: "ETL", description: "after", active: true });
  });

  it("an empty body changes nothing but answers the pipeline", async () => {
    const p = await createPipeline(org, org.member, { cron_string: "0 1 * * *" });
    const res = await patch(p.id, {});
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ pipeline_name: p.pipeline_name, cron_string: "0 1 * * *", active: true });
  });

  it("renaming to its own name is allowed; to another's is 400", async () => {
    const [a, b] = [await createPipeline(org, org.member), await createPipeline(org, org.member)];
    expect((await patch(a.id, { pipeline_name: a.pipeline_name })).status).toBe(200);
    expectError(await patch(a.id, { pipeline_name: b.pipeline_name }), 400, "validation_error", {
      code: "invalid",
      attr: "pipeline_name",
      detail: NAME_TAKEN,
    });
  });

  it("{active:false} pauses: schedule inactive, next_run_time null; {active:true} resumes", async () => {
    const p = await createPipeline(org, org.member, { cron_string: "0 4 * * *" });
    expect(await scheduleOf(p.id)).toMatchObject({ active: true, nextFireAt: expect.any(Date) });

    const paused = await patch(p.id, { active: false });
    expect(paused.status).toBe(200);
    expect(paused.body).toMatchObject({ active: false, scheduled: true, cron_string: "0 4 * * *", next_run_time: null });
    expect(await scheduleOf(p.id)).toMatchObject({ active: false, nextFireAt: null });
    expect((await getPipeline(org, org.member, p.id)).body).toMatchObject({ active: false, next_run_time: null });

    const resumed = await patch(p.id, { active: true });
    expect(resumed.status).toBe(200);
    const body = resumed.body as PipelineJson;
    expect(body).toMatchObject({ active: true, scheduled: true });
    expect(body.next_run_time).toMatch(ISO_RE);
    const schedule = await scheduleOf(p.id);
    expect(schedule).toMatchObject({ active: true });
    expect(schedule?.nextFireAt?.toISOString()).toBe(body.next_run_time);
  });

  it("pausing twice, or pausing a pipeline without a cron, is fine", async () => {
    const p = await createPipeline(org, org.member);
    expect((await patch(p.id, { active: false })).body).toMatchObject({ active: false, next_run_time: null });
    expect((await patch(p.id, { active: false })).body).toMatchObject({ active: false, next_run_time: null });
    expect(await scheduleOf(p.id)).toBeNull();
  });

  it("adding a cron creates the schedule; a null cron removes it", async () => {
    const p = await createPipeline(org, org.member);
    const added = await patch(p.id, { cron_string: "30 2 * * *" });
    expect(added.body).toMatchObject({ scheduled: true, cron_string: "30 2 * * *" });
    expect(await scheduleOf(p.id)).toMatchObject({ cron: "30 2 * * *" });

    const removed = await patch(p.id, { cron_string: null });
    expect(removed.body).toMatchObject({ scheduled: false, cron_string: null, next_run_time: null });
    expect(await scheduleOf(p.id)).toBeNull();
  });

  it("a paused pipeline given a cron keeps its schedule inactive", async () => {
    const p = await createPipeline(org, org.member);
    await patch(p.id, { active: false });
    const res = await patch(p.id, { cron_string: "0 5 * * *" });
    expect(res.body).toMatchObject({ active: false, scheduled: true, next_run_time: null });
    expect(await scheduleOf(p.id)).toMatchObject({ active: false, nextFireAt: null });
  });

  it("a new timezone moves the next run", async () => {
    const p = await createPipeline(org, org.member, { cron_string: "0 9 * * *" });
    const res = await patch(p.id, { timezone: "Asia/Tokyo" });
    const next = new Date((res.body as PipelineJson).next_run_time ?? "");
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([0, 0]); // 09:00 in Tokyo (UTC+9)
    expect(await scheduleOf(p.id)).toMatchObject({ timezone: "Asia/Tokyo" });
  });

  it("stores a legacy timezone by its canonical name and reads it back so", async () => {
    const p = await createPipeline(org, org.member, { cron_string: "0 9 * * *" });
    const res = await patch(p.id, { timezone: "Europe/Kiev" });
    expect(res.status).toBe(200);
    expect((res.body as PipelineJson).timezone).toBe("Europe/Kyiv");
    expect(await scheduleOf(p.id)).toMatchObject({ timezone: "Europe/Kyiv" });
    expect(((await getPipeline(org, org.member, p.id)).body as PipelineJson).timezone).toBe("Europe/Kyiv");
  });

  it("answers a bad name and a bad cron of one PATCH together, each with its attr", async () => {
    const p = await createPipeline(org, org.member, { cron_string: "0 0 * * *" });
    const res = await patch(p.id, { pipeline_name: "", cron_string: "0 24 * * *" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      type: "validation_error",
      errors: [
        { code: "invalid", detail: "This field may not be blank.", attr: "pipeline_name" },
        { code: "invalid", detail: "hour 24 is outside 0–23.", attr: "cron_string" },
      ],
    });
  });

  it.each([
    { case: "an invalid cron", body: { cron_string: "every hour" }, attr: "cron_string", detail: "Invalid cron string format." },
    { case: "*/5 * * * *", body: { cron_string: "*/5 * * * *" }, attr: "cron_string", detail: TOO_FREQUENT },
    { case: "* * * * *", body: { cron_string: "* * * * *" }, attr: "cron_string", detail: TOO_FREQUENT },
    { case: "*/29 * * * *", body: { cron_string: "*/29 * * * *" }, attr: "cron_string", detail: TOO_FREQUENT },
    { case: "a bad timezone", body: { timezone: "Europe/Atlantis" }, attr: "timezone" },
    { case: "February 31st", body: { cron_string: "0 2 31 2 *" }, attr: "cron_string", detail: "0 2 31 2 * never fires: February has no 31st." },
    { case: "a minute of 61", body: { cron_string: "61 * * * *" }, attr: "cron_string", detail: "minute 61 is outside 0–59." },
    { case: "an empty name", body: { pipeline_name: "" }, attr: "pipeline_name", detail: "This field may not be blank." },
    { case: "a null name", body: { pipeline_name: null }, attr: "pipeline_name", detail: "This field may not be null." },
    { case: "a name of 33 characters", body: { pipeline_name: "c".repeat(33) }, attr: "pipeline_name", detail: "Ensure this field has no more than 32 characters." },
    { case: "a bad type", body: { pipeline_type: "" }, attr: "pipeline_type", detail: '"" is not a valid choice.' },
    { case: "a NUL character in the description", body: { description: "a\u0000b" }, attr: "description", detail: "Null characters are not allowed." },
    { case: "a NUL character in the name", body: { pipeline_name: "a\u0000b" }, attr: "pipeline_name", detail: "Null characters are not allowed." },
    { case: "active as a string", body: { active: "false" }, attr: "active", detail: "Must be a valid boolean." },
    { case: "active null", body: { active: null }, attr: "active", detail: "This field may not be null." },
    { case: "shared_to_org as a number", body: { shared_to_org: 1 }, attr: "shared_to_org", detail: "Must be a valid boolean." },
  ])("refuses $case: 400 on $attr and changes nothing", async ({ body, attr, detail }) => {
    const p = await createPipeline(org, org.member, { cron_string: "0 0 * * *" });
    expectError(await patch(p.id, body), 400, "validation_error", { attr, code: "invalid", ...(detail ? { detail } : {}) });
    const after = (await getPipeline(org, org.member, p.id)).body as PipelineJson;
    expect(after).toMatchObject({ pipeline_name: p.pipeline_name, cron_string: "0 0 * * *", timezone: "UTC", active: true, pipeline_type: "DEFAULT" });
  });

  describe("sharing", () => {
    it("shared_users and shared_to_org are set, replaced and cleared", async () => {
      const [a, b] = [await addPerson(org, "share-a"), await addPerson(org, "share-b")];
      const p = await createPipeline(org, org.member);

      const both = await patch(p.id, { shared_users: [a.userId, b.userId] });
      expect(both.status).toBe(200);
      expect([...(both.body as PipelineJson).shared_users].sort()).toEqual([a.userId, b.userId].sort());

      const one = await patch(p.id, { shared_users: [b.userId], shared_to_org: true });
      expect(one.body).toMatchObject({ shared_users: [b.userId], shared_to_org: true });

      const none = await patch(p.id, { shared_users: [], shared_to_org: false });
      expect(none.body).toMatchObject({ shared_users: [], shared_to_org: false });
    });

    it("leaving shared_users out keeps the shares", async () => {
      const a = await addPerson(org, "share-keep");
      const p = await createPipeline(org, org.member, { shared_users: [a.userId] });
      expect((await patch(p.id, { shared_to_org: true })).body).toMatchObject({ shared_users: [a.userId], shared_to_org: true });
    });

    it("a user listed twice is shared with once", async () => {
      const a = await addPerson(org, "share-twice");
      const p = await createPipeline(org, org.member);
      expect((await patch(p.id, { shared_users: [a.userId, a.userId] })).body).toMatchObject({ shared_users: [a.userId] });
    });

    it.each([
      ["a member of another org", () => other.member.userId],
      ["an unknown user", () => NO_SUCH_ID],
    ])("refuses to share with %s: 400 on shared_users", async (_, target) => {
      const p = await createPipeline(org, org.member);
      const id = target();
      expectError(await patch(p.id, { shared_users: [id] }), 400, "validation_error", {
        attr: "shared_users",
        detail: `Invalid pk "${id}" - object does not exist.`,
      });
      expect((await getPipeline(org, org.member, p.id)).body).toMatchObject({ shared_users: [] });
    });

    it("refuses to share with the owner", async () => {
      const p = await createPipeline(org, org.member);
      expectError(await patch(p.id, { shared_users: [org.member.userId] }), 400, "validation_error", { attr: "shared_users" });
    });
  });

  it("an org admin may update a member's pipeline and is recorded as modifier", async () => {
    const p = await createPipeline(org, org.member);
    const res = await patch(p.id, { description: "by admin" }, { token: org.admin.token });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ description: "by admin", modified_by: org.admin.userId, created_by: org.member.userId });
  });

  it("a shared user may not update: 403", async () => {
    const friend = await addPerson(org, "patch-friend");
    const p = await createPipeline(org, org.member, { shared_users: [friend.userId] });
    expectError(await patch(p.id, { description: "nope" }, { token: friend.token }), 403, "client_error", { code: "permission_denied" });
    const db = await getDb();
    const [row] = await db.select().from(pipelines).where(eq(pipelines.id, p.id));
    expect(row?.description).toBe("");
  });

  it("is 404 for an unknown or malformed id, and for another org's pipeline", async () => {
    const theirs = await createPipeline(other, other.member);
    expectError(await patch(NO_SUCH_ID, { active: false }), 404, "client_error", { code: "not_found" });
    expectError(await patch("zzz", { active: false }), 404, "client_error", { code: "not_found" });
    expectError(await patch(theirs.id, { active: false }, { token: org.admin.token }), 404, "client_error", { code: "not_found" });
    expect((await getPipeline(other, other.member, theirs.id)).body).toMatchObject({ active: true });
  });

  it("refuses malformed JSON (400 parse_error) and a non-JSON body (415)", async () => {
    const p = await createPipeline(org, org.member);
    expectError(await patch(p.id, undefined, { raw: '{"active": fals' }), 400, "client_error", { code: "parse_error", attr: null });
    expectError(await patch(p.id, undefined, { raw: "active=false", contentType: "text/plain" }), 415, "client_error", {
      code: "unsupported_media_type",
      attr: null,
    });
    expect((await getPipeline(org, org.member, p.id)).body).toMatchObject({ active: true });
  });
});
