// POST /api/v1/unstract/{org_id}/pipeline/execute/ — start a run from within the platform.
import { randomUUID } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { executions, pipelines } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call } from "../support/http";
import {
  addPerson,
  createPipeline,
  execute,
  expectError,
  getPipeline,
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

interface ExecuteJson {
  pipeline: PipelineJson;
  execution: { workflow_id: string; execution_id: string; execution_status: string; log_id: string; error: string | null; result: unknown };
}

const runsOf = async (pipelineId: string) => {
  const db = await getDb();
  return db.select().from(executions).where(eq(executions.pipelineId, pipelineId));
};

describe("POST pipeline/execute/", () => {
  it("starts a run: 200 {pipeline, execution}, run_count += 1, last_run_status RESTARTING", async () => {
    const p = await createPipeline(org, org.member);
    const res = await execute(org, org.member, { pipeline_id: p.id });
    expect(res.status).toBe(200);
    const body = res.body as ExecuteJson;
    expect(Object.keys(body).sort()).toEqual(["execution", "pipeline"]);
    expect(body.pipeline).toMatchObject({ id: p.id, pipeline_name: p.pipeline_name, run_count: 1, last_run_status: "RESTARTING" });
    expect(body.execution).toEqual({
      workflow_id: p.id,
      execution_id: expect.stringMatching(UUID_RE),
      execution_status: "PENDING",
      log_id: expect.any(String),
      error: null,
      result: null,
    });
    expect(body.pipeline.last_5_run_statuses.map((r) => r.execution_id)).toEqual([body.execution.execution_id]);

    const runs = await runsOf(p.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ id: body.execution.execution_id, method: "DIRECT", status: "PENDING", triggeredBy: org.member.userId });

    const again = await execute(org, org.member, { pipeline_id: p.id });
    expect((again.body as ExecuteJson).pipeline.run_count).toBe(2);
    expect((await getPipeline(org, org.member, p.id)).body).toMatchObject({ run_count: 2, last_run_status: "RESTARTING" });
  });

  it("the same execution_id twice starts one run", async () => {
    const p = await createPipeline(org, org.member);
    const executionId = randomUUID();
    const first = await execute(org, org.member, { pipeline_id: p.id, execution_id: executionId });
    const second = await execute(org, org.member, { pipeline_id: p.id, execution_id: executionId });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect((first.body as ExecuteJson).execution.execution_id).toBe(executionId);
    expect((second.body as ExecuteJson).execution.execution_id).toBe(executionId);
    expect(await runsOf(p.id)).toHaveLength(1);
    expect((await getPipeline(org, org.member, p.id)).body).toMatchObject({ run_count: 1 });
  });

  it("the same execution_id sent at once by two requests starts one run", async () => {
    const p = await createPipeline(org, org.member);
    const executionId = randomUUID();
    const answers = await Promise.all([
      execute(org, org.member, { pipeline_id: p.id, execution_id: executionId }),
      execute(org, org.member, { pipeline_id: p.id, execution_id: executionId }),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(await runsOf(p.id)).toHaveLength(1);
  });

  it("an execution_id of another pipeline is refused on execution_id", async () => {
    const [a, b] = [await createPipeline(org, org.member), await createPipeline(org, org.member)];
    const executionId = randomUUID();
    expect((await execute(org, org.member, { pipeline_id: a.id, execution_id: executionId })).status).toBe(200);
    expectError(await execute(org, org.member, { pipeline_id: b.id, execution_id: executionId }), 400, "validation_error", { attr: "execution_id" });
    expect(await runsOf(b.id)).toHaveLength(0);
  });

  it.each([
    ["an unknown id", { pipeline_id: NO_SUCH_ID }],
    ["a non-uuid id", { pipeline_id: "pipeline-1" }],
    ["an empty id", { pipeline_id: "" }],
  ])("%s is 400 Invalid pipeline ID", async (_, body) => {
    expectError(await execute(org, org.member, body), 400, "validation_error", { code: "invalid", detail: "Invalid pipeline ID", attr: "pipeline_id" });
  });

  it("another org's pipeline is 400 Invalid pipeline ID, and does not run", async () => {
    const theirs = await createPipeline(other, other.member);
    expectError(await execute(org, org.admin, { pipeline_id: theirs.id }), 400, "validation_error", { detail: "Invalid pipeline ID" });
    expect(await runsOf(theirs.id)).toHaveLength(0);
  });

  it("a pipeline the member cannot see is 400 Invalid pipeline ID", async () => {
    const hidden = await createPipeline(org, org.admin);
    expectError(await execute(org, org.member, { pipeline_id: hidden.id }), 400, "validation_error", { detail: "Invalid pipeline ID", attr: "pipeline_id" });
    expect(await runsOf(hidden.id)).toHaveLength(0);
  });

  it("an inactive pipeline is 422 with the documented message, and does not run", async () => {
    const p = await createPipeline(org, org.member);
    expect((await patchPipeline(org, org.member, p.id, { active: false })).status).toBe(200);
    const res = await execute(org, org.member, { pipeline_id: p.id });
    expectError(res, 422, "client_error", { detail: `Pipeline '${p.pipeline_name}' is inactive, please activate the pipeline` });
    expect(await runsOf(p.id)).toHaveLength(0);
    const db = await getDb();
    const [row] = await db.select().from(pipelines).where(eq(pipelines.id, p.id));
    expect(row).toMatchObject({ runCount: 0, lastRunStatus: "YET_TO_START" });

    expect((await patchPipeline(org, org.member, p.id, { active: true })).status).toBe(200);
    expect((await execute(org, org.member, { pipeline_id: p.id })).status).toBe(200);
  });

  it.each([
    { case: "no pipeline_id", body: {}, attr: "pipeline_id", code: "required", detail: "This field is required." },
    { case: "a numeric pipeline_id", body: { pipeline_id: 7 }, attr: "pipeline_id", code: "invalid", detail: "Not a valid string." },
    { case: "a non-uuid execution_id", body: { pipeline_id: NO_SUCH_ID, execution_id: "run-1" }, attr: "execution_id", code: "invalid", detail: '"run-1" is not a valid UUID.' },
  ])("refuses $case: 400 on $attr", async ({ body, attr, code, detail }) => {
    expectError(await execute(org, org.member, body), 400, "validation_error", { attr, code, detail });
  });

  it("a shared user, a member of a shared-to-org pipeline and an admin may execute", async () => {
    const [friend, colleague] = [await addPerson(org, "exec-friend"), await addPerson(org, "exec-colleague")];
    const shared = await createPipeline(org, org.member, { shared_users: [friend.userId] });
    const toOrg = await createPipeline(org, org.member, { shared_to_org: true });
    expect((await execute(org, friend, { pipeline_id: shared.id })).status).toBe(200);
    expect((await execute(org, colleague, { pipeline_id: toOrg.id })).status).toBe(200);
    expect((await execute(org, org.admin, { pipeline_id: shared.id })).status).toBe(200);
    expect(await runsOf(shared.id)).toHaveLength(2);
  });

  it("refuses malformed JSON (400 parse_error) and a non-JSON body (415)", async () => {
    const opts = { method: "POST", params: { org_id: org.id }, token: org.member.token };
    expectError(await call(routes.execute, { ...opts, raw: "{pipeline_id}" }), 400, "client_error", { code: "parse_error", attr: null });
    expectError(await call(routes.execute, { ...opts, raw: "pipeline_id=x", contentType: "application/x-www-form-urlencoded" }), 415, "client_error", {
      code: "unsupported_media_type",
    });
  });

  it("is 401 without a credential", async () => {
    const p = await createPipeline(org, org.member);
    expectError(await execute(org, {}, { pipeline_id: p.id }), 401, "client_error", { code: "not_authenticated" });
    expect(await runsOf(p.id)).toHaveLength(0);
  });
});
