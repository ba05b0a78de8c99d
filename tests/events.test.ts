// The live event stream: committed changes reach open streams, filtered by what each may see.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as events } from "@/app/api/v1/orgs/[org_id]/events/route";
import { getDb } from "@/db/client";
import { executePipeline } from "@/lib/domain/executions";
import { createPipeline, createPipelineInTx, deletePipeline, updatePipeline } from "@/lib/domain/pipelines";
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
});
