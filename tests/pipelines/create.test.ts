// POST /api/v1/unstract/{org_id}/pipeline/ — create: defaults, the auto-created key, schedules,
// and every documented refusal.
import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelineKeys, pipelines, pipelineShares, schedules } from "@/db/schema";
import { call, type CallOptions } from "../support/http";
import { makeOrg, type TestOrg } from "../support/fixtures";
import {
  addPerson,
  createPipeline,
  expectError,
  getPipeline,
  ISO_RE,
  NAME_TAKEN,
  routes,
  uniqueName,
  UUID_RE,
  type CreatedPipelineJson,
  type KeyJson,
} from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

const post = (body: unknown, extra: Partial<CallOptions> = {}) =>
  call(routes.create, {
    method: "POST",
    params: { org_id: org.id },
    path: `/api/v1/unstract/${org.id}/pipeline/`,
    token: org.member.token,
    body,
    ...extra,
  });

const TOO_FREQUENT = "Schedules must be at least 30 minutes apart (1800 seconds); this cron runs more often.";

describe("POST pipeline/ (create)", () => {
  it("creates with only a name: active, DEFAULT, unscheduled, owned by the caller, with one key", async () => {
    const name = uniqueName("defaults");
    const res = await post({ pipeline_name: name });
    expect(res.status).toBe(201);
    const p = res.body as CreatedPipelineJson;
    expect(p).toMatchObject({
      pipeline_name: name,
      pipeline_type: "DEFAULT",
      active: true,
      scheduled: false,
      cron_string: null,
      run_count: 0,
      last_run_time: null,
      last_run_status: "YET_TO_START",
      next_run_time: null,
      created_by: org.member.userId,
      created_by_email: org.member.email,
      modified_by: org.member.userId,
      shared_users: [],
      shared_to_org: false,
      last_5_run_statuses: [],
    });
    expect(p.id).toMatch(UUID_RE);
    expect(p.api_endpoint).toBe(`deployment/pipeline/api/${org.id}/${p.id}/`);
    expect(p.created_at).toMatch(ISO_RE);
    expect(p.modified_at).toMatch(ISO_RE);
    expect(["Cleared", "InUse", "Clearing"]).toContain(p.storage_status);

    expect(p.api_key).toMatchObject({ api: null, pipeline: p.id, description: `API Key for ${name}`, is_active: true });
    expect(p.api_key.id).toMatch(UUID_RE);
    expect(p.api_key.api_key).toMatch(UUID_RE);
    expect(p.api_key.created_at).toMatch(ISO_RE);
    expect(p.api_key.modified_at).toMatch(ISO_RE);

    const db = await getDb();
    const keys = await db.select().from(pipelineKeys).where(eq(pipelineKeys.pipelineId, p.id));
    expect(keys).toHaveLength(1);
    expect(JSON.stringify(keys)).not.toContain(p.api_key.api_key ?? "-");
    expect(await db.select().from(schedules).where(eq(schedules.pipelineId, p.id))).toEqual([]);
  });

  it("shows the key once: later reads of the pipeline and its keys carry no plain key", async () => {
    const p = await createPipeline(org, org.member);
    const plain = p.api_key.api_key ?? "";
    expect(plain).toMatch(UUID_RE);

    const read = await getPipeline(org, org.member, p.id);
    expect(read.status).toBe(200);
    expect(JSON.stringify(read.body)).not.toContain(plain);

    const keys = await call(routes.listKeys, { params: { org_id: org.id, pipeline_id: p.id }, token: org.member.token });
    expect(keys.status).toBe(200);
    const [key] = keys.body as KeyJson[];
    expect(key).toMatchObject({ id: p.api_key.id, api_key: null, description: `API Key for ${p.pipeline_name}` });
    expect(JSON.stringify(keys.body)).not.toContain(plain);
  });

  it("a cron string makes it scheduled, with a schedule row and the next run time", async () => {
    const before = Date.now();
    const p = await createPipeline(org, org.member, { cron_string: "0 0 * * *", pipeline_type: "ETL", description: "nightly" });
    expect(p).toMatchObject({ scheduled: true, cron_string: "0 0 * * *", pipeline_type: "ETL", description: "nightly", timezone: "UTC" });
    const next = new Date(p.next_run_time ?? "");
    expect(next.getTime()).toBeGreaterThan(before);
    expect(next.getTime()).toBeLessThanOrEqual(before + 86_400_000);
    expect([next.getUTCHours(), next.getUTCMinutes(), next.getUTCSeconds()]).toEqual([0, 0, 0]);

    const db = await getDb();
    const [schedule] = await db.select().from(schedules).where(eq(schedules.pipelineId, p.id));
    expect(schedule).toMatchObject({ cron: "0 0 * * *", timezone: "UTC", active: true });
    expect(schedule?.nextFireAt?.toISOString()).toBe(p.next_run_time);
  });

  it("reads the cron in the pipeline's timezone", async () => {
    const p = await createPipeline(org, org.member, { cron_string: "30 9 * * *", timezone: "Asia/Kolkata" });
    expect(p.timezone).toBe("Asia/Kolkata");
    const next = new Date(p.next_run_time ?? "");
    // 09:30 in Kolkata (UTC+05:30) is 04:00 UTC.
    expect([next.getUTCHours(), next.getUTCMinutes()]).toEqual([4, 0]);
  });

  it.each(["*/30 * * * *", "0 * * * *", "15 3 * * 1-5"])("accepts the cron %j (not more often than every 30 minutes)", async (cron) => {
    const p = await createPipeline(org, org.member, { cron_string: cron });
    expect(p).toMatchObject({ scheduled: true, cron_string: cron });
    expect(p.next_run_time).toMatch(ISO_RE);
  });

  it.each([null, ""])("a cron_string of %j means no schedule", async (cron) => {
    const p = await createPipeline(org, org.member, { cron_string: cron });
    expect(p).toMatchObject({ scheduled: false, cron_string: null, next_run_time: null });
  });

  it("is always created active, whatever the body says", async () => {
    const p = await createPipeline(org, org.member, { active: false, cron_string: "0 * * * *" });
    expect(p.active).toBe(true);
    expect(p.next_run_time).not.toBeNull();
  });

  it("accepts a name of exactly 32 characters", async () => {
    const name = uniqueName("x".repeat(32 - 9));
    expect(name).toHaveLength(32);
    const p = await createPipeline(org, org.member, { pipeline_name: name });
    expect(p.pipeline_name).toBe(name);
  });

  it.each(["ETL", "TASK", "DEFAULT", "APP"])("accepts pipeline_type %s", async (type) => {
    const p = await createPipeline(org, org.member, { pipeline_type: type });
    expect(p.pipeline_type).toBe(type);
  });

  it("shares with members at creation", async () => {
    const friend = await addPerson(org, "friend");
    const p = await createPipeline(org, org.member, { shared_users: [friend.userId], shared_to_org: true });
    expect(p).toMatchObject({ shared_users: [friend.userId], shared_to_org: true });
    const db = await getDb();
    const shares = await db.select().from(pipelineShares).where(eq(pipelineShares.pipelineId, p.id));
    expect(shares.map((s) => s.userId)).toEqual([friend.userId]);
  });

  it("refuses a name already used in the org, on pipeline_name, with the documented message", async () => {
    const name = uniqueName("dup");
    await createPipeline(org, org.member, { pipeline_name: name });
    const again = await post({ pipeline_name: name }, { token: org.admin.token });
    expectError(again, 400, "validation_error", { code: "invalid", attr: "pipeline_name", detail: NAME_TAKEN });
    const db = await getDb();
    expect(await db.select().from(pipelines).where(and(eq(pipelines.orgId, org.id), eq(pipelines.name, name)))).toHaveLength(1);
  });

  it("the same name is free in another org", async () => {
    const name = uniqueName("both-orgs");
    await createPipeline(org, org.member, { pipeline_name: name });
    const p = await createPipeline(other, other.member, { pipeline_name: name });
    expect(p.pipeline_name).toBe(name);
  });

  it("two racing creates of one name: one 201, one 400 with the same message", async () => {
    const name = uniqueName("race");
    const answers = await Promise.all([post({ pipeline_name: name }), post({ pipeline_name: name }, { token: org.admin.token })]);
    expect(answers.map((a) => a.status).sort()).toEqual([201, 400]);
    const refused = answers.find((a) => a.status === 400);
    if (!refused) throw new Error("no refusal");
    expectError(refused, 400, "validation_error", { attr: "pipeline_name", detail: NAME_TAKEN });
  });

  interface Refusal {
    case: string;
    body: Record<string, unknown>;
    attr: string;
    code?: string;
    detail?: string;
  }

  const refusals: Refusal[] = [
    { case: "no name", body: { pipeline_name: undefined }, attr: "pipeline_name", code: "required", detail: "This field is required." },
    { case: "a null name", body: { pipeline_name: null }, attr: "pipeline_name", detail: "This field may not be null." },
    { case: "an empty name", body: { pipeline_name: "" }, attr: "pipeline_name", detail: "This field may not be blank." },
    { case: "a blank name", body: { pipeline_name: "   " }, attr: "pipeline_name", detail: "This field may not be blank." },
    { case: "a number as name", body: { pipeline_name: 42 }, attr: "pipeline_name", detail: "Not a valid string." },
    {
      case: "a name of 33 characters",
      body: { pipeline_name: "a".repeat(33) },
      attr: "pipeline_name",
      detail: "Ensure this field has no more than 32 characters.",
    },
    { case: "a NUL character in the name", body: { pipeline_name: "nul\u0000name" }, attr: "pipeline_name", detail: "Null characters are not allowed." },
    { case: "a NUL character in the description", body: { description: "a\u0000b" }, attr: "description", detail: "Null characters are not allowed." },
    { case: "a bad pipeline_type", body: { pipeline_type: "BATCH" }, attr: "pipeline_type", detail: '"BATCH" is not a valid choice.' },
    { case: "a lower-case pipeline_type", body: { pipeline_type: "etl" }, attr: "pipeline_type", detail: '"etl" is not a valid choice.' },
    // Found by the reliability fuzzer: quoting an object whose toString is a string was a 500.
    { case: "an object with a toString key as pipeline_type", body: { pipeline_type: { toString: "x" } }, attr: "pipeline_type", detail: '"{"toString":"x"}" is not a valid choice.' },
    { case: "a cron of words", body: { cron_string: "every day" }, attr: "cron_string", detail: "Invalid cron string format." },
    { case: "a cron of 4 fields", body: { cron_string: "0 0 * *" }, attr: "cron_string", detail: "Invalid cron string format." },
    { case: "a cron of 6 fields", body: { cron_string: "0 0 0 * * *" }, attr: "cron_string", detail: "Invalid cron string format." },
    { case: "a minute out of range", body: { cron_string: "61 * * * *" }, attr: "cron_string", detail: "minute 61 is outside 0–59." },
    { case: "an hour out of range", body: { cron_string: "0 25 * * *" }, attr: "cron_string", detail: "hour 25 is outside 0–23." },
    { case: "a day of month out of range in a list", body: { cron_string: "0 0 1,32 * *" }, attr: "cron_string", detail: "day of month 32 is outside 1–31." },
    { case: "a month out of range in a range", body: { cron_string: "0 0 1 3-13 *" }, attr: "cron_string", detail: "month 13 is outside 1–12." },
    { case: "a minute step out of range", body: { cron_string: "*/75 * * * *" }, attr: "cron_string", detail: "minute step 75 is outside 1–59." },
    { case: "February 31st", body: { cron_string: "0 2 31 2 *" }, attr: "cron_string", detail: "0 2 31 2 * never fires: February has no 31st." },
    { case: "every minute", body: { cron_string: "* * * * *" }, attr: "cron_string", detail: TOO_FREQUENT },
    { case: "every 5 minutes", body: { cron_string: "*/5 * * * *" }, attr: "cron_string", detail: TOO_FREQUENT },
    { case: "every minute of one hour", body: { cron_string: "* 3 * * *" }, attr: "cron_string", detail: TOO_FREQUENT },
    { case: "two runs 10 minutes apart", body: { cron_string: "0,10 * * * *" }, attr: "cron_string", detail: TOO_FREQUENT },
    { case: "a bad timezone", body: { timezone: "Mars/Olympus_Mons" }, attr: "timezone" },
    { case: "a bad timezone with a cron", body: { timezone: "Nowhere", cron_string: "0 0 * * *" }, attr: "timezone" },
    { case: "active as a string", body: { active: "yes" }, attr: "active", detail: "Must be a valid boolean." },
    { case: "shared_to_org as a string", body: { shared_to_org: "true" }, attr: "shared_to_org", detail: "Must be a valid boolean." },
    { case: "shared_users not a list", body: { shared_users: "x" }, attr: "shared_users", detail: 'Expected a list of items but got type "string".' },
    { case: "shared_users not uuids", body: { shared_users: ["nope"] }, attr: "shared_users.0", detail: '"nope" is not a valid UUID.' },
  ];

  it.each(refusals)("refuses $case: 400 on $attr", async ({ body, attr, code, detail }) => {
    const name = uniqueName("refused");
    const res = await post({ pipeline_name: name, ...body });
    expectError(res, 400, "validation_error", { attr, code: code ?? "invalid", ...(detail ? { detail } : {}) });
    const db = await getDb();
    expect(await db.select().from(pipelines).where(and(eq(pipelines.orgId, org.id), eq(pipelines.name, name)))).toEqual([]);
  });

  it("answers every field error of a body at once, each on its field", async () => {
    const res = await post({ pipeline_name: "a".repeat(33), cron_string: "61 * * * *", timezone: "Mars/Olympus_Mons" });
    expect(res.status).toBe(400);
    expect(res.body).toEqual({
      type: "validation_error",
      errors: [
        { code: "invalid", detail: "Ensure this field has no more than 32 characters.", attr: "pipeline_name" },
        { code: "invalid", detail: '"Mars/Olympus_Mons" is not a valid IANA timezone.', attr: "timezone" },
        { code: "invalid", detail: "minute 61 is outside 0–59.", attr: "cron_string" },
      ],
    });
  });

  it("answers a name in use and a bad cron together", async () => {
    const taken = await post({ pipeline_name: uniqueName("taken") });
    expect(taken.status).toBe(201);
    const res = await post({ pipeline_name: (taken.body as { pipeline_name: string }).pipeline_name, cron_string: "0 2 31 2 *" });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { attr: string }[] }).errors.map((e) => e.attr)).toEqual(["pipeline_name", "cron_string"]);
  });

  it("stores and answers a legacy timezone by its canonical IANA name", async () => {
    const res = await post({ pipeline_name: uniqueName("calcutta"), cron_string: "30 9 * * *", timezone: "Asia/Calcutta" });
    expect(res.status).toBe(201);
    const created = res.body as { id: string; timezone: string };
    expect(created.timezone).toBe("Asia/Kolkata");
    const db = await getDb();
    const [row] = await db.select({ timezone: pipelines.timezone }).from(pipelines).where(eq(pipelines.id, created.id));
    expect(row?.timezone).toBe("Asia/Kolkata");
    const [schedule] = await db.select({ timezone: schedules.timezone }).from(schedules).where(eq(schedules.pipelineId, created.id));
    expect(schedule?.timezone).toBe("Asia/Kolkata");
  });

  it("names the configured minimum in the too-frequent message", async () => {
    const res = await post({ pipeline_name: uniqueName("freq"), cron_string: "*/5 * * * *" });
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toMatch(/30 minutes/);
  });

  it("refuses to share with someone who is not a member of the org", async () => {
    const res = await post({ pipeline_name: uniqueName("stranger"), shared_users: [other.member.userId] });
    expectError(res, 400, "validation_error", { attr: "shared_users", detail: `Invalid pk "${other.member.userId}" - object does not exist.` });
  });

  it("refuses malformed JSON with a parse_error", async () => {
    const res = await post(undefined, { raw: '{"pipeline_name": ' });
    expectError(res, 400, "client_error", { code: "parse_error", attr: null });
    expect((res.body as { errors: { detail: string }[] }).errors[0]?.detail).toMatch(/^JSON parse error/);
  });

  it.each(["application/x-www-form-urlencoded", "text/plain", "multipart/form-data; boundary=x"])(
    "refuses a %s body with 415",
    async (contentType) => {
      const res = await post(undefined, { raw: "pipeline_name=form", contentType });
      expectError(res, 415, "client_error", { code: "unsupported_media_type", attr: null });
    },
  );

  it("an empty body is an empty object: the name is required", async () => {
    const res = await post(undefined);
    expectError(res, 400, "validation_error", { code: "required", attr: "pipeline_name", detail: "This field is required." });
  });

  it("a JSON array is not an object", async () => {
    const res = await post([{ pipeline_name: "x" }]);
    expect(res.status).toBe(400);
    expect((res.body as { type: string }).type).toBe("validation_error");
  });

  it("an admin may create, and owns what they create", async () => {
    const p = await createPipeline(org, org.admin);
    expect(p).toMatchObject({ created_by: org.admin.userId, created_by_email: org.admin.email });
  });
});
