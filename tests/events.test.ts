// The live event stream: committed changes reach open streams, filtered by what each may see.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/v1/orgs/[org_id]/events/route";
import { POST as addMember } from "@/app/api/v1/orgs/[org_id]/members/route";
import { DELETE as removeMember, PATCH as changeRole } from "@/app/api/v1/orgs/[org_id]/members/[user_id]/route";
import { getDb } from "@/db/client";
import { executePipeline } from "@/lib/domain/executions";
import { createPipeline, createPipelineInTx, deletePipeline, updatePipeline } from "@/lib/domain/pipelines";
import { issueToken } from "@/lib/domain/tokens";
import { call } from "./support/http";
import { makeOrg, type TestOrg } from "./support/fixtures";
import { sseReader } from "./support/sse";
import { NextRequest } from "next/server";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

async function open(token: string, orgId: string) {
  const controller = new AbortController();
  const req = new NextRequest(`http://localhost/api/v1/orgs/${orgId}/events`, {
    headers: { authorization: `Bearer ${token}` },
    signal: controller.signal,
  });
  const res = await events(req, { params: Promise.resolve({ org_id: orgId }) });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/event-stream/);
  return { stream: sseReader(res), abort: () => controller.abort() };
}

const about = (id: string, kind: string) => (e: { event: string; data: Record<string, unknown> }) => e.event === kind && e.data.pipeline_id === id;

describe("GET /api/v1/orgs/{org_id}/events", () => {
  it("refuses anonymous callers and other orgs like every route", async () => {
    expect((await call(events, { params: { org_id: org.id } })).status).toBe(401);
    expect((await call(events, { params: { org_id: org.id }, token: other.admin.token })).status).toBe(404);
  });

  it("streams pipeline and execution changes, each only to those who may see the pipeline", async () => {
    const db = await getDb();
    const admin = await open(org.admin.token, org.id);
    const member = await open(org.member.token, org.id);
    const outsider = await open(other.admin.token, other.id);

    const hidden = (await createPipeline(db, org.admin, { name: `hidden_${Date.now()}` })).pipeline;
    const shared = (await createPipeline(db, org.admin, { name: `shared_${Date.now()}`, sharedToOrg: true })).pipeline;

    expect(await admin.stream.next(about(hidden.id, "pipeline"))).toMatchObject({ data: { change: "created" } });
    expect(await member.stream.next(about(shared.id, "pipeline"))).toMatchObject({ data: { change: "created" } });

    await executePipeline(db, org.admin, shared.id);
    expect(await member.stream.next(about(shared.id, "execution"))).toMatchObject({ data: { status: "PENDING", org_id: org.id } });

    await updatePipeline(db, org.admin, shared.id, { active: false });
    expect(await member.stream.next(about(shared.id, "pipeline"))).toMatchObject({ data: { change: "updated", active: false } });

    await deletePipeline(db, org.admin, shared.id);
    expect(await member.stream.next(about(shared.id, "pipeline"))).toMatchObject({ data: { change: "deleted" } });

    // Nothing of the hidden pipeline reached the member, nothing of this org the other org.
    expect(await member.stream.next(about(hidden.id, "pipeline"), 300)).toBeNull();
    expect(await outsider.stream.next(() => true, 300)).toBeNull();

    for (const s of [admin, member, outsider]) s.abort();
  });

  it("a rolled-back change is never announced", async () => {
    const db = await getDb();
    const admin = await open(org.admin.token, org.id);
    const name = `rolled_back_${Date.now()}`;
    // The pipeline is created (and announced) inside a transaction that then fails.
    await expect(
      db.transaction(async (tx) => {
        await createPipelineInTx(tx, org.admin, { name });
        throw new Error("something later in the transaction failed");
      }),
    ).rejects.toThrow("something later");
    const kept = `kept_${Date.now()}`;
    await createPipeline(db, org.admin, { name: kept });
    expect(await admin.stream.next((e) => e.data.name === kept)).not.toBeNull();
    expect(admin.stream.events.some((e) => e.data.name === name)).toBe(false);
    admin.abort();
  });

  it("a member's open stream ends as soon as they are removed from the org; the others hear of it", async () => {
    const email = `leaving-${Date.now()}@example.com`;
    const added = await call(addMember, {
      method: "POST",
      token: org.admin.token,
      params: { org_id: org.id },
      body: { email, name: "Lee Leaving", password: "a-good-password", role: "member" },
    });
    const { id } = added.body as { id: string };
    const db = await getDb();
    const { token } = await issueToken(db, { userId: id, orgId: org.id }, { name: "stream" });
    const leaving = await open(token, org.id);
    const admin = await open(org.admin.token, org.id);

    const removed = await call(removeMember, { method: "DELETE", token: org.admin.token, params: { org_id: org.id, user_id: id } });
    expect(removed.status).toBe(204);
    expect(await leaving.stream.ended(2000)).toBe(true);
    expect(await admin.stream.next((e) => e.event === "member" && e.data.user_id === id)).toMatchObject({ data: { change: "removed", org_id: org.id } });
    expect(await admin.stream.ended(300)).toBe(false);
    // Reconnecting is refused: the token went with the membership.
    expect((await call(events, { params: { org_id: org.id }, token })).status).toBe(401);
    admin.abort();
  });

  it("an admin demoted to member: the stream that served them as admin ends, and the next one hides what a member may not see", async () => {
    const email = `demoted-${Date.now()}@example.com`;
    const added = await call(addMember, {
      method: "POST",
      token: org.admin.token,
      params: { org_id: org.id },
      body: { email, name: "Dee Demoted", password: "a-good-password", role: "admin" },
    });
    const { id } = added.body as { id: string };
    const db = await getDb();
    const { token } = await issueToken(db, { userId: id, orgId: org.id }, { name: "stream" });
    const asAdmin = await open(token, org.id);
    // Someone else's pipeline, shared with no one: only admins see it.
    const before = (await createPipeline(db, org.member, { name: `private_a_${Date.now()}` })).pipeline;
    expect(await asAdmin.stream.next(about(before.id, "pipeline"))).not.toBeNull();

    const demoted = await call(changeRole, { method: "PATCH", token: org.admin.token, params: { org_id: org.id, user_id: id }, body: { role: "member" } });
    expect(demoted).toMatchObject({ status: 200, body: { role: "member" } });
    expect(await asAdmin.stream.ended(2000)).toBe(true);

    // The browser reconnects and is authorised again, as a member now.
    const asMember = await open(token, org.id);
    const hidden = (await createPipeline(db, org.member, { name: `private_b_${Date.now()}` })).pipeline;
    const shared = (await createPipeline(db, org.member, { name: `shared_b_${Date.now()}`, sharedToOrg: true })).pipeline;
    expect(await asMember.stream.next(about(shared.id, "pipeline"))).not.toBeNull();
    expect(await asMember.stream.next(about(hidden.id, "pipeline"), 300)).toBeNull();
    expect(asAdmin.stream.events.some((e) => e.data.pipeline_id === hidden.id)).toBe(false);
    asMember.abort();
  });

  it("members hear of members added and of role changes, so their lists refresh", async () => {
    const member = await open(org.member.token, org.id);
    const email = `joining-${Date.now()}@example.com`;
    const added = await call(addMember, {
      method: "POST",
      token: org.admin.token,
      params: { org_id: org.id },
      body: { email, name: "Jo Joining", password: "a-good-password", role: "member" },
    });
    const { id } = added.body as { id: string };
    expect(await member.stream.next((e) => e.event === "member" && e.data.user_id === id)).toMatchObject({ data: { change: "added", role: "member" } });
    await call(changeRole, { method: "PATCH", token: org.admin.token, params: { org_id: org.id, user_id: id }, body: { role: "admin" } });
    expect(await member.stream.next((e) => e.event === "member" && e.data.user_id === id)).toMatchObject({ data: { change: "role", role: "admin" } });
    member.abort();
  });
});
