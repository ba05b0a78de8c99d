// Who may call what, on every route of every dialect. The rows are data, one per operation of
// the OpenAPI document the server serves: a route added there fails this file until it has a
// row here. Each cell calls the real handler with one caller's credential and checks the status.
//
// Callers (columns): nobody; a revoked token; an admin of another org; a member of the org who
// neither owns the pipeline nor has it shared; a member who sees the pipeline only because it is
// shared to the whole org (shared_to_org); a member the pipeline is shared with (its
// shared_users); the pipeline's owner (a plain member), with a token and with a session cookie;
// an admin of the org, with a token and with a session cookie. Every cell gets fresh objects (a
// pipeline of the owner, shared with that one member — or, in the orgMember column only, shared
// to the org instead, so no other column sees it through the org —, its key — made by the owner
// with the pipeline — and a run), so a delete in one cell cannot change another.
import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as issueTokenRoute } from "@/app/api/auth/token/route";
import { GET as health } from "@/app/api/health/route";
import { GET as openApiJson } from "@/app/api/openapi.json/route";
import { GET as me } from "@/app/api/v1/me/route";
import { GET as audit } from "@/app/api/v1/orgs/[org_id]/audit/route";
import { GET as events } from "@/app/api/v1/orgs/[org_id]/events/route";
import { GET as executionLogs } from "@/app/api/v1/orgs/[org_id]/executions/[id]/logs/route";
import { GET as getExecution } from "@/app/api/v1/orgs/[org_id]/executions/[id]/route";
import { POST as stopExecution } from "@/app/api/v1/orgs/[org_id]/executions/[id]/stop/route";
import { GET as listOrgExecutions } from "@/app/api/v1/orgs/[org_id]/executions/route";
import { GET as orgOverview } from "@/app/api/v1/orgs/[org_id]/overview/route";
import { DELETE as removeMember, PATCH as changeMemberRole } from "@/app/api/v1/orgs/[org_id]/members/[user_id]/route";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/orgs/[org_id]/members/route";
import { GET as deletionImpact } from "@/app/api/v1/orgs/[org_id]/pipelines/[id]/deletion-impact/route";
import { DELETE as cancelDecommission, GET as getDecommission, POST as startDecommission } from "@/app/api/v1/orgs/[org_id]/pipelines/[id]/decommission/route";
import { GET as exportConfig } from "@/app/api/v1/orgs/[org_id]/pipelines/[id]/export/route";
import { POST as bulkDecommission } from "@/app/api/v1/orgs/[org_id]/pipelines/decommission/route";
import { POST as importConfig } from "@/app/api/v1/orgs/[org_id]/pipelines/import/route";
import { GET as resourceUsage } from "@/app/api/v1/orgs/[org_id]/resources/[id]/usage/route";
import { DELETE as revokeToken } from "@/app/api/v1/orgs/[org_id]/tokens/[id]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/orgs/[org_id]/tokens/route";
import { DELETE as maestroDelete, GET as maestroGet } from "@/app/platform/pipeline/[id]/route";
import { GET as maestroRun } from "@/app/platform/pipeline/[id]/pipeline_run/[run_id]/route";
import { POST as maestroExecute } from "@/app/platform/pipeline/execute/route";
import { POST as maestroPause } from "@/app/platform/pipeline/pause/route";
import { POST as maestroCreate } from "@/app/platform/pipeline/route";
import { POST as maestroUnpause } from "@/app/platform/pipeline/unpause/route";
import { GET as maestroList } from "@/app/platform/pipelines/route";
import { DELETE as deleteResource, GET as getResource } from "@/app/resources/[id]/route";
import { GET as listResources, POST as createResource } from "@/app/resources/route";
import { POST as clearStorage } from "@/app/v0/pipelines/[pipeline_name]/clear/route";
import { GET as getStorage } from "@/app/v0/pipelines/[pipeline_name]/route";
import { getDb } from "@/db/client";
import { openApiDocument } from "@/lib/api/openapi/document";
import { issueToken, revokeOwnToken } from "@/lib/domain/tokens";
import { makeOrg, type TestOrg } from "./support/fixtures";
import { call, ORIGIN, sessionCookie, type CallOptions, type Handler } from "./support/http";
import { addPerson, createPipeline, routes, uniqueName, type CreatedPipelineJson } from "./pipelines/support";

type Who = "anonymous" | "revokedToken" | "otherOrgAdmin" | "member" | "orgMember" | "shared" | "owner" | "ownerSession" | "admin" | "adminSession";
const WHO: Who[] = ["anonymous", "revokedToken", "otherOrgAdmin", "member", "orgMember", "shared", "owner", "ownerSession", "admin", "adminSession"];
type Credential = Pick<CallOptions, "token" | "cookie">;

let org: TestOrg;
let other: TestOrg;
let memberToken: string;
let shared: { userId: string; token: string };
const credentials = {} as Record<Who, Credential>;
/** The column of the cell being built: only the orgMember column's pipelines are shared to the org. */
let cellCaller: Who = "owner";

beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
  const db = await getDb();
  const revoked = await issueToken(db, org.admin, { name: "revoked" });
  await revokeOwnToken(db, org.admin, revoked.id);
  memberToken = (await addPerson(org, "bystander")).token;
  shared = await addPerson(org, "shared");
  Object.assign(credentials, {
    anonymous: {},
    revokedToken: { token: revoked.token },
    otherOrgAdmin: { token: other.admin.token },
    member: { token: memberToken },
    orgMember: { token: (await addPerson(org, "colleague")).token },
    shared: { token: shared.token },
    owner: { token: org.member.token }, // the fixture's member owns every pipeline made here
    ownerSession: { cookie: await sessionCookie(org.member) },
    admin: { token: org.admin.token },
    adminSession: { cookie: await sessionCookie(org.admin) },
  } satisfies Record<Who, Credential>);
});

// ---------------------------------------------------------------- fresh objects for one cell

const owner = () => ({ token: org.member.token });
const freshPipeline = (): Promise<CreatedPipelineJson> =>
  createPipeline(org, owner(), { pipeline_name: uniqueName("mx"), ...(cellCaller === "orgMember" ? { shared_to_org: true } : { shared_users: [shared.userId] }) });

async function freshRun(p: CreatedPipelineJson): Promise<string> {
  const res = await call(routes.execute, { method: "POST", ...owner(), params: { org_id: org.id }, body: { pipeline_id: p.id } });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return (res.body as { execution: { execution_id: string } }).execution.execution_id;
}

async function freshResource(): Promise<string> {
  const res = await call(createResource, { method: "POST", token: org.admin.token, body: { name: uniqueName("res"), kind: "source", connector: "sample" } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

async function freshOwnerTokenId(): Promise<string> {
  return (await issueToken(await getDb(), org.member, { name: "to revoke" })).id;
}

async function paused(p: CreatedPipelineJson): Promise<CreatedPipelineJson> {
  const res = await call(routes.patch, { method: "PATCH", ...owner(), params: { org_id: org.id, id: p.id }, body: { active: false } });
  expect(res.status).toBe(200);
  return p;
}

/** A fresh pipeline whose decommission (started by its owner) is under way. */
async function decommissioned(): Promise<CreatedPipelineJson> {
  const p = await freshPipeline();
  const res = await call(startDecommission, { method: "POST", ...owner(), params: { org_id: org.id, id: p.id }, body: { confirm_name: p.pipeline_name } });
  expect(res.status, JSON.stringify(res.body)).toBe(202);
  return p;
}

const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

// ---------------------------------------------------------------- the expectations

type Statuses = Record<Who, number>;

interface Row {
  /** The operation as the OpenAPI document names it: "METHOD /path". */
  op: string;
  /**
   * principal: a personal token or session. public: needs no credential by design (why says
   * why), so every caller gets the same answer. pipelineKey: only the pipeline's own API key
   * opens it. authjs: served by Auth.js itself, guarded by its own CSRF token; its handler needs
   * Next.js's request scope, so it is exercised against the real server in e2e (why names where).
   */
  access: "principal" | "public" | "pipelineKey" | "authjs";
  why?: string;
  handler?: Handler;
  /** The request for one cell, built on fresh objects. */
  request?: () => Promise<CallOptions>;
  expect?: Statuses;
  /** An event stream: only the status is read. */
  stream?: boolean;
}

const outside = { anonymous: 401, revokedToken: 401, otherOrgAdmin: 404 } as const;
/** Anyone in the org. */
const inOrg = (status: number): Statuses => ({
  ...outside,
  member: status,
  orgMember: status,
  shared: status,
  owner: status,
  ownerSession: status,
  admin: status,
  adminSession: status,
});
/**
 * Whoever sees the pipeline: its owner, the member it is shared with, every member when it is
 * shared to the org, org admins; another member cannot see it at all (404, never 403).
 */
const seers = (status: number): Statuses => ({ ...inOrg(status), member: 404 });
/** The pipeline's owner and org admins: the members who see it through a share are refused (403). */
const ownerOrAdmin = (status: number): Statuses => ({ ...seers(status), shared: 403, orgMember: 403 });
/** A pipeline's keys: whoever sees it, except a member who sees it only through the org (403). */
const keyHolders = (status: number): Statuses => ({ ...seers(status), orgMember: 403 });
/** Org admins only: members are refused. */
const adminOnly = (admin: number, others = 403): Statuses => ({ ...inOrg(others), admin, adminSession: admin });
const everyone = (status: number): Statuses => ({ ...inOrg(status), anonymous: status, revokedToken: status, otherOrgAdmin: status });
/** Maestro answers every credential problem, other orgs included, with its one 401. */
const maestro = (statuses: Statuses): Statuses => ({ ...statuses, otherOrgAdmin: 401 });

const u = (p: string) => `/api/v1/unstract/${p}`;
const at = (path: string, params: Record<string, string>, extra: CallOptions = {}): CallOptions => ({ path, params, ...extra });
const customer = (): Record<string, string> => ({ customer_name: org.id });

const matrix: Row[] = [
  // §1 pipelines
  { op: "GET /api/v1/unstract/{org_id}/pipeline/", access: "principal", handler: routes.list, request: async () => at(u(`${org.id}/pipeline/`), { org_id: org.id }), expect: inOrg(200) },
  {
    op: "POST /api/v1/unstract/{org_id}/pipeline/",
    access: "principal",
    handler: routes.create,
    request: async () => at(u(`${org.id}/pipeline/`), { org_id: org.id }, { method: "POST", body: { pipeline_name: uniqueName("mx") } }),
    expect: inOrg(201),
  },
  {
    op: "POST /api/v1/unstract/{org_id}/pipeline/execute/",
    access: "principal",
    handler: routes.execute,
    request: async () => at(u(`${org.id}/pipeline/execute/`), { org_id: org.id }, { method: "POST", body: { pipeline_id: (await freshPipeline()).id } }),
    // The id is in the body, not the path: one the caller cannot see is "Invalid pipeline ID".
    expect: { ...seers(200), member: 400 },
  },
  { op: "GET /api/v1/unstract/{org_id}/pipeline/{id}/", access: "principal", handler: routes.retrieve, request: async () => pipelineAt(await freshPipeline()), expect: seers(200) },
  {
    op: "PUT /api/v1/unstract/{org_id}/pipeline/{id}/",
    access: "principal",
    handler: routes.put,
    request: async () => {
      const p = await freshPipeline();
      return pipelineAt(p, "", { method: "PUT", body: { pipeline_name: p.pipeline_name, description: "put" } });
    },
    expect: ownerOrAdmin(200),
  },
  {
    op: "PATCH /api/v1/unstract/{org_id}/pipeline/{id}/",
    access: "principal",
    handler: routes.patch,
    request: async () => pipelineAt(await freshPipeline(), "", { method: "PATCH", body: { active: false } }),
    expect: ownerOrAdmin(200),
  },
  { op: "DELETE /api/v1/unstract/{org_id}/pipeline/{id}/", access: "principal", handler: routes.remove, request: async () => pipelineAt(await freshPipeline(), "", { method: "DELETE" }), expect: ownerOrAdmin(204) },
  { op: "GET /api/v1/unstract/{org_id}/pipeline/{id}/executions/", access: "principal", handler: routes.executions, request: async () => pipelineAt(await freshPipeline(), "executions/"), expect: ownerOrAdmin(200) },
  { op: "GET /api/v1/unstract/{org_id}/pipeline/{id}/users/", access: "principal", handler: routes.users, request: async () => pipelineAt(await freshPipeline(), "users/"), expect: seers(200) },
  {
    op: "GET /api/v1/unstract/{org_id}/pipeline/api/postman_collection/{id}/",
    access: "principal",
    handler: routes.postman,
    request: async () => {
      const p = await freshPipeline();
      return at(u(`${org.id}/pipeline/api/postman_collection/${p.id}/`), { org_id: org.id, id: p.id });
    },
    expect: seers(200),
  },
  { op: "GET /api/v1/unstract/{org_id}/api/keys/pipeline/{pipeline_id}/", access: "principal", handler: routes.listKeys, request: async () => keysAt(await freshPipeline()), expect: keyHolders(200) },
  {
    op: "POST /api/v1/unstract/{org_id}/api/keys/pipeline/{pipeline_id}/",
    access: "principal",
    handler: routes.createKey,
    request: async () => {
      const p = await freshPipeline();
      return keysAt(p, { method: "POST", body: { pipeline: p.id, description: "matrix" } });
    },
    expect: keyHolders(201),
  },
  { op: "GET /api/v1/unstract/{org_id}/api/keys/{key_id}/", access: "principal", handler: routes.getKey, request: async () => keyAt(await freshPipeline()), expect: keyHolders(200) },
  // The owner's key: the member it is shared with may read it but not change it (only its creator, the owner or an admin);
  // ownerOrAdmin already refuses the member who sees the pipeline through the org (403).
  { op: "PUT /api/v1/unstract/{org_id}/api/keys/{key_id}/", access: "principal", handler: routes.putKey, request: async () => keyAt(await freshPipeline(), { method: "PUT", body: { is_active: false } }), expect: ownerOrAdmin(200) },
  { op: "DELETE /api/v1/unstract/{org_id}/api/keys/{key_id}/", access: "principal", handler: routes.deleteKey, request: async () => keyAt(await freshPipeline(), { method: "DELETE" }), expect: ownerOrAdmin(204) },
  {
    op: "POST /deployment/pipeline/api/{org_id}/{pipeline_id}/",
    access: "pipelineKey",
    why: "The public trigger: its one credential is the pipeline's API key (every kind of key, right and wrong, in tests/pipelines/trigger.test.ts). A personal token is a wrong key (401); no bearer at all — a session cookie included — is a missing key (403).",
    handler: routes.trigger,
    request: async () => {
      const p = await freshPipeline();
      return at(`/deployment/pipeline/api/${org.id}/${p.id}/`, { org_id: org.id, pipeline_id: p.id }, { method: "POST" });
    },
    expect: { ...everyone(401), anonymous: 403, ownerSession: 403, adminSession: 403 },
  },

  // our console API
  { op: "GET /api/v1/me", access: "principal", handler: me, request: async () => at("/api/v1/me", {}), expect: { ...inOrg(200), otherOrgAdmin: 200 } },
  // The overview counts what each principal may see: a 200 for anyone of the org.
  { op: "GET /api/v1/orgs/{org_id}/overview", access: "principal", handler: orgOverview, request: async () => at(`/api/v1/orgs/${org.id}/overview`, { org_id: org.id }), expect: inOrg(200) },
  { op: "GET /api/v1/orgs/{org_id}/executions", access: "principal", handler: listOrgExecutions, request: async () => at(`/api/v1/orgs/${org.id}/executions`, { org_id: org.id }), expect: inOrg(200) },
  { op: "GET /api/v1/orgs/{org_id}/executions/{id}", access: "principal", handler: getExecution, request: async () => executionAt(await freshRun(await freshPipeline())), expect: seers(200) },
  { op: "GET /api/v1/orgs/{org_id}/executions/{id}/logs", access: "principal", handler: executionLogs, request: async () => executionAt(await freshRun(await freshPipeline()), "/logs"), expect: seers(200) },
  {
    op: "POST /api/v1/orgs/{org_id}/executions/{id}/stop",
    access: "principal",
    handler: stopExecution,
    request: async () => executionAt(await freshRun(await freshPipeline()), "/stop", { method: "POST" }),
    expect: ownerOrAdmin(200),
  },
  {
    op: "GET /api/v1/orgs/{org_id}/pipelines/{id}/deletion-impact",
    access: "principal",
    handler: deletionImpact,
    request: async () => {
      const p = await freshPipeline();
      return at(`/api/v1/orgs/${org.id}/pipelines/${p.id}/deletion-impact`, { org_id: org.id, id: p.id });
    },
    expect: seers(200),
  },
  {
    op: "POST /api/v1/orgs/{org_id}/pipelines/{id}/decommission",
    access: "principal",
    handler: startDecommission,
    request: async () => {
      const p = await freshPipeline();
      return at(`/api/v1/orgs/${org.id}/pipelines/${p.id}/decommission`, { org_id: org.id, id: p.id }, { method: "POST", body: { confirm_name: p.pipeline_name } });
    },
    expect: ownerOrAdmin(202),
  },
  {
    op: "GET /api/v1/orgs/{org_id}/pipelines/{id}/decommission",
    access: "principal",
    handler: getDecommission,
    request: async () => {
      const p = await decommissioned();
      return at(`/api/v1/orgs/${org.id}/pipelines/${p.id}/decommission`, { org_id: org.id, id: p.id });
    },
    expect: seers(200),
  },
  {
    op: "DELETE /api/v1/orgs/{org_id}/pipelines/{id}/decommission",
    access: "principal",
    handler: cancelDecommission,
    request: async () => {
      const p = await decommissioned();
      return at(`/api/v1/orgs/${org.id}/pipelines/${p.id}/decommission`, { org_id: org.id, id: p.id }, { method: "DELETE" });
    },
    expect: ownerOrAdmin(200),
  },
  {
    op: "POST /api/v1/orgs/{org_id}/pipelines/decommission",
    access: "principal",
    handler: bulkDecommission,
    // Anyone in the org may ask; each pipeline they may not delete is refused in the answer.
    request: async () => at(`/api/v1/orgs/${org.id}/pipelines/decommission`, { org_id: org.id }, { method: "POST", body: { ids: [(await freshPipeline()).id], confirm: "delete 1 pipeline" } }),
    expect: inOrg(202),
  },
  {
    op: "GET /api/v1/orgs/{org_id}/pipelines/{id}/export",
    access: "principal",
    handler: exportConfig,
    request: async () => {
      const p = await freshPipeline();
      return at(`/api/v1/orgs/${org.id}/pipelines/${p.id}/export`, { org_id: org.id, id: p.id });
    },
    expect: ownerOrAdmin(200),
  },
  {
    op: "POST /api/v1/orgs/{org_id}/pipelines/import",
    access: "principal",
    handler: importConfig,
    request: async () =>
      at(`/api/v1/orgs/${org.id}/pipelines/import`, { org_id: org.id }, { method: "POST", body: { config: { format: "sluice.pipeline/1", pipeline_name: uniqueName("imp") } } }),
    expect: inOrg(201),
  },
  // Connections are org-wide: anyone in the org may ask which pipelines use one (those they cannot see are only counted).
  {
    op: "GET /api/v1/orgs/{org_id}/resources/{id}/usage",
    access: "principal",
    handler: resourceUsage,
    request: async () => {
      const id = await freshResource();
      return at(`/api/v1/orgs/${org.id}/resources/${id}/usage`, { org_id: org.id, id });
    },
    expect: inOrg(200),
  },
  // Admins read the org's audit log, members their own entries: both are a 200.
  { op: "GET /api/v1/orgs/{org_id}/audit", access: "principal", handler: audit, request: async () => at(`/api/v1/orgs/${org.id}/audit`, { org_id: org.id }), expect: inOrg(200) },
  { op: "GET /api/v1/orgs/{org_id}/members", access: "principal", handler: listMembers, request: async () => at(`/api/v1/orgs/${org.id}/members`, { org_id: org.id }), expect: inOrg(200) },
  {
    op: "POST /api/v1/orgs/{org_id}/members",
    access: "principal",
    handler: addMember,
    // An invalid body: the role check comes first, so an admin gets 400 where a member gets 403.
    request: async () => at(`/api/v1/orgs/${org.id}/members`, { org_id: org.id }, { method: "POST", body: { email: "bad" } }),
    expect: adminOnly(400),
  },
  {
    op: "PATCH /api/v1/orgs/{org_id}/members/{user_id}",
    access: "principal",
    handler: changeMemberRole,
    // A fresh member made an admin: the change itself, in each cell.
    request: async () => {
      const person = await addPerson(org, "promoted");
      return at(`/api/v1/orgs/${org.id}/members/${person.userId}`, { org_id: org.id, user_id: person.userId }, { method: "PATCH", body: { role: "admin" } });
    },
    expect: adminOnly(200),
  },
  {
    op: "DELETE /api/v1/orgs/{org_id}/members/{user_id}",
    access: "principal",
    handler: removeMember,
    request: async () => at(`/api/v1/orgs/${org.id}/members/${NO_SUCH_ID}`, { org_id: org.id, user_id: NO_SUCH_ID }, { method: "DELETE" }),
    expect: adminOnly(404),
  },
  { op: "GET /api/v1/orgs/{org_id}/events", access: "principal", handler: events, stream: true, request: async () => at(`/api/v1/orgs/${org.id}/events`, { org_id: org.id }), expect: inOrg(200) },
  { op: "GET /api/v1/orgs/{org_id}/tokens", access: "principal", handler: listTokens, request: async () => at(`/api/v1/orgs/${org.id}/tokens`, { org_id: org.id }), expect: inOrg(200) },
  {
    op: "POST /api/v1/orgs/{org_id}/tokens",
    access: "principal",
    handler: createToken,
    request: async () => at(`/api/v1/orgs/${org.id}/tokens`, { org_id: org.id }, { method: "POST", body: { name: "matrix" } }),
    expect: inOrg(201),
  },
  {
    op: "DELETE /api/v1/orgs/{org_id}/tokens/{id}",
    access: "principal",
    handler: revokeToken,
    // The owner's own token: only its holder revokes it; to anyone else, admins too, it is not there.
    request: async () => {
      const id = await freshOwnerTokenId();
      return at(`/api/v1/orgs/${org.id}/tokens/${id}`, { org_id: org.id, id }, { method: "DELETE" });
    },
    expect: { ...inOrg(404), owner: 204, ownerSession: 204 },
  },

  // §2 Maestro
  {
    op: "POST /platform/pipeline",
    access: "principal",
    handler: maestroCreate,
    request: async () => at("/platform/pipeline", {}, { method: "POST", headers: customer(), body: { name: uniqueName("mx"), jobs: [] } }),
    expect: maestro(inOrg(201)),
  },
  { op: "GET /platform/pipelines", access: "principal", handler: maestroList, request: async () => at("/platform/pipelines", {}, { headers: customer() }), expect: maestro(inOrg(200)) },
  { op: "GET /platform/pipeline/{id}", access: "principal", handler: maestroGet, request: async () => maestroAt(await freshPipeline()), expect: maestro(seers(200)) },
  { op: "DELETE /platform/pipeline/{id}", access: "principal", handler: maestroDelete, request: async () => maestroAt(await freshPipeline(), "", { method: "DELETE" }), expect: maestro(ownerOrAdmin(200)) },
  {
    op: "POST /platform/pipeline/pause",
    access: "principal",
    handler: maestroPause,
    request: async () => at("/platform/pipeline/pause", {}, { method: "POST", headers: customer(), body: { pipeline_id: (await freshPipeline()).id } }),
    expect: maestro(ownerOrAdmin(200)),
  },
  {
    op: "POST /platform/pipeline/unpause",
    access: "principal",
    handler: maestroUnpause,
    request: async () => at("/platform/pipeline/unpause", {}, { method: "POST", headers: customer(), body: { pipeline_id: (await paused(await freshPipeline())).id } }),
    expect: maestro(ownerOrAdmin(200)),
  },
  {
    op: "POST /platform/pipeline/execute",
    access: "principal",
    handler: maestroExecute,
    request: async () => at("/platform/pipeline/execute", {}, { method: "POST", headers: customer(), body: { pipeline_id: (await freshPipeline()).id } }),
    expect: maestro(seers(200)),
  },
  {
    op: "GET /platform/pipeline/{id}/pipeline_run/{run_id}",
    access: "principal",
    handler: maestroRun,
    request: async () => {
      const p = await freshPipeline();
      const run = await freshRun(p);
      return at(`/platform/pipeline/${p.id}/pipeline_run/${run}`, { id: p.id, run_id: run }, { headers: customer() });
    },
    expect: maestro(ownerOrAdmin(200)),
  },

  // §3 storage: by name, in the caller's own org, so another org's admin finds no such name.
  { op: "GET /v0/pipelines/{pipeline_name}", access: "principal", handler: getStorage, request: async () => storageAt(await freshPipeline()), expect: seers(200) },
  { op: "POST /v0/pipelines/{pipeline_name}/clear", access: "principal", handler: clearStorage, request: async () => storageAt(await freshPipeline(), "/clear", { method: "POST" }), expect: ownerOrAdmin(202) },

  // §4 resources: the caller's own org, so another org's admin lists and creates in theirs.
  { op: "GET /resources", access: "principal", handler: listResources, request: async () => at("/resources", {}), expect: { ...inOrg(200), otherOrgAdmin: 200 } },
  {
    op: "POST /resources",
    access: "principal",
    handler: createResource,
    request: async () => at("/resources", {}, { method: "POST", body: { name: uniqueName("res"), kind: "source", connector: "sample" } }),
    expect: { ...inOrg(201), otherOrgAdmin: 201 },
  },
  {
    op: "GET /resources/{id}",
    access: "principal",
    handler: getResource,
    request: async () => {
      const id = await freshResource();
      return at(`/resources/${id}`, { id });
    },
    expect: inOrg(200),
  },
  {
    op: "DELETE /resources/{id}",
    access: "principal",
    handler: deleteResource,
    request: async () => {
      const id = await freshResource();
      return at(`/resources/${id}`, { id }, { method: "DELETE" });
    },
    expect: adminOnly(200),
  },

  // public by design
  {
    op: "POST /api/auth/token",
    access: "public",
    why: "Signing in: the credential is the email and password in the body (rate-limited on failures); whatever Authorization header comes along is ignored.",
    handler: issueTokenRoute,
    request: async () => at("/api/auth/token", {}, { method: "POST", body: { email: org.admin.email, password: org.admin.password, org: org.id } }),
    expect: everyone(201),
  },
  { op: "GET /api/health", access: "public", why: "For load balancers and monitors.", handler: health, request: async () => at("/api/health", {}), expect: everyone(200) },
  { op: "GET /api/openapi.json", access: "public", why: "The API's own documentation.", handler: openApiJson, request: async () => at("/api/openapi.json", {}), expect: everyone(200) },

  // Auth.js's own endpoints
  { op: "GET /api/auth/csrf", access: "authjs", why: "Public: hands out the CSRF token the other Auth.js calls need (e2e/rate-limit.spec.ts)." },
  { op: "GET /api/auth/providers", access: "authjs", why: "Public: names the sign-in methods (Auth.js's own discovery route)." },
  { op: "POST /api/auth/callback/credentials", access: "authjs", why: "Signing in: needs the CSRF token; rate-limited (e2e/rate-limit.spec.ts, e2e/auth.spec.ts)." },
  { op: "GET /api/auth/session", access: "authjs", why: "The caller's own session, {} without one (e2e/auth.spec.ts)." },
  { op: "POST /api/auth/session", access: "authjs", why: "Switches the session's org, checked against memberships on the server (e2e/org-switcher.spec.ts)." },
  { op: "POST /api/auth/signout", access: "authjs", why: "Ends the caller's own session; needs the CSRF token (e2e/auth.spec.ts)." },
];

function pipelineAt(p: CreatedPipelineJson, rest = "", extra: CallOptions = {}): CallOptions {
  return at(u(`${org.id}/pipeline/${p.id}/${rest}`), { org_id: org.id, id: p.id }, extra);
}
function keysAt(p: CreatedPipelineJson, extra: CallOptions = {}): CallOptions {
  return at(u(`${org.id}/api/keys/pipeline/${p.id}/`), { org_id: org.id, pipeline_id: p.id }, extra);
}
function keyAt(p: CreatedPipelineJson, extra: CallOptions = {}): CallOptions {
  return at(u(`${org.id}/api/keys/${p.api_key.id}/`), { org_id: org.id, key_id: p.api_key.id }, extra);
}
function executionAt(id: string, rest = "", extra: CallOptions = {}): CallOptions {
  return at(`/api/v1/orgs/${org.id}/executions/${id}${rest}`, { org_id: org.id, id }, extra);
}
function maestroAt(p: CreatedPipelineJson, rest = "", extra: CallOptions = {}): CallOptions {
  return at(`/platform/pipeline/${p.id}${rest}`, { id: p.id }, { headers: customer(), ...extra });
}
function storageAt(p: CreatedPipelineJson, rest = "", extra: CallOptions = {}): CallOptions {
  return at(`/v0/pipelines/${encodeURIComponent(p.pipeline_name)}${rest}`, { pipeline_name: p.pipeline_name }, extra);
}

/** The status of an event stream's answer, without waiting for a stream that never ends. */
async function streamStatus(handler: Handler, options: CallOptions): Promise<number> {
  const headers = new Headers(options.headers);
  if (options.token !== undefined) headers.set("authorization", `Bearer ${options.token}`);
  if (options.cookie) headers.set("cookie", options.cookie);
  const req = new NextRequest(new URL(options.path ?? "/", ORIGIN), { headers });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  await res.body?.cancel();
  return res.status;
}

// ---------------------------------------------------------------- the tests

const documented = () =>
  Object.entries(openApiDocument({ minScheduleIntervalSeconds: 1800 }).paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, operation]) => ({ op: `${method.toUpperCase()} ${path}`, security: operation.security as Record<string, string[]>[] })),
  );

describe("the matrix", () => {
  it("has one row for every operation the OpenAPI document names, and no other", () => {
    const rows = matrix.map((row) => row.op);
    expect(new Set(rows).size, "a duplicate row").toBe(rows.length);
    expect([...rows].sort()).toEqual(documented().map((d) => d.op).sort());
  });

  it("marks an operation public exactly when the document asks for no personal credential", () => {
    const security = new Map(documented().map((d) => [d.op, JSON.stringify(d.security)]));
    for (const row of matrix) {
      const asked = security.get(row.op);
      const expected = { principal: '[{"bearerAuth":[]},{"cookieAuth":[]}]', pipelineKey: '[{"pipelineKey":[]}]', public: "[]" }[row.access as "principal" | "pipelineKey" | "public"];
      if (row.access === "authjs") expect(asked, row.op).toMatch(/^\[\]$|cookieAuth/);
      else expect(asked, row.op).toBe(expected);
      if (row.access !== "principal") expect(row.why, `${row.op} says why it is open`).toBeTruthy();
      if (row.access !== "authjs") expect(row.handler && row.request && row.expect, `${row.op} is checked`).toBeTruthy();
    }
  });
});

const checked = matrix.filter((row) => row.access !== "authjs");

describe.each(checked)("$op", (row) => {
  it.each(WHO)("%s", async (who) => {
    const handler = row.handler as Handler;
    cellCaller = who;
    const options = { ...(await (row.request as () => Promise<CallOptions>)()), ...credentials[who] };
    const status = row.stream ? await streamStatus(handler, options) : (await call(handler, options)).status;
    expect(status, `${row.op} as ${who}`).toBe(row.expect?.[who]);
  });
});

it("the trigger opens with the pipeline's own key", async () => {
  cellCaller = "owner";
  const p = await freshPipeline();
  const res = await call(routes.trigger, { method: "POST", token: p.api_key.api_key ?? "", params: { org_id: org.id, pipeline_id: p.id } });
  expect(res.status).toBe(200);
});
