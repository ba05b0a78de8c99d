// POST /platform/pipeline/execute and GET /platform/pipeline/{id}/pipeline_run/{run_id}:
// a run started in Maestro's words, the domain's refusals (paused) in its refusal shape.
import { count, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { executions, pipelines } from "@/db/schema";
import { executePipeline } from "@/lib/domain/executions";
import { setPipelineActive } from "@/lib/domain/pipelines";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { UUID_RE } from "../pipelines/support";
import { admin, executeAndRun, expectRefusal, failingPipeline, maestro, NO_SUCH_ID, pipelineRow, pipelineWith, runToEnd, underscored } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

const execute = (pipelineId: unknown, who = admin(org)) => maestro("execute", org, who, { body: { pipeline_id: pipelineId } });
const getRun = (id: string, runId: string, who = admin(org)) => maestro("run", org, who, { params: { id, run_id: runId } });
const runsOf = async (pipelineId: string) => {
  const db = await getDb();
  const [row] = await db.select({ n: count() }).from(executions).where(eq(executions.pipelineId, pipelineId));
  return row?.n ?? -1;
};

const RUN_KEYS = [
  "attempts",
  "created_at",
  "execution_method",
  "execution_time",
  "failed_files",
  "finished_at",
  "last_status",
  "pipeline_id",
  "pipeline_run_id",
  "started_at",
  "successful_files",
  "total_files",
  "trace",
  "updated_at",
];

describe("POST /platform/pipeline/execute", () => {
  it.each([
    ["with -", (id: string) => id],
    ["with _", underscored],
  ])("starts a run (id %s): 200 {status, data: {message, pipeline_id, run_id}}; the run can be followed", async (_, write) => {
    const pipeline = await pipelineWith(org.admin, { records: 12 });
    const written = write(pipeline.id);
    const res = await execute(written);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      status: true,
      data: { message: "Pipeline execution triggered successfully", pipeline_id: written, run_id: expect.stringMatching(UUID_RE) },
    });
    const runId = (res.body as { data: { run_id: string } }).data.run_id;
    expect(await pipelineRow(pipeline.id)).toMatchObject({ runCount: 1, lastRunStatus: "RESTARTING" });

    const queued = await getRun(written, runId);
    expect(queued.status).toBe(200);
    expect(Object.keys(queued.body as object).sort()).toEqual(RUN_KEYS);
    expect(queued.body).toMatchObject({ pipeline_run_id: runId, pipeline_id: written, last_status: "QUEUED", trace: null, execution_method: "DIRECT" });

    await runToEnd(runId);
    const done = await getRun(underscored(pipeline.id), underscored(runId));
    expect(done.body).toMatchObject({
      pipeline_run_id: underscored(runId),
      pipeline_id: underscored(pipeline.id),
      last_status: "SUCCESS",
      total_files: 12,
      successful_files: 12,
      failed_files: 0,
      attempts: 1,
    });
  });

  it("a paused pipeline → 400 PipelinePaused with the domain's message; no run is made", async () => {
    const pipeline = await pipelineWith(org.admin);
    await setPipelineActive(await getDb(), org.admin, pipeline.id, false);
    const res = await execute(pipeline.id);
    expectRefusal(res, "PipelinePaused");
    expect((res.body as { detail: string }).detail).toBe(`Pipeline '${pipeline.name}' is inactive, please activate the pipeline`);
    expect(await runsOf(pipeline.id)).toBe(0);
  });

  it.each([NO_SUCH_ID, underscored(NO_SUCH_ID), "old_pipeline_abc123"])("404 for %s", async (id) => {
    const res = await execute(id);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: `pipeline_id ${id} not found!!` });
  });

  it("404 for another org's pipeline, which does not run", async () => {
    const theirs = await pipelineWith(other.admin);
    expect((await execute(theirs.id)).status).toBe(404);
    expect(await runsOf(theirs.id)).toBe(0);
  });

  it.each([
    ["no pipeline_id", {}],
    ["a pipeline_id that is a number", { pipeline_id: 7 }],
  ])("%s → 400 ValidationError", async (_, body) => {
    expectRefusal(await maestro("execute", org, admin(org), { body }), "ValidationError");
  });
});

describe("GET /platform/pipeline/{id}/pipeline_run/{run_id}", () => {
  it("a failed run shows FAILED with its error as the trace", async () => {
    const pipeline = await failingPipeline(org.admin);
    const run = await executeAndRun(org.admin, pipeline.id);
    expect(run.status).toBe("ERROR");
    const res = await getRun(pipeline.id, run.id);
    expect(res.body).toMatchObject({ last_status: "FAILED", trace: run.errorMessage, finished_at: run.finishedAt?.toISOString() });
    expect(run.errorMessage).toEqual(expect.any(String));
  });

  it.each([
    ["an unknown run", () => NO_SUCH_ID],
    ["an unknown run with _", () => underscored(NO_SUCH_ID)],
    ["a run id that is no uuid", () => "manual__2024-12-18T10:30:00+00:00"],
  ])("404 for %s of a known pipeline, naming the run", async (_, runId) => {
    const pipeline = await pipelineWith(org.admin);
    const id = runId();
    const res = await getRun(pipeline.id, id);
    expect(res.status).toBe(404);
    expect(res.body).toEqual({ detail: `pipeline_run_id ${id} not found!!` });
  });

  it("404 for a run of another pipeline", async () => {
    const [a, b] = [await pipelineWith(org.admin), await pipelineWith(org.admin)];
    const { execution } = await executePipeline(await getDb(), org.admin, a.id);
    const res = await getRun(b.id, execution.id);
    expect(res.body).toEqual({ detail: `pipeline_run_id ${execution.id} not found!!` });
  });

  it("404 naming the pipeline when the pipeline is unknown", async () => {
    const res = await getRun("invalid_pipeline_id", NO_SUCH_ID);
    expect(res.body).toEqual({ detail: "pipeline_id invalid_pipeline_id not found!!" });
  });

  it("runs are for the owner or an admin (as §1's runs list): 403 for a member of a pipeline shared to the org", async () => {
    const pipeline = await pipelineWith(org.admin);
    const db = await getDb();
    await db.update(pipelines).set({ sharedToOrg: true }).where(eq(pipelines.id, pipeline.id));
    const { execution } = await executePipeline(db, org.admin, pipeline.id);
    const res = await getRun(pipeline.id, execution.id, { token: org.member.token });
    expect(res.status).toBe(403);
    expect(res.body).toEqual({ detail: expect.any(String) });
  });
});
