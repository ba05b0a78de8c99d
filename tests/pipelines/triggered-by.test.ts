// Who started a run: `triggered_by` in §1's executions list and the console's org list, the
// org list's filters by trigger and pipeline, and a deleted key's description still reading.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import * as orgExecutions from "@/app/api/v1/orgs/[org_id]/executions/route";
import { getDb } from "@/db/client";
import { pipelineKeys, schedules } from "@/db/schema";
import { fireDueSchedules } from "@/lib/worker/scheduler";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, type Answer } from "../support/http";
import { createPipeline, executeTimes, routes, trigger, type CreatedPipelineJson } from "./support";

interface RunJson {
  id: string;
  pipeline_id: string;
  triggered_by: { kind: string; email?: string | null; description?: string | null };
}

let org: TestOrg;
let p: CreatedPipelineJson;
let other: CreatedPipelineJson;
beforeAll(async () => {
  org = await makeOrg();
  p = await createPipeline(org, org.member, { cron_string: "0 * * * *" });
  other = await createPipeline(org, org.member);
  await executeTimes(org, org.member, p.id, 1);
  expect((await trigger(org.id, p.id, p.api_key.api_key ?? "")).status).toBe(200);
  await executeTimes(org, org.member, other.id, 1);
  const db = await getDb();
  const fireAt = new Date(Math.floor(Date.now() / 3_600_000) * 3_600_000);
  await db.update(schedules).set({ nextFireAt: fireAt }).where(eq(schedules.pipelineId, p.id));
  await fireDueSchedules(db, new Date(fireAt.getTime() + 1000), undefined, org.id);
  // The key goes: the run it started keeps its description.
  await db.delete(pipelineKeys).where(eq(pipelineKeys.id, p.api_key.id));
});

const rows = (res: Answer): RunJson[] => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { results: RunJson[] }).results;
};
const orgList = (query: string) =>
  call(orgExecutions.GET, { token: org.member.token, params: { org_id: org.id }, path: `/api/v1/orgs/${org.id}/executions?${query}` });
const kinds = (list: RunJson[]) => list.map((r) => r.triggered_by).sort((a, b) => a.kind.localeCompare(b.kind));

describe("triggered_by", () => {
  it("says schedule, user (with the email) or api key (with its description, after the key is deleted) in §1's list and the org list", async () => {
    const expected = [
      { kind: "api_key", description: p.api_key.description },
      { kind: "schedule" },
      { kind: "user", email: org.member.email },
    ];
    const unstract = rows(
      await call(routes.executions, {
        params: { org_id: org.id, id: p.id },
        path: `/api/v1/unstract/${org.id}/pipeline/${p.id}/executions/`,
        token: org.member.token,
      }),
    );
    expect(kinds(unstract)).toEqual(expected);
    expect(kinds(rows(await orgList(`pipeline_id=${p.id}`)))).toEqual(expected);
  });

  it("filters the org list by trigger, with the pipeline and status filters alongside", async () => {
    const byUser = rows(await orgList("triggered_by=user"));
    expect(byUser.map((r) => r.pipeline_id).sort()).toEqual([p.id, other.id].sort());
    expect(rows(await orgList(`triggered_by=user&pipeline_id=${other.id}`)).map((r) => r.pipeline_id)).toEqual([other.id]);
    expect(kinds(rows(await orgList("triggered_by=schedule&status=PENDING")))).toEqual([{ kind: "schedule" }]);
    expect(kinds(rows(await orgList("triggered_by=api_key")))).toEqual([{ kind: "api_key", description: p.api_key.description }]);
    expect(rows(await orgList("triggered_by=api_key&status=COMPLETED"))).toEqual([]);
    const bad = await orgList("triggered_by=robot");
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain("triggered_by");
  });
});
