// Audit events: pause, resume, execute, stop, delete, key and share changes record who, what,
// when and an optional reason given in the request body.
import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import * as pipelineRoutes from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import * as onePipeline from "@/app/api/v1/unstract/[org_id]/pipeline/[id]/route";
import * as execute from "@/app/api/v1/unstract/[org_id]/pipeline/execute/route";
import * as keys from "@/app/api/v1/unstract/[org_id]/api/keys/pipeline/[pipeline_id]/route";
import * as oneKey from "@/app/api/v1/unstract/[org_id]/api/keys/[key_id]/route";
import * as stop from "@/app/api/v1/orgs/[org_id]/executions/[id]/stop/route";
import { getDb } from "@/db/client";
import { auditEvents } from "@/db/schema";
import { call } from "./support/http";
import { makeOrg, type TestOrg } from "./support/fixtures";

let org: TestOrg;
beforeAll(async () => {
  org = await makeOrg();
});

async function lastAudit(objectId: string, action: string) {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(auditEvents)
    .where(and(eq(auditEvents.orgId, org.id), eq(auditEvents.objectId, objectId), eq(auditEvents.action, action)))
    .orderBy(desc(auditEvents.id))
    .limit(1);
  return row;
}

describe("audit events", () => {
  it("record actor, object, time and the reason of each change", async () => {
    const as = { token: org.member.token };
    const created = await call(pipelineRoutes.POST, { ...as, method: "POST", params: { org_id: org.id }, body: { pipeline_name: `audited_${Date.now() % 1e6}` } });
    const pipeline = created.body as { id: string; pipeline_name: string };
    const params = { org_id: org.id, id: pipeline.id };

    await call(onePipeline.PATCH, { ...as, method: "PATCH", params, body: { active: false, reason: "maintenance window" } });
    expect(await lastAudit(pipeline.id, "pipeline.pause")).toMatchObject({
      actorUserId: org.member.userId,
      actorLabel: org.member.email,
      objectType: "pipeline",
      objectName: pipeline.pipeline_name,
      reason: "maintenance window",
    });
    await call(onePipeline.PATCH, { ...as, method: "PATCH", params, body: { active: true } });
    expect(await lastAudit(pipeline.id, "pipeline.resume")).toMatchObject({ reason: null });

    const run = await call(execute.POST, { ...as, method: "POST", params: { org_id: org.id }, body: { pipeline_id: pipeline.id, reason: "backfill" } });
    const executionId = (run.body as { execution: { execution_id: string } }).execution.execution_id;
    expect(await lastAudit(pipeline.id, "pipeline.execute")).toMatchObject({ reason: "backfill", details: { execution_id: executionId } });

    const stopped = await call(stop.POST, { ...as, method: "POST", params: { org_id: org.id, id: executionId }, body: { reason: "wrong input" } });
    expect(stopped).toMatchObject({ status: 200, body: { status: "STOPPED" } });
    expect(await lastAudit(executionId, "execution.stop")).toMatchObject({ reason: "wrong input" });

    const key = await call(keys.POST, { ...as, method: "POST", params: { org_id: org.id, pipeline_id: pipeline.id }, body: { pipeline: pipeline.id, reason: "ci" } });
    const keyId = (key.body as { id: string }).id;
    expect(await lastAudit(keyId, "key.create")).toMatchObject({ reason: "ci" });
    await call(oneKey.DELETE, { ...as, method: "DELETE", params: { org_id: org.id, key_id: keyId }, body: { reason: "rotated" } });
    expect(await lastAudit(keyId, "key.delete")).toMatchObject({ reason: "rotated" });

    await call(onePipeline.PATCH, { ...as, method: "PATCH", params, body: { shared_to_org: true } });
    expect(await lastAudit(pipeline.id, "pipeline.share")).toMatchObject({ details: { shared_to_org: true } });

    const removed = await call(onePipeline.DELETE, { ...as, method: "DELETE", params, body: { reason: "replaced by v2" } });
    expect(removed.status).toBe(204);
    expect(await lastAudit(pipeline.id, "pipeline.delete")).toMatchObject({ reason: "replaced by v2", actorUserId: org.member.userId });
  });

  it("a DELETE without a body still works, and a reason of the wrong type is a 400", async () => {
    const created = await call(pipelineRoutes.POST, { token: org.admin.token, method: "POST", params: { org_id: org.id }, body: { pipeline_name: `plain_${Date.now() % 1e6}` } });
    const { id } = created.body as { id: string };
    const bad = await call(onePipeline.DELETE, { token: org.admin.token, method: "DELETE", params: { org_id: org.id, id }, body: { reason: 42 } });
    expect(bad).toMatchObject({ status: 400, body: { type: "validation_error", errors: [{ attr: "reason" }] } });
    const ok = await call(onePipeline.DELETE, { token: org.admin.token, method: "DELETE", params: { org_id: org.id, id } });
    expect(ok.status).toBe(204);
  });
});
