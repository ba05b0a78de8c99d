// POST /deployment/pipeline/api/{org_id}/{pipeline_id}/ — the public trigger, with a pipeline key.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { executions, pipelineKeys } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call } from "../support/http";
import { createPipeline, expectError, getPipeline, NO_SUCH_ID, patchPipeline, routes, trigger, type CreatedPipelineJson } from "./support";

let org: TestOrg;
let other: TestOrg;
let a: CreatedPipelineJson;
let b: CreatedPipelineJson;
let theirs: CreatedPipelineJson;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
  [a, b] = [await createPipeline(org, org.member), await createPipeline(org, org.member)];
  theirs = await createPipeline(other, other.member);
});

const keyOf = (p: CreatedPipelineJson) => p.api_key.api_key ?? "";
const runsOf = async (pipelineId: string) => {
  const db = await getDb();
  return db.select().from(executions).where(eq(executions.pipelineId, pipelineId));
};

describe("POST /deployment/pipeline/api/{org_id}/{pipeline_id}/", () => {
  it("with the pipeline's key: 200 {message}, a run started", async () => {
    const p = await createPipeline(org, org.member);
    const res = await trigger(org.id, p.id, keyOf(p));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ message: `Triggered Pipeline(${p.id}) (name: ${p.pipeline_name})` });
    const runs = await runsOf(p.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({ method: "DIRECT", status: "PENDING" });
    expect((await getPipeline(org, org.member, p.id)).body).toMatchObject({ run_count: 1, last_run_status: "RESTARTING" });

    const db = await getDb();
    const [key] = await db.select().from(pipelineKeys).where(eq(pipelineKeys.id, p.api_key.id));
    expect(key?.lastUsedAt).toBeInstanceOf(Date);
  });

  it("each call starts another run", async () => {
    const p = await createPipeline(org, org.member);
    for (let i = 0; i < 3; i++) expect((await trigger(org.id, p.id, keyOf(p))).status).toBe(200);
    expect(await runsOf(p.id)).toHaveLength(3);
  });

  it("accepts the header's scheme in any case", async () => {
    const p = await createPipeline(org, org.member);
    const res = await call(routes.trigger, {
      method: "POST",
      params: { org_id: org.id, pipeline_id: p.id },
      headers: { authorization: `bearer ${keyOf(p)}` },
    });
    expect(res.status).toBe(200);
  });

  interface Refusal {
    case: string;
    orgId: () => string;
    pipelineId: () => string;
    key: () => string | undefined;
    status: number;
    detail: string;
  }

  const refusals: Refusal[] = [
    { case: "no key", orgId: () => org.id, pipelineId: () => a.id, key: () => undefined, status: 403, detail: "Missing api key" },
    { case: "no key, unknown pipeline", orgId: () => org.id, pipelineId: () => NO_SUCH_ID, key: () => undefined, status: 403, detail: "Missing api key" },
    { case: "an empty bearer", orgId: () => org.id, pipelineId: () => a.id, key: () => "", status: 403, detail: "Missing api key" },
    { case: "a wrong key", orgId: () => org.id, pipelineId: () => a.id, key: () => NO_SUCH_ID, status: 401, detail: "Unauthorized" },
    { case: "a key that is not a uuid", orgId: () => org.id, pipelineId: () => a.id, key: () => "let-me-in", status: 401, detail: "Unauthorized" },
    { case: "pipeline A's key on pipeline B", orgId: () => org.id, pipelineId: () => b.id, key: () => keyOf(a), status: 401, detail: "Unauthorized" },
    { case: "another org's key", orgId: () => org.id, pipelineId: () => a.id, key: () => keyOf(theirs), status: 401, detail: "Unauthorized" },
    { case: "a personal access token", orgId: () => org.id, pipelineId: () => a.id, key: () => org.member.token, status: 401, detail: "Unauthorized" },
    { case: "an unknown pipeline", orgId: () => org.id, pipelineId: () => NO_SUCH_ID, key: () => keyOf(a), status: 404, detail: "Pipeline not found" },
    { case: "a malformed pipeline id", orgId: () => org.id, pipelineId: () => "pipeline", key: () => keyOf(a), status: 404, detail: "Pipeline not found" },
    { case: "the right key under another org's path", orgId: () => other.id, pipelineId: () => a.id, key: () => keyOf(a), status: 404, detail: "Pipeline not found" },
    { case: "the right key under an unknown org", orgId: () => "no_such_org", pipelineId: () => a.id, key: () => keyOf(a), status: 404, detail: "Pipeline not found" },
    { case: "the right key under an org id with a NUL character", orgId: () => `${org.id}\u0000`, pipelineId: () => a.id, key: () => keyOf(a), status: 404, detail: "Pipeline not found" },
  ];

  it.each(refusals)("$case → $status $detail, and no run", async ({ orgId, pipelineId, key, status, detail }) => {
    const before = [(await runsOf(a.id)).length, (await runsOf(b.id)).length];
    const res = await trigger(orgId(), pipelineId(), key());
    expectError(res, status, "client_error", { detail });
    expect([(await runsOf(a.id)).length, (await runsOf(b.id)).length]).toEqual(before);
  });

  it("a pipeline key opens nothing but the trigger: 401 on the pipelines API", async () => {
    const p = await createPipeline(org, org.member);
    expectError(await getPipeline(org, { token: keyOf(p) }, p.id), 401, "client_error", { code: "not_authenticated" });
    const keys = await call(routes.listKeys, { params: { org_id: org.id, pipeline_id: p.id }, token: keyOf(p) });
    expect(keys.status).toBe(401);
  });

  it("an inactive key is 401 Unauthorized", async () => {
    const p = await createPipeline(org, org.member);
    const put = await call(routes.putKey, { method: "PUT", params: { org_id: org.id, key_id: p.api_key.id }, token: org.member.token, body: { is_active: false } });
    expect(put.status).toBe(200);
    expectError(await trigger(org.id, p.id, keyOf(p)), 401, "client_error", { detail: "Unauthorized" });
    expect(await runsOf(p.id)).toHaveLength(0);
  });

  it("a paused pipeline is 404 Pipeline not found; resumed, it triggers again", async () => {
    const p = await createPipeline(org, org.member);
    expect((await patchPipeline(org, org.member, p.id, { active: false })).status).toBe(200);
    expectError(await trigger(org.id, p.id, keyOf(p)), 404, "client_error", { detail: "Pipeline not found" });
    expect(await runsOf(p.id)).toHaveLength(0);
    expect((await patchPipeline(org, org.member, p.id, { active: true })).status).toBe(200);
    expect((await trigger(org.id, p.id, keyOf(p))).status).toBe(200);
  });
});
