// Every Maestro route: `customer_name` is required and must name the org of the principal
// (bearer token or session). Missing, unknown or disagreeing → 401 {"msg": "Unauthorized"},
// and nothing changes.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { executePipeline } from "@/lib/domain/executions";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { sessionCookie } from "../support/http";
import { endpoints, maestro, pipelineRow, pipelineWith, type EndpointName, type MaestroCaller } from "./support";

let org: TestOrg;
let other: TestOrg;
let pipelineId: string;
let runId: string;

beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
  const pipeline = await pipelineWith(org.admin);
  pipelineId = pipeline.id;
  runId = (await executePipeline(await getDb(), org.admin, pipeline.id)).execution.id;
});

const requestOf = (name: EndpointName) => {
  const params = { id: pipelineId, run_id: runId };
  const body =
    name === "create"
      ? { name: "never_made", jobs: [] }
      : name === "pause" || name === "unpause" || name === "execute"
        ? { pipeline_id: pipelineId }
        : undefined;
  return { params, body };
};

const callers: [string, () => MaestroCaller | Promise<MaestroCaller>][] = [
  ["no customer_name header", () => ({ token: org.admin.token, customer: null })],
  ["an empty customer_name header", () => ({ token: org.admin.token, customer: " " })],
  ["no credential", () => ({ customer: org.id })],
  ["an unknown token", () => ({ token: "slt_not-a-token", customer: org.id })],
  ["an empty bearer", () => ({ token: "", customer: org.id })],
  ["customer_name of another org", () => ({ token: org.admin.token, customer: other.id })],
  ["customer_name of no org", () => ({ token: org.admin.token, customer: "no_such_org" })],
  ["another org's token with this org's name", () => ({ token: other.admin.token, customer: org.id })],
  ["a session in another org naming this one", async () => ({ cookie: await sessionCookie(other.admin), customer: org.id })],
];

describe("customer_name and the principal", () => {
  const names = Object.keys(endpoints) as EndpointName[];
  const cases = names.flatMap((name) => callers.map(([label, who]) => [name, label, who] as const));

  it.each(cases)("%s with %s → 401 {msg: Unauthorized}", async (name, _label, who) => {
    const { params, body } = requestOf(name);
    const res = await maestro(name, org, await who(), { params, body });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ msg: "Unauthorized" });
  });

  it("nothing changes on a 401: the pipeline stays, active", async () => {
    expect((await maestro("remove", org, { customer: null, token: org.admin.token }, { params: { id: pipelineId } })).status).toBe(401);
    expect((await maestro("pause", org, { customer: other.id, token: org.admin.token }, { body: { pipeline_id: pipelineId } })).status).toBe(401);
    expect(await pipelineRow(pipelineId)).toMatchObject({ id: pipelineId, active: true });
  });

  it("a customer_id in the body naming another org is the same 401", async () => {
    const res = await maestro("pause", org, { token: org.admin.token }, { body: { pipeline_id: pipelineId, customer_id: other.id } });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ msg: "Unauthorized" });
    expect((await pipelineRow(pipelineId))?.active).toBe(true);
  });

  it.each([
    ["a personal token", async () => ({ token: org.admin.token })],
    ["a session cookie", async () => ({ cookie: await sessionCookie(org.admin) })],
    // The header picks the org for a session: a member is let in whatever org the session is in.
    ["a session whose current org is another, naming one the user belongs to", async () => ({ cookie: await sessionCookie({ ...org.admin, orgId: other.id }) })],
  ])("%s with customer_name of its org is let in", async (_, who) => {
    const res = await maestro("get", org, await who(), { params: { id: pipelineId } });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
  });
});
