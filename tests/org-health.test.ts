// The Overview's health figures (GET /api/v1/orgs/{org_id}/overview): failing, running, paused
// with who and why, next fire times, storage in use and the last 24 hours of runs, each counted
// among the pipelines the caller may see and never across orgs.
import { and, eq, inArray, sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as overview } from "@/app/api/v1/orgs/[org_id]/overview/route";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { executions, pipelines, runHourCounts, storageRecords } from "@/db/schema";
import { foldRunHours } from "@/lib/domain/run-hours";
import { overviewResponse } from "@/lib/api/console/responses-overview";
import { call } from "./support/http";
import { makeOrg, type TestOrg } from "./support/fixtures";
import { createPipeline, executeTimes, patchPipeline } from "./pipelines/support";

interface OverviewJson {
  pipelines: number;
  failing: { count: number; pipelines: { id: string; name: string }[] };
  running: { count: number; pending: number; executing: number; runs: { pipeline_id: string; pipeline_name: string; status: string }[] };
  paused: { count: number; pipelines: { id: string; name: string; paused_by: string | null; pause_reason: string | null; paused_at: string | null }[] };
  next_runs: { pipeline_id: string; pipeline_name: string; fire_at: string }[];
  storage: { bytes: number; records: number; pipelines: number };
  runs_24h: { total: number; by_status: Record<string, number>; by_hour: { hour: string; counts: Record<string, number> }[] };
}

let org: TestOrg;
let other: TestOrg;
const ids = { adminPrivate: "", memberOwn: "", sharedPaused: "", scheduled: "" };

async function read(orgId: string, token: string) {
  return call(overview, { params: { org_id: orgId }, path: `/api/v1/orgs/${orgId}/overview`, token });
}

async function store(orgId: string, pipelineId: string, sizes: number[]) {
  const db = await getDb();
  await db.insert(storageRecords).values(sizes.map((bytes) => ({ orgId, pipelineId, data: { n: bytes }, bytes })));
}

async function markFailed(pipelineIds: string[]) {
  const db = await getDb();
  await db.update(pipelines).set({ lastRunStatus: "FAILURE", lastRunTime: new Date() }).where(inArray(pipelines.id, pipelineIds));
}

beforeAll(async () => {
  [org, other] = await Promise.all([makeOrg(), makeOrg()]);
  const adminCaller = { token: org.admin.token };
  const memberCaller = { token: org.member.token };
  ids.adminPrivate = (await createPipeline(org, adminCaller)).id;
  ids.memberOwn = (await createPipeline(org, memberCaller)).id;
  ids.sharedPaused = (await createPipeline(org, adminCaller, { shared_to_org: true })).id;
  ids.scheduled = (await createPipeline(org, memberCaller, { cron_string: "0 * * * *" })).id;
  const paused = await patchPipeline(org, adminCaller, ids.sharedPaused, { active: false, reason: "vendor outage" });
  expect(paused.status).toBe(200);
  await executeTimes(org, memberCaller, ids.memberOwn, 1); // PENDING: no worker runs in tests
  // Set after the execute, which marks the pipeline RESTARTING.
  await markFailed([ids.adminPrivate, ids.memberOwn]);
  const db = await getDb();
  await db.insert(executions).values({ orgId: org.id, pipelineId: ids.adminPrivate, status: "ERROR", finishedAt: new Date() });
  await store(org.id, ids.adminPrivate, [1000]);
  await store(org.id, ids.memberOwn, [100, 200, 300]);

  // Another org, busy in every way the overview counts: none of it may reach org's figures.
  const elsewhere = await createPipeline(other, { token: other.admin.token }, { cron_string: "*/30 * * * *" });
  await markFailed([elsewhere.id]);
  await store(other.id, elsewhere.id, [50_000]);
  await executeTimes(other, { token: other.admin.token }, elsewhere.id, 2);
  expect((await patchPipeline(other, { token: other.admin.token }, (await createPipeline(other, { token: other.admin.token })).id, { active: false })).status).toBe(200);
});

describe("GET /api/v1/orgs/{org_id}/overview", () => {
  it("gives an admin every figure of the org, with the names and reasons behind them", async () => {
    const res = await read(org.id, org.admin.token);
    expect(res.status).toBe(200);
    // The answer is what the OpenAPI document says it is.
    expect(overviewResponse.safeParse(res.body).error).toBeUndefined();
    const body = res.body as OverviewJson;
    expect(body.pipelines).toBe(4);
    expect(body.failing.count).toBe(2);
    expect(body.failing.pipelines.map((p) => p.id).sort()).toEqual([ids.adminPrivate, ids.memberOwn].sort());
    expect(body.paused.count).toBe(1);
    expect(body.paused.pipelines).toEqual([
      expect.objectContaining({ id: ids.sharedPaused, paused_by: org.admin.email, pause_reason: "vendor outage" }),
    ]);
    expect(body.paused.pipelines[0]?.paused_at).not.toBeNull();
    expect(body.running).toMatchObject({ count: 1, pending: 1, executing: 0 });
    expect(body.running.runs).toEqual([expect.objectContaining({ pipeline_id: ids.memberOwn, status: "PENDING" })]);
    expect(body.next_runs.map((n) => n.pipeline_id)).toEqual([ids.scheduled]);
    expect(new Date(body.next_runs[0]?.fire_at ?? 0).getTime()).toBeGreaterThan(Date.now());
    expect(body.storage).toEqual({ bytes: 1600, records: 4, pipelines: 2 });
    expect(body.runs_24h.total).toBe(2);
    expect(body.runs_24h.by_status).toMatchObject({ PENDING: 1, ERROR: 1, COMPLETED: 0 });
    expect(body.runs_24h.by_hour).toHaveLength(24);
    expect(body.runs_24h.by_hour.at(-1)?.counts).toMatchObject({ PENDING: 1, ERROR: 1 });
  });

  it("counts for a member only what they may see", async () => {
    const res = await read(org.id, org.member.token);
    expect(res.status).toBe(200);
    const body = res.body as OverviewJson;
    // Their own two and the one shared to the org; not the admin's private one.
    expect(body.pipelines).toBe(3);
    expect(body.failing).toMatchObject({ count: 1, pipelines: [{ id: ids.memberOwn }] });
    expect(body.paused.pipelines.map((p) => p.id)).toEqual([ids.sharedPaused]);
    expect(body.storage).toEqual({ bytes: 600, records: 3, pipelines: 1 });
    expect(body.runs_24h.total).toBe(1);
    expect(body.runs_24h.by_status).toMatchObject({ PENDING: 1, ERROR: 0 });
    expect(body.running.count).toBe(1);
  });

  it("keeps the storage total exact as records are written and cleared, and refuses another org", async () => {
    const db = await getDb();
    await store(org.id, ids.memberOwn, [5, 5]);
    await db.delete(storageRecords).where(and(eq(storageRecords.pipelineId, ids.adminPrivate), eq(storageRecords.orgId, org.id)));
    const body = (await read(org.id, org.admin.token)).body as OverviewJson;
    expect(body.storage).toEqual({ bytes: 610, records: 5, pipelines: 1 });

    const refused = await read(other.id, org.admin.token);
    expect(refused.status).toBe(404);
  });

  it("keeps the 24-hour chart exact as runs are added, change status and go, folded or not", async () => {
    const db = await getDb();
    const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
    // Runs across the day (and one too old to show), then moved between statuses and removed
    // as the worker and a pipeline delete would.
    const made = await db
      .insert(executions)
      .values([
        { orgId: org.id, pipelineId: ids.memberOwn, status: "PENDING", createdAt: hoursAgo(3) },
        { orgId: org.id, pipelineId: ids.memberOwn, status: "PENDING", createdAt: hoursAgo(3) },
        { orgId: org.id, pipelineId: ids.adminPrivate, status: "EXECUTING", createdAt: hoursAgo(22) },
        { orgId: org.id, pipelineId: ids.sharedPaused, status: "COMPLETED", createdAt: hoursAgo(10) },
        { orgId: org.id, pipelineId: ids.sharedPaused, status: "COMPLETED", createdAt: hoursAgo(30) },
      ])
      .returning({ id: executions.id });
    await db.update(executions).set({ status: "EXECUTING" }).where(eq(executions.id, made[0]!.id));
    await db.update(executions).set({ status: "COMPLETED" }).where(eq(executions.id, made[0]!.id));
    await db.update(executions).set({ status: "ERROR" }).where(eq(executions.id, made[2]!.id));
    await db.delete(executions).where(eq(executions.id, made[1]!.id));
    const doomed = await createPipeline(org, { token: org.admin.token });
    await db.insert(executions).values([{ orgId: org.id, pipelineId: doomed.id, status: "ERROR", createdAt: hoursAgo(1) }]);
    await db.delete(pipelines).where(and(eq(pipelines.id, doomed.id), eq(pipelines.orgId, org.id)));

    // What the executions themselves say, hour by hour, for all of the org and for the member.
    const counted = async (visibleIds: string[] | null) => {
      const rows = rowsOf<{ hour: string | Date; status: string; n: number }>(
        await db.execute(sql`
          select date_trunc('hour', created_at, 'UTC') as hour, status, count(*)::int as n from executions
          where org_id = ${org.id} and created_at >= date_trunc('hour', now(), 'UTC') - interval '23 hours'
            ${visibleIds ? sql`and pipeline_id in (${sql.join(visibleIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql``}
          group by 1, 2`),
      );
      return Object.fromEntries(rows.map((r) => [`${new Date(r.hour).toISOString()} ${r.status}`, r.n]));
    };
    const charted = async (token: string) => {
      const body = (await read(org.id, token)).body as OverviewJson;
      const cells = body.runs_24h.by_hour.flatMap((h) =>
        Object.entries(h.counts).filter(([, n]) => n !== 0).map(([status, n]) => [`${new Date(h.hour).toISOString()} ${status}`, n] as const),
      );
      return Object.fromEntries(cells);
    };
    const memberSees = [ids.memberOwn, ids.sharedPaused, ids.scheduled];
    const expectedAll = await counted(null);
    // 2 from the setup, then 3 more in the window (one deleted, one too old, one with its pipeline).
    expect(Object.values(expectedAll).reduce((a, b) => a + b, 0)).toBe(5);
    expect(await charted(org.admin.token)).toEqual(expectedAll);
    expect(await charted(org.member.token)).toEqual(await counted(memberSees));

    // Folded (twice at once, as two workers may): the same figures, one row per hour and status.
    await Promise.all([foldRunHours(db), foldRunHours(db)]);
    expect(await charted(org.admin.token)).toEqual(expectedAll);
    const rows = await db.select().from(runHourCounts).where(eq(runHourCounts.orgId, org.id));
    const keys = rows.map((r) => `${r.hour.toISOString()} ${r.status}`);
    expect(new Set(keys).size).toBe(keys.length);
    expect(rows.every((r) => r.runs !== 0)).toBe(true);
  });
});

