// The org-level reads the console is built on: runs across pipelines, a run's log lines, the
// audit log, and what a delete would remove.
import { beforeAll, describe, expect, it } from "vitest";
import * as orgExecutions from "@/app/api/v1/orgs/[org_id]/executions/route";
import * as oneExecution from "@/app/api/v1/orgs/[org_id]/executions/[id]/route";
import * as logs from "@/app/api/v1/orgs/[org_id]/executions/[id]/logs/route";
import * as audit from "@/app/api/v1/orgs/[org_id]/audit/route";
import * as impact from "@/app/api/v1/orgs/[org_id]/pipelines/[id]/deletion-impact/route";
import { getDb } from "@/db/client";
import { executePipeline } from "@/lib/domain/executions";
import { createPipeline, updatePipeline } from "@/lib/domain/pipelines";
import { executeNext } from "@/lib/worker/executor";
import { call } from "./support/http";
import { makeOrg, type TestOrg } from "./support/fixtures";
import { executorOptions, pipelineWithJobs, sampleSource, tableDestination } from "./worker/support";

let org: TestOrg;
let shared: string;
let hidden: string;
let runId: string;
beforeAll(async () => {
  org = await makeOrg();
  const db = await getDb();
  const source = await sampleSource(org.admin, { count: 50 });
  const destination = await tableDestination(org.admin, `impact_${Date.now()}`);
  const pipeline = await pipelineWithJobs(org.admin, [{ name: "load", sourceResourceId: source.id, destinationResourceId: destination.id }]);
  shared = pipeline.id;
  await updatePipeline(db, org.admin, shared, { sharedToOrg: true });
  hidden = (await createPipeline(db, org.admin, { name: `hidden_${Date.now() % 1e6}` })).pipeline.id;
  runId = (await executePipeline(db, org.admin, shared)).execution.id;
  await executePipeline(db, org.admin, hidden);
  while (await executeNext(db, executorOptions(org.id))) {
    // run both
  }
});

describe("org-level console reads", () => {
  it("lists runs of visible pipelines only, newest first, with filters and a cursor", async () => {
    const asAdmin = await call(orgExecutions.GET, { token: org.admin.token, params: { org_id: org.id } });
    const adminRows = (asAdmin.body as { results: { pipeline_id: string; pipeline_name: string }[] }).results;
    expect(new Set(adminRows.map((r) => r.pipeline_id))).toEqual(new Set([shared, hidden]));

    const asMember = await call(orgExecutions.GET, { token: org.member.token, params: { org_id: org.id } });
    const memberRows = (asMember.body as { results: { pipeline_id: string }[] }).results;
    expect(memberRows.map((r) => r.pipeline_id)).toEqual([shared]);

    const page = await call(orgExecutions.GET, { token: org.admin.token, params: { org_id: org.id }, path: "/x?limit=1&status=COMPLETED" });
    const first = page.body as { results: { id: string }[]; next_cursor: string };
    expect(first.results).toHaveLength(1);
    const second = await call(orgExecutions.GET, { token: org.admin.token, params: { org_id: org.id }, path: `/x?limit=1&status=COMPLETED&cursor=${first.next_cursor}` });
    const next = second.body as { results: { id: string }[]; next_cursor: string | null };
    expect(next.results).toHaveLength(1);
    expect(next.results[0]!.id).not.toBe(first.results[0]!.id);
    expect(next.next_cursor).toBeNull();

    const bad = await call(orgExecutions.GET, { token: org.admin.token, params: { org_id: org.id }, path: "/x?status=DONE" });
    expect(bad).toMatchObject({ status: 400, body: { type: "validation_error", errors: [{ attr: "status.0" }] } });
  });

  it("reads one run and its log lines after a given line", async () => {
    const one = await call(oneExecution.GET, { token: org.member.token, params: { org_id: org.id, id: runId } });
    expect(one.body).toMatchObject({ id: runId, status: "COMPLETED", successful_files: 50 });
    const all = await call(logs.GET, { token: org.member.token, params: { org_id: org.id, id: runId } });
    const lines = (all.body as { lines: { id: number; message: string }[] }).lines;
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.at(-1)!.message).toMatch(/^Run completed/);
    const after = await call(logs.GET, { token: org.member.token, params: { org_id: org.id, id: runId }, path: `/x?after=${lines[0]!.id}` });
    expect((after.body as { lines: unknown[] }).lines).toHaveLength(lines.length - 1);
    // Found by the reliability fuzzer: a line id past bigint was a 500 from Postgres.
    const huge = await call(logs.GET, { token: org.member.token, params: { org_id: org.id, id: runId }, path: "/x?after=100000000000000000000" });
    expect(huge).toMatchObject({ status: 400, body: { type: "validation_error", errors: [{ attr: "after" }] } });
    const invisible = await call(oneExecution.GET, { token: org.member.token, params: { org_id: org.id, id: (await firstRunOf(hidden)) } });
    expect(invisible.status).toBe(404);
  });

  it("the audit log: admins read all of the org's, members only their own, filtered", async () => {
    const all = await call(audit.GET, { token: org.admin.token, params: { org_id: org.id }, path: "/x?action=pipeline.execute" });
    const events = (all.body as { results: { action: string; object_id: string; actor: string }[] }).results;
    expect(events.map((e) => e.object_id).sort()).toEqual([shared, hidden].sort());
    expect(events.every((e) => e.actor === org.admin.email)).toBe(true);
    const mine = await call(audit.GET, { token: org.member.token, params: { org_id: org.id } });
    expect((mine.body as { results: unknown[] }).results).toEqual([]);
  });

  it("counts what a delete removes and names what stays", async () => {
    const res = await call(impact.GET, { token: org.admin.token, params: { org_id: org.id, id: shared } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      running_executions: 0,
      removed: { jobs: 1, job_states: 1, executions: 1, schedule: false, keys: 1, shares: 0, storage_records: 50, storage_files: 1 },
      kept: { resources: expect.arrayContaining([expect.objectContaining({ kind: "source" }), expect.objectContaining({ kind: "destination" })]) },
    });
    expect((res.body as { kept: { destination_tables: string[] } }).kept.destination_tables[0]).toMatch(/^dest_impact_/);
    const other = await call(impact.GET, { token: org.member.token, params: { org_id: org.id, id: hidden } });
    expect(other.status).toBe(404);
  });
});

async function firstRunOf(pipelineId: string): Promise<string> {
  const res = await call(orgExecutions.GET, { token: org.admin.token, params: { org_id: org.id }, path: `/x?pipeline_id=${pipelineId}` });
  return (res.body as { results: { id: string }[] }).results[0]!.id;
}
