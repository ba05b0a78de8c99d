// DELETE /api/v1/unstract/{org_id}/pipeline/{id}/ — 204; the pipeline and all that is its own go.
import { beforeAll, describe, expect, it } from "vitest";
import { count, eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { executions, memberships, pipelineKeys, pipelines, pipelineShares, schedules } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, type CallOptions } from "../support/http";
import {
  addPerson,
  createPipeline,
  executeTimes,
  expectError,
  getPipeline,
  listAt,
  NO_SUCH_ID,
  routes,
  trigger,
  type PageJson,
  type PipelineJson,
} from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

const remove = (id: string, extra: Partial<CallOptions> = {}) =>
  call(routes.remove, {
    method: "DELETE",
    params: { org_id: org.id, id },
    path: `/api/v1/unstract/${org.id}/pipeline/${id}/`,
    token: org.member.token,
    ...extra,
  });

async function rowsOf(pipelineId: string) {
  const db = await getDb();
  const n = async (table: typeof pipelineKeys | typeof executions | typeof schedules | typeof pipelineShares) =>
    (await db.select({ n: count() }).from(table).where(eq(table.pipelineId, pipelineId)))[0]?.n ?? -1;
  return {
    pipeline: (await db.select({ n: count() }).from(pipelines).where(eq(pipelines.id, pipelineId)))[0]?.n ?? -1,
    keys: await n(pipelineKeys),
    executions: await n(executions),
    schedule: await n(schedules),
    shares: await n(pipelineShares),
  };
}

describe("DELETE pipeline/{id}/", () => {
  it("answers 204 with no body and removes the pipeline, its keys, executions, schedule and shares", async () => {
    const friend = await addPerson(org, "del-friend");
    const doomed = await createPipeline(org, org.member, { cron_string: "0 0 * * *", shared_users: [friend.userId] });
    await executeTimes(org, org.member, doomed.id, 2);
    const kept = await createPipeline(org, org.member, { cron_string: "0 1 * * *", shared_users: [friend.userId] });
    await executeTimes(org, org.member, kept.id, 1);
    expect(await rowsOf(doomed.id)).toEqual({ pipeline: 1, keys: 1, executions: 2, schedule: 1, shares: 1 });
    const db = await getDb();
    const membersBefore = await db.select().from(memberships).where(eq(memberships.orgId, org.id));

    const res = await remove(doomed.id);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();

    expect(await rowsOf(doomed.id)).toEqual({ pipeline: 0, keys: 0, executions: 0, schedule: 0, shares: 0 });
    // Everything else stays: the other pipeline with its rows, and the org's members.
    expect(await rowsOf(kept.id)).toEqual({ pipeline: 1, keys: 1, executions: 1, schedule: 1, shares: 1 });
    expect(await db.select().from(memberships).where(eq(memberships.orgId, org.id))).toEqual(membersBefore);
  });

  it("then GET is 404, the list no longer has it, and a second DELETE is 404", async () => {
    const p = await createPipeline(org, org.member);
    expect((await remove(p.id)).status).toBe(204);
    expectError(await getPipeline(org, org.member, p.id), 404, "client_error", { code: "not_found" });
    const list = (await listAt(org, org.admin, "?page_size=1000")).body as PageJson<PipelineJson>;
    expect(list.results.map((x) => x.id)).not.toContain(p.id);
    expectError(await remove(p.id), 404, "client_error", { code: "not_found" });
  });

  it("its key no longer triggers anything: 404 Pipeline not found", async () => {
    const p = await createPipeline(org, org.member);
    expect((await trigger(org.id, p.id, p.api_key.api_key ?? "")).status).toBe(200);
    expect((await remove(p.id)).status).toBe(204);
    expectError(await trigger(org.id, p.id, p.api_key.api_key ?? ""), 404, "client_error", { detail: "Pipeline not found" });
  });

  it("the name is free again", async () => {
    const p = await createPipeline(org, org.member);
    await remove(p.id);
    const again = await createPipeline(org, org.member, { pipeline_name: p.pipeline_name });
    expect(again.id).not.toBe(p.id);
  });

  it("an org admin may delete a member's pipeline", async () => {
    const p = await createPipeline(org, org.member);
    expect((await remove(p.id, { token: org.admin.token })).status).toBe(204);
    expect((await rowsOf(p.id)).pipeline).toBe(0);
  });

  it.each([
    ["a shared user", "shared", 403],
    ["a member, shared to org", "org", 403],
    ["a member it is not shared with", "none", 404],
  ])("%s may not delete (%s → %i) and nothing is removed", async (_, sharing, status) => {
    const person = await addPerson(org, `del-${sharing}`);
    const p = await createPipeline(org, org.member, {
      shared_users: sharing === "shared" ? [person.userId] : [],
      shared_to_org: sharing === "org",
    });
    const res = await remove(p.id, { token: person.token });
    expectError(res, status, "client_error", { code: status === 403 ? "permission_denied" : "not_found" });
    expect(await rowsOf(p.id)).toMatchObject({ pipeline: 1, keys: 1 });
  });

  it.each([
    ["an unknown id", NO_SUCH_ID],
    ["a malformed id", "not-a-uuid"],
  ])("is 404 for %s", async (_, id) => {
    expectError(await remove(id), 404, "client_error", { code: "not_found" });
  });

  it("is 404 for another org's pipeline, which stays", async () => {
    const theirs = await createPipeline(other, other.member);
    expectError(await remove(theirs.id, { token: org.admin.token }), 404, "client_error", { code: "not_found" });
    expect((await rowsOf(theirs.id)).pipeline).toBe(1);
  });

  it("is 401 without a credential", async () => {
    const p = await createPipeline(org, org.member);
    expectError(await remove(p.id, { token: undefined }), 401, "client_error", { code: "not_authenticated" });
    expect((await rowsOf(p.id)).pipeline).toBe(1);
  });
});
