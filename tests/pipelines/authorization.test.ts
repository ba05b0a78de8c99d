// Who may call which route of §1 (pipelines API). The matrix is data: a new route is a new row.
//
// Every cell builds its own pipeline, created by the owner (a plain member) and shared either
// with the "sharedUser" (shared_users) or, for the "orgMember" column, to the whole org
// (shared_to_org) — so one member column never sees the other's share, and rows stay independent.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { issueToken, revokeOwnToken } from "@/lib/domain/tokens";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, sessionCookie, type Answer, type CallOptions, type Handler } from "../support/http";
import { addPerson, createPipeline, routes, uniqueName, type Caller, type CreatedPipelineJson, type PageJson, type PipelineJson } from "./support";

type Who =
  | "owner" // the member who created the pipeline, with a token
  | "ownerSession" // the same member, with a session cookie
  | "sharedUser" // a member listed in shared_users
  | "orgMember" // a member, on a pipeline shared_to_org
  | "otherMember" // a member it is not shared with
  | "admin" // an admin of the org
  | "otherOrgAdmin" // an admin of another org
  | "anonymous"
  | "revokedToken"; // the owner's revoked token

let org: TestOrg;
let other: TestOrg;
const people = {} as Record<"sharedUser" | "orgMember" | "otherMember", { userId: string; token: string }>;
const credentials = {} as Record<Who, Caller>;

beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
  people.sharedUser = await addPerson(org, "shared");
  people.orgMember = await addPerson(org, "colleague");
  people.otherMember = await addPerson(org, "other");
  const db = await getDb();
  const revoked = await issueToken(db, org.member, { name: "revoked" });
  await revokeOwnToken(db, org.member, revoked.id);
  Object.assign(credentials, {
    owner: { token: org.member.token },
    ownerSession: { cookie: await sessionCookie(org.member) },
    sharedUser: { token: people.sharedUser.token },
    orgMember: { token: people.orgMember.token },
    otherMember: { token: people.otherMember.token },
    admin: { token: org.admin.token },
    otherOrgAdmin: { token: other.admin.token },
    anonymous: {},
    revokedToken: { token: revoked.token },
  } satisfies Record<Who, Caller>);
});

/** A fresh pipeline of the owner, shared as the column needs. */
async function pipelineFor(who: Who): Promise<CreatedPipelineJson> {
  return who === "orgMember"
    ? createPipeline(org, credentials.owner, { shared_to_org: true })
    : createPipeline(org, credentials.owner, { shared_users: [people.sharedUser.userId] });
}

interface Row {
  route: string;
  handler: Handler;
  options: (p: CreatedPipelineJson) => CallOptions;
  expect: Record<Who, number>;
  /** For the list: whether the cell's pipeline is among the results. */
  listed?: Partial<Record<Who, boolean>>;
}

const base = `/api/v1/unstract`;
const pipelinePath = (p: CreatedPipelineJson, rest = "") => ({
  params: { org_id: org.id, id: p.id },
  path: `${base}/${org.id}/pipeline/${p.id}/${rest}`,
});
const keysPath = (p: CreatedPipelineJson) => ({
  params: { org_id: org.id, pipeline_id: p.id },
  path: `${base}/${org.id}/api/keys/pipeline/${p.id}/`,
});
const keyPath = (p: CreatedPipelineJson) => ({
  params: { org_id: org.id, key_id: p.api_key.id },
  path: `${base}/${org.id}/api/keys/${p.api_key.id}/`,
});

const outside = { otherOrgAdmin: 404, anonymous: 401, revokedToken: 401 };
/** list, retrieve, users, postman: whoever can see the pipeline. */
const seers = { owner: 200, ownerSession: 200, sharedUser: 200, orgMember: 200, otherMember: 404, admin: 200, ...outside };
/** update, delete, executions: the owner or an org admin. */
const owners = { ...seers, sharedUser: 403, orgMember: 403 };
/** keys: the owner, a shared user or an org admin, not every member of a shared-to-org pipeline. */
const keyHolders = { ...seers, orgMember: 403 };
/** one key's PUT/DELETE (here the owner's key): its creator, the owner or an org admin, not a shared user. */
const keyChangers = { ...keyHolders, sharedUser: 403 };
const withStatus = (statuses: Record<Who, number>, from: number, to: number) =>
  Object.fromEntries(Object.entries(statuses).map(([who, s]) => [who, s === from ? to : s])) as Record<Who, number>;

const matrix: Row[] = [
  {
    route: "GET pipeline/",
    handler: routes.list,
    options: () => ({ params: { org_id: org.id }, path: `${base}/${org.id}/pipeline/?page_size=1000` }),
    expect: { ...seers, otherMember: 200 },
    listed: { owner: true, ownerSession: true, sharedUser: true, orgMember: true, otherMember: false, admin: true },
  },
  {
    route: "POST pipeline/",
    handler: routes.create,
    options: () => ({ method: "POST", params: { org_id: org.id }, path: `${base}/${org.id}/pipeline/`, body: { pipeline_name: uniqueName("authz") } }),
    expect: withStatus({ ...seers, otherMember: 200 }, 200, 201),
  },
  { route: "GET pipeline/{id}/", handler: routes.retrieve, options: (p) => pipelinePath(p), expect: seers },
  {
    route: "PUT pipeline/{id}/",
    handler: routes.put,
    options: (p) => ({ method: "PUT", ...pipelinePath(p), body: { pipeline_name: p.pipeline_name, description: "put" } }),
    expect: owners,
  },
  {
    route: "PATCH pipeline/{id}/",
    handler: routes.patch,
    options: (p) => ({ method: "PATCH", ...pipelinePath(p), body: { active: false } }),
    expect: owners,
  },
  { route: "DELETE pipeline/{id}/", handler: routes.remove, options: (p) => ({ method: "DELETE", ...pipelinePath(p) }), expect: withStatus(owners, 200, 204) },
  {
    route: "POST pipeline/execute/",
    handler: routes.execute,
    options: (p) => ({ method: "POST", params: { org_id: org.id }, path: `${base}/${org.id}/pipeline/execute/`, body: { pipeline_id: p.id } }),
    // The pipeline is in the body here, not the path: one the caller cannot see is "Invalid pipeline ID" (400).
    expect: { ...seers, otherMember: 400 },
  },
  { route: "GET pipeline/{id}/executions/", handler: routes.executions, options: (p) => pipelinePath(p, "executions/"), expect: owners },
  { route: "GET pipeline/{id}/users/", handler: routes.users, options: (p) => pipelinePath(p, "users/"), expect: seers },
  {
    route: "GET pipeline/api/postman_collection/{id}/",
    handler: routes.postman,
    options: (p) => ({ params: { org_id: org.id, id: p.id }, path: `${base}/${org.id}/pipeline/api/postman_collection/${p.id}/` }),
    expect: seers,
  },
  { route: "GET api/keys/pipeline/{pipeline_id}/", handler: routes.listKeys, options: (p) => keysPath(p), expect: keyHolders },
  {
    route: "POST api/keys/pipeline/{pipeline_id}/",
    handler: routes.createKey,
    options: (p) => ({ method: "POST", ...keysPath(p), body: { pipeline: p.id, description: "authz" } }),
    expect: withStatus(keyHolders, 200, 201),
  },
  { route: "GET api/keys/{key_id}/", handler: routes.getKey, options: (p) => keyPath(p), expect: keyHolders },
  {
    route: "PUT api/keys/{key_id}/",
    handler: routes.putKey,
    options: (p) => ({ method: "PUT", ...keyPath(p), body: { is_active: false } }),
    expect: keyChangers,
  },
  { route: "DELETE api/keys/{key_id}/", handler: routes.deleteKey, options: (p) => ({ method: "DELETE", ...keyPath(p) }), expect: withStatus(keyChangers, 200, 204) },
  {
    route: "POST /deployment/pipeline/api/{org_id}/{pipeline_id}/ (with personal credentials)",
    handler: routes.trigger,
    options: (p) => ({ method: "POST", params: { org_id: org.id, pipeline_id: p.id }, path: `/deployment/pipeline/api/${org.id}/${p.id}/` }),
    // It takes a pipeline key, nothing else: a personal token is a wrong key (401), no bearer is a missing key (403).
    expect: { owner: 401, ownerSession: 403, sharedUser: 401, orgMember: 401, otherMember: 401, admin: 401, otherOrgAdmin: 401, anonymous: 403, revokedToken: 401 },
  },
];

describe.each(matrix)("$route", (row) => {
  it.each(Object.entries(row.expect) as [Who, number][])("%s → %i", async (who, status) => {
    const p = await pipelineFor(who);
    const res: Answer = await call(row.handler, { ...row.options(p), ...credentials[who] });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    const listed = row.listed?.[who];
    if (listed !== undefined) {
      expect((res.body as PageJson<PipelineJson>).results.map((x) => x.id).includes(p.id)).toBe(listed);
    }
  });
});

// ---------------------------------------------------------------- the trigger's own credential

type KeyCase = "ownKey" | "inactiveKey" | "otherPipelinesKey" | "otherOrgsKey" | "deletedKey" | "garbageKey" | "noKey";

interface KeyRow {
  credential: KeyCase;
  status: number;
  detail: string;
}

const keyMatrix: KeyRow[] = [
  { credential: "ownKey", status: 200, detail: "" },
  { credential: "inactiveKey", status: 401, detail: "Unauthorized" },
  { credential: "otherPipelinesKey", status: 401, detail: "Unauthorized" },
  { credential: "otherOrgsKey", status: 401, detail: "Unauthorized" },
  { credential: "deletedKey", status: 401, detail: "Unauthorized" },
  { credential: "garbageKey", status: 401, detail: "Unauthorized" },
  { credential: "noKey", status: 403, detail: "Missing api key" },
];

async function keyFor(credential: KeyCase, p: CreatedPipelineJson): Promise<string | undefined> {
  const owner = { token: org.member.token };
  switch (credential) {
    case "ownKey":
      return p.api_key.api_key ?? "";
    case "inactiveKey":
      expect((await call(routes.putKey, { method: "PUT", ...keyPath(p), ...owner, body: { is_active: false } })).status).toBe(200);
      return p.api_key.api_key ?? "";
    case "otherPipelinesKey":
      return (await createPipeline(org, owner)).api_key.api_key ?? "";
    case "otherOrgsKey":
      return (await createPipeline(other, { token: other.member.token })).api_key.api_key ?? "";
    case "deletedKey":
      expect((await call(routes.deleteKey, { method: "DELETE", ...keyPath(p), ...owner })).status).toBe(204);
      return p.api_key.api_key ?? "";
    case "garbageKey":
      return "00000000-0000-4000-8000-000000000000";
    case "noKey":
      return undefined;
  }
}

describe("POST /deployment/pipeline/api/{org_id}/{pipeline_id}/ (with pipeline keys)", () => {
  it.each(keyMatrix)("$credential → $status", async ({ credential, status, detail }) => {
    const p = await createPipeline(org, { token: org.member.token });
    const key = await keyFor(credential, p);
    const res = await call(routes.trigger, {
      method: "POST",
      params: { org_id: org.id, pipeline_id: p.id },
      path: `/deployment/pipeline/api/${org.id}/${p.id}/`,
      token: key,
    });
    expect(res.status, JSON.stringify(res.body)).toBe(status);
    if (detail) expect((res.body as { errors: { detail: string }[] }).errors[0]?.detail).toBe(detail);
  });
});
