// GET /api/v1/unstract/{org_id}/pipeline/{id}/ — one pipeline, every documented field.
import { beforeAll, describe, expect, it } from "vitest";
import { eq, inArray } from "drizzle-orm";
import { getDb } from "@/db/client";
import { executions } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, sessionCookie } from "../support/http";
import {
  createPipeline,
  executeTimes,
  expectError,
  getPipeline,
  ISO_RE,
  NO_SUCH_ID,
  patchPipeline,
  routes,
  UUID_RE,
  type PipelineJson,
} from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

type Check = (value: unknown) => boolean;
const isString: Check = (v) => typeof v === "string";
const isUuid: Check = (v) => typeof v === "string" && UUID_RE.test(v);
const isTime: Check = (v) => typeof v === "string" && ISO_RE.test(v);
const isNullOr = (check: Check): Check => (v) => v === null || check(v);
const isBool: Check = (v) => typeof v === "boolean";
const isInt: Check = (v) => Number.isInteger(v);
const oneOf = (...values: string[]): Check => (v) => typeof v === "string" && values.includes(v);

/** Every field §1 documents for a pipeline, with the type of its value. */
const fields: Record<string, Check> = {
  id: isUuid,
  pipeline_name: isString,
  pipeline_type: oneOf("ETL", "TASK", "DEFAULT", "APP"),
  active: isBool,
  scheduled: isBool,
  cron_string: isNullOr(isString),
  run_count: isInt,
  last_run_time: isNullOr(isTime),
  last_run_status: oneOf("SUCCESS", "FAILURE", "INPROGRESS", "YET_TO_START", "RESTARTING", "PAUSED"),
  created_by: isUuid,
  created_by_email: isString,
  modified_by: isNullOr(isUuid),
  shared_users: (v) => Array.isArray(v) && v.every(isUuid),
  shared_to_org: isBool,
  created_at: isTime,
  modified_at: isTime,
  api_endpoint: isString,
  last_5_run_statuses: Array.isArray,
  next_run_time: isNullOr(isTime),
  storage_status: oneOf("Cleared", "InUse", "Clearing"),
};

describe("GET pipeline/{id}/ (retrieve)", () => {
  it.each([
    ["without a cron", {}],
    ["with a cron", { cron_string: "0 6 * * *", pipeline_type: "TASK" }],
  ])("has every documented field with its type, %s", async (_, body) => {
    const created = await createPipeline(org, org.member, body);
    const res = await getPipeline(org, org.member, created.id);
    expect(res.status).toBe(200);
    const p = res.body as Record<string, unknown>;
    for (const [field, check] of Object.entries(fields)) {
      expect(field in p, `field ${field}`).toBe(true);
      expect(check(p[field]), `${field} = ${JSON.stringify(p[field])}`).toBe(true);
    }
    const { api_key: _key, ...withoutKey } = created;
    expect(p).toEqual(withoutKey);
  });

  it("next_run_time is null without a cron and while inactive, and set otherwise", async () => {
    const plain = await createPipeline(org, org.member);
    expect(((await getPipeline(org, org.member, plain.id)).body as PipelineJson).next_run_time).toBeNull();

    const scheduled = await createPipeline(org, org.member, { cron_string: "0 12 * * *" });
    const active = (await getPipeline(org, org.member, scheduled.id)).body as PipelineJson;
    expect(active.next_run_time).toMatch(ISO_RE);
    expect(Date.parse(active.next_run_time ?? "")).toBeGreaterThan(Date.now());

    expect((await patchPipeline(org, org.member, scheduled.id, { active: false })).status).toBe(200);
    const paused = (await getPipeline(org, org.member, scheduled.id)).body as PipelineJson;
    expect(paused).toMatchObject({ active: false, scheduled: true, cron_string: "0 12 * * *", next_run_time: null });
  });

  it("last_5_run_statuses: the five newest runs, oldest first", async () => {
    const p = await createPipeline(org, org.member);
    const ids = await executeTimes(org, org.member, p.id, 6);
    // Distinct start times, one minute apart in the order they were started.
    const db = await getDb();
    const base = Date.now() - 3_600_000;
    for (const [i, id] of ids.entries()) {
      await db.update(executions).set({ createdAt: new Date(base + i * 60_000) }).where(eq(executions.id, id));
    }
    const res = await getPipeline(org, org.member, p.id);
    const body = res.body as PipelineJson;
    expect(body.run_count).toBe(6);
    expect(body.last_5_run_statuses.map((r) => r.execution_id)).toEqual(ids.slice(1));
    expect(body.last_5_run_statuses.map((r) => r.timestamp)).toEqual(ids.slice(1).map((_, i) => new Date(base + (i + 1) * 60_000).toISOString()));
    for (const run of body.last_5_run_statuses) {
      expect(run).toEqual({ execution_id: expect.stringMatching(UUID_RE), status: "PENDING", timestamp: expect.stringMatching(ISO_RE), successful_files: 0, failed_files: 0 });
    }
    const stored = await db.select().from(executions).where(inArray(executions.id, ids));
    expect(stored).toHaveLength(6);
  });

  it("answers the same through a session cookie", async () => {
    const p = await createPipeline(org, org.member);
    const res = await getPipeline(org, { cookie: await sessionCookie(org.member) }, p.id);
    expect(res.status).toBe(200);
    expect((res.body as PipelineJson).id).toBe(p.id);
  });

  it.each([
    ["an unknown id", NO_SUCH_ID],
    ["a malformed id", "not-a-uuid"],
    ["an id with an extra character", "00000000-0000-4000-8000-0000000000000"],
  ])("is 404 for %s", async (_, id) => {
    const res = await getPipeline(org, org.member, id);
    expectError(res, 404, "client_error", { code: "not_found", attr: null });
  });

  it("is 404 for a pipeline of another org, even by its id and with that org's path", async () => {
    const theirs = await createPipeline(other, other.member);
    expectError(await getPipeline(org, org.admin, theirs.id), 404, "client_error", { code: "not_found" });
    expectError(await getPipeline(other, org.admin, theirs.id), 404, "client_error", { code: "not_found" });
  });

  it("is 404 for an org id that is not a slug, with a token or a session", async () => {
    const p = await createPipeline(org, org.member);
    for (const orgId of [`${org.id}\u0000`, "x".repeat(500), "Acme Corp"]) {
      const at = { params: { org_id: orgId, id: p.id } };
      expectError(await call(routes.retrieve, { ...at, token: org.member.token }), 404, "client_error", { code: "not_found" });
      expectError(await call(routes.retrieve, { ...at, cookie: await sessionCookie(org.member) }), 404, "client_error", { code: "not_found" });
    }
  });

  it("is 401 without a credential and with a bad token", async () => {
    const p = await createPipeline(org, org.member);
    expectError(await getPipeline(org, {}, p.id), 401, "client_error", { code: "not_authenticated" });
    expectError(await getPipeline(org, { token: "slt_nope" }, p.id), 401, "client_error", { code: "not_authenticated" });
  });
});
