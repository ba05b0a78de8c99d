// POST /platform/pipeline (create with jobs), GET /platform/pipeline/{id} and GET
// /platform/pipelines: Maestro's shapes over the same pipelines §1 serves.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { jobs, schedules } from "@/db/schema";
import { setPipelineActive } from "@/lib/domain/pipelines";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { getPipeline, NAME_TAKEN, UUID_RE, type PipelineJson } from "../pipelines/support";
import { sampleSource, tableDestination } from "../worker/support";
import { admin, executeAndRun, expectRefusal, failingPipeline, maestro, NO_SUCH_ID, pipelineWith, underscored, unique } from "./support";

let org: TestOrg;
let other: TestOrg;
let source: { id: string };
let destination: { id: string };
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
  source = await sampleSource(org.admin, { count: 5 });
  destination = await tableDestination(org.admin, `mp_${Date.now()}`);
});

interface JobJson {
  id: string;
  job_id: string;
  job_name: string;
  source: string;
  destination: string | null;
  config: Record<string, unknown>;
}
interface PipelineDataJson {
  id: string;
  name: string;
  description: string;
  cron: string | null;
  customer_id: string;
  status: string;
  created_at: string;
  updated_at: string;
  jobs: JobJson[];
}
const DATA_KEYS = ["created_at", "cron", "customer_id", "description", "id", "jobs", "name", "status", "updated_at"];
const UNDERSCORED_UUID = /^[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}$/;

const create = (body: unknown) => maestro("create", org, admin(org), { body });
const dataOf = (body: unknown) => (body as { data: PipelineDataJson }).data;
const idOf = (data: PipelineDataJson) => data.id.replace(/_/g, "-");

describe("POST /platform/pipeline", () => {
  it("creates a pipeline with its jobs: 201 {status: true, data}", async () => {
    const name = unique("orders");
    const res = await create({
      name,
      description: "Orders to the warehouse",
      cron: "0 6 * * *",
      jobs: [
        { name: "orders_extraction", source: source.id, destination: destination.id, config: { note: "first" } },
        { name: "orders_sample", source: source.id },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body as { status: boolean }).status).toBe(true);
    const data = dataOf(res.body);
    expect(Object.keys(data).sort()).toEqual(DATA_KEYS);
    expect(data).toMatchObject({ name, description: "Orders to the warehouse", cron: "0 6 * * *", customer_id: org.id, status: "active" });
    expect(data.id).toMatch(UNDERSCORED_UUID);
    expect(data.jobs).toEqual([
      { id: expect.stringMatching(UUID_RE), job_id: `${data.id}_0`, job_name: "orders_extraction", source: source.id, destination: destination.id, config: { note: "first" } },
      { id: expect.stringMatching(UUID_RE), job_id: `${data.id}_1`, job_name: "orders_sample", source: source.id, destination: null, config: {} },
    ]);

    // The same pipeline in §1, with its schedule and first key, as any creation makes.
    const v1 = (await getPipeline(org, { token: org.admin.token }, idOf(data))).body as PipelineJson;
    expect(v1).toMatchObject({ pipeline_name: name, active: true, cron_string: "0 6 * * *", scheduled: true });
    const db = await getDb();
    expect(await db.select().from(schedules).where(eq(schedules.pipelineId, idOf(data)))).toHaveLength(1);
    expect(await db.select().from(jobs).where(eq(jobs.pipelineId, idOf(data)))).toHaveLength(2);
  });

  it("needs only a name: no jobs, no cron", async () => {
    const res = await create({ name: unique("bare") });
    expect(res.status).toBe(201);
    expect(dataOf(res.body)).toMatchObject({ cron: null, description: "", jobs: [], status: "active" });
  });

  it.each([
    ["with -", () => randomUUID()],
    ["with _", () => underscored(randomUUID())],
  ])("accepts an id written %s (the domain chooses the pipeline id)", async (_, id) => {
    const res = await create({ id: id(), name: unique("withid"), jobs: [] });
    expect(res.status).toBe(201);
    expect(dataOf(res.body).id).toMatch(UNDERSCORED_UUID);
  });

  it.each([
    ["no name", { jobs: [] }, "name"],
    ["an empty name", { name: " ", jobs: [] }, "name"],
    ["a name over 32 characters", { name: "x".repeat(33), jobs: [] }, "name"],
    ["an id that is no uuid", { id: "pipeline-1", name: "ok_name", jobs: [] }, "id"],
    ["jobs that are not a list", { name: "ok_name", jobs: "none" }, "jobs"],
    ["a job without a source", { name: "ok_name", jobs: [{ name: "j" }] }, "jobs.0.source"],
    ["a job without a name", { name: "ok_name", jobs: [{ source: "abc" }] }, "jobs.0.name"],
    ["a config that is not an object", { name: "ok_name", jobs: [{ name: "j", source: "abc", config: [1] }] }, "jobs.0.config"],
  ])("%s → 400 ValidationError naming the field", async (_, body, field) => {
    const res = await create(body);
    expectRefusal(res, "ValidationError");
    expect((res.body as { detail: string }).detail).toContain(`${field}: `);
  });

  it.each([
    ["an invalid cron", { cron: "every day" }, "Invalid cron string format."],
    ["a cron every minute", { cron: "* * * * *" }, "at least 30 minutes"],
    ["an unknown source", { jobs: [{ name: "j", source: "0123456789abcdef01234567" }] }, "is not a source of this organization"],
    ["a destination used as the source", { jobs: [{ name: "j", source: "DEST" }] }, "is not a source of this organization"],
    ["a source used as the destination", { jobs: [{ name: "j", source: "SRC", destination: "SRC" }] }, "is not a destination of this organization"],
  ])("the domain refuses %s → 400 ValidationError; nothing is made", async (_, extra, detail) => {
    const name = unique("bad");
    const body = JSON.parse(JSON.stringify({ name, jobs: [], ...extra }).replaceAll("DEST", destination.id).replaceAll("SRC", source.id)) as unknown;
    const res = await create(body);
    expectRefusal(res, "ValidationError");
    expect((res.body as { detail: string }).detail).toContain(detail);
    const list = (await maestro("list", org, admin(org))).body as { name: string }[];
    expect(list.map((p) => p.name)).not.toContain(name);
  });

  it("another org's source is not a source of this one", async () => {
    const theirs = await sampleSource(other.admin, { count: 1 });
    const res = await create({ name: unique("theirs"), jobs: [{ name: "j", source: theirs.id }] });
    expectRefusal(res, "ValidationError");
  });

  it("a name in use → 400 with §1's message", async () => {
    const name = unique("twice");
    expect((await create({ name })).status).toBe(201);
    const res = await create({ name });
    expectRefusal(res, "ValidationError");
    expect((res.body as { detail: string }).detail).toBe(NAME_TAKEN);
  });
});

describe("GET /platform/pipeline/{id}", () => {
  it.each([
    ["with -", (id: string) => id],
    ["with _", underscored],
  ])("answers {status: true, data} for an id written %s", async (_, write) => {
    const pipeline = await pipelineWith(org.admin, { jobs: 2, cronString: "30 2 * * *" });
    const res = await maestro("get", org, admin(org), { params: { id: write(pipeline.id) } });
    expect(res.status).toBe(200);
    expect(Object.keys(res.body as object).sort()).toEqual(["data", "status"]);
    const data = dataOf(res.body);
    expect(Object.keys(data).sort()).toEqual(DATA_KEYS);
    expect(data).toMatchObject({
      id: underscored(pipeline.id),
      name: pipeline.name,
      cron: "30 2 * * *",
      customer_id: org.id,
      status: "active",
      created_at: pipeline.createdAt.toISOString(),
      updated_at: pipeline.modifiedAt.toISOString(),
    });
    expect(data.jobs.map((j) => j.job_name)).toEqual(["job 0", "job 1"]);
  });

  it("status: error when active and the last run failed; paused wins over error", async () => {
    const db = await getDb();
    const { id } = await failingPipeline(org.admin);
    const run = await executeAndRun(org.admin, id);
    expect(run.status).toBe("ERROR");
    const status = async () => dataOf((await maestro("get", org, admin(org), { params: { id } })).body).status;
    expect(await status()).toBe("error");
    await setPipelineActive(db, org.admin, id, false);
    expect(await status()).toBe("paused");
  });

  it.each([NO_SUCH_ID, underscored(NO_SUCH_ID), "invalid_pipeline_id"])("404 for %s", async (id) => {
    const res = await maestro("get", org, admin(org), { params: { id } });
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: `pipeline_id ${id} not found!!` });
  });

  it("404 for another org's pipeline", async () => {
    const theirs = await pipelineWith(other.admin);
    expect((await maestro("get", org, admin(org), { params: { id: theirs.id } })).status).toBe(404);
  });
});

describe("GET /platform/pipelines", () => {
  it("lists the org's pipelines with their jobs as a bare array, the total in X-Total-Count", async () => {
    const mine = await pipelineWith(org.admin, { jobs: 1 });
    const theirs = await pipelineWith(other.admin);
    const res = await maestro("list", org, admin(org));
    expect(res.status).toBe(200);
    const list = res.body as { pipeline_id: string; jobs: JobJson[] }[];
    expect(Array.isArray(list)).toBe(true);
    expect(Number(res.headers.get("x-total-count"))).toBe(list.length);
    const entry = list.find((p) => p.pipeline_id === underscored(mine.id));
    expect(entry).toMatchObject({
      customer_id: org.id,
      user_id: org.admin.email,
      name: mine.name,
      status: "active",
      last_status: "YET_TO_START",
      jobs: [{ job_id: `${underscored(mine.id)}_0`, job_name: "job 0" }],
    });
    expect(list.map((p) => p.pipeline_id)).not.toContain(underscored(theirs.id));
  });

  it("pages with page and page_size", async () => {
    const all = (await maestro("list", org, admin(org))).body as { pipeline_id: string }[];
    expect(all.length).toBeGreaterThan(2);
    const first = (await maestro("list", org, admin(org), { query: "?page_size=2" })).body as { pipeline_id: string }[];
    const second = (await maestro("list", org, admin(org), { query: "?page=2&page_size=2" })).body as { pipeline_id: string }[];
    expect([...first, ...second].map((p) => p.pipeline_id)).toEqual(all.slice(0, 4).map((p) => p.pipeline_id));
  });

  it.each(["?page_size=0", "?page_size=1001", "?page=abc", "?page=0"])("%s → 400 ValidationError", async (query) => {
    expectRefusal(await maestro("list", org, admin(org), { query }), "ValidationError");
  });
});
