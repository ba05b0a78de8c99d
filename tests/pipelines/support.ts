// Shared by the specs of §1 (pipelines API): the route handlers, the shapes of their answers,
// extra members for an org, and small calls that set a test up.
import { randomBytes } from "node:crypto";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import { issueToken } from "@/lib/domain/tokens";
import { createUser } from "@/lib/domain/users";
import { GET as listPipelinesRoute, POST as createPipelineRoute } from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import {
  DELETE as deletePipelineRoute,
  GET as getPipelineRoute,
  PATCH as patchPipelineRoute,
  PUT as putPipelineRoute,
} from "@/app/api/v1/unstract/[org_id]/pipeline/[id]/route";
import { GET as usersRoute } from "@/app/api/v1/unstract/[org_id]/pipeline/[id]/users/route";
import { GET as executionsRoute } from "@/app/api/v1/unstract/[org_id]/pipeline/[id]/executions/route";
import { GET as postmanRoute } from "@/app/api/v1/unstract/[org_id]/pipeline/api/postman_collection/[id]/route";
import { POST as executeRoute } from "@/app/api/v1/unstract/[org_id]/pipeline/execute/route";
import { GET as listKeysRoute, POST as createKeyRoute } from "@/app/api/v1/unstract/[org_id]/api/keys/pipeline/[pipeline_id]/route";
import { DELETE as deleteKeyRoute, GET as getKeyRoute, PUT as putKeyRoute } from "@/app/api/v1/unstract/[org_id]/api/keys/[key_id]/route";
import { POST as triggerRoute } from "@/app/deployment/pipeline/api/[org_id]/[pipeline_id]/route";
import { PASSWORD, type Person, type TestOrg } from "../support/fixtures";
import { call, type Answer, type CallOptions } from "../support/http";

export const routes = {
  list: listPipelinesRoute,
  create: createPipelineRoute,
  retrieve: getPipelineRoute,
  put: putPipelineRoute,
  patch: patchPipelineRoute,
  remove: deletePipelineRoute,
  users: usersRoute,
  executions: executionsRoute,
  postman: postmanRoute,
  execute: executeRoute,
  listKeys: listKeysRoute,
  createKey: createKeyRoute,
  getKey: getKeyRoute,
  putKey: putKeyRoute,
  deleteKey: deleteKeyRoute,
  trigger: triggerRoute,
};

// ---------------------------------------------------------------- answer shapes

export interface KeyJson {
  id: string;
  api_key: string | null;
  api: string | null;
  pipeline: string;
  description: string;
  is_active: boolean;
  created_by: string | null;
  created_by_email: string | null;
  created_at: string;
  modified_at: string;
}

export interface RunStatusJson {
  execution_id: string;
  status: string;
  timestamp: string;
  successful_files: number;
  failed_files: number;
}

export interface PipelineJson {
  id: string;
  pipeline_name: string;
  pipeline_type: string;
  description: string;
  active: boolean;
  scheduled: boolean;
  cron_string: string | null;
  timezone: string;
  run_count: number;
  last_run_time: string | null;
  last_run_status: string;
  next_run_time: string | null;
  storage_status: string;
  created_by: string;
  created_by_email: string;
  modified_by: string | null;
  shared_users: string[];
  shared_to_org: boolean;
  created_at: string;
  modified_at: string;
  api_endpoint: string;
  last_5_run_statuses: RunStatusJson[];
}

export interface CreatedPipelineJson extends PipelineJson {
  api_key: KeyJson;
}

export interface PageJson<T> {
  count: number;
  next: string | null;
  previous: string | null;
  next_cursor: string | null;
  results: T[];
}

export interface ExecutionJson {
  id: string;
  pipeline_id: string;
  execution_method: string;
  status: string;
  total_files: number;
  error_message: string | null;
  attempts: number;
  execution_time: number | null;
  created_at: string;
  modified_at: string;
}

export interface ErrorItemJson {
  code: string;
  detail: string;
  attr: string | null;
}

export interface ErrorJson {
  type: "validation_error" | "client_error" | "server_error";
  errors: ErrorItemJson[];
}

export const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
export const NAME_TAKEN = "This pipeline name is already in use. Please select a different name.";
export const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";

/** The error envelope of §1 with exactly one error; checks every part of it. */
export function expectError(res: Answer, status: number, type: ErrorJson["type"], error: Partial<ErrorItemJson>): void {
  expect(res.status).toBe(status);
  const body = res.body as ErrorJson;
  expect(body.type).toBe(type);
  expect(Array.isArray(body.errors)).toBe(true);
  expect(body.errors).toHaveLength(1);
  const [first] = body.errors;
  expect(Object.keys(first ?? {}).sort()).toEqual(["attr", "code", "detail"]);
  expect(typeof first?.code).toBe("string");
  expect(typeof first?.detail).toBe("string");
  expect(first).toMatchObject(error);
}

// ---------------------------------------------------------------- people and names

/** A pipeline name no other test uses: `tag` plus 8 hex digits, at most 32 characters. */
export function uniqueName(tag = "pl"): string {
  const name = `${tag}-${randomBytes(4).toString("hex")}`;
  if (name.length > 32) throw new Error(`name too long: ${name}`);
  return name;
}

/** Another member (or admin) of `org`, with a personal token. */
export async function addPerson(org: TestOrg, label: string, role: "member" | "admin" = "member"): Promise<Person> {
  const db = await getDb();
  const email = `${label}-${randomBytes(4).toString("hex")}@${org.id.replace(/_/g, "-")}.example.com`;
  const user = await createUser(db, { email, name: `Person ${label}`, password: PASSWORD });
  await db.insert(memberships).values({ orgId: org.id, userId: user.id, role });
  const principal = { userId: user.id, email: user.email, orgId: org.id, role, via: "token" as const };
  const issued = await issueToken(db, principal, { name: "test" });
  return { ...principal, password: PASSWORD, token: issued.token };
}

// ---------------------------------------------------------------- calls

export interface Caller {
  token?: string;
  cookie?: string;
}

const auth = (who: Caller): Pick<CallOptions, "token" | "cookie"> => ({ token: who.token, cookie: who.cookie });

/** Creates a pipeline through the API; fails the test unless the answer is 201. */
export async function createPipeline(org: { id: string }, who: Caller, body: Record<string, unknown> = {}): Promise<CreatedPipelineJson> {
  const res = await call(routes.create, {
    method: "POST",
    params: { org_id: org.id },
    path: `/api/v1/unstract/${org.id}/pipeline/`,
    body: { pipeline_name: uniqueName(), ...body },
    ...auth(who),
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as CreatedPipelineJson;
}

export async function getPipeline(org: { id: string }, who: Caller, id: string): Promise<Answer> {
  return call(routes.retrieve, { params: { org_id: org.id, id }, path: `/api/v1/unstract/${org.id}/pipeline/${id}/`, ...auth(who) });
}

export async function patchPipeline(org: { id: string }, who: Caller, id: string, body: unknown): Promise<Answer> {
  return call(routes.patch, {
    method: "PATCH",
    params: { org_id: org.id, id },
    path: `/api/v1/unstract/${org.id}/pipeline/${id}/`,
    body,
    ...auth(who),
  });
}

export async function execute(org: { id: string }, who: Caller, body: unknown): Promise<Answer> {
  return call(routes.execute, {
    method: "POST",
    params: { org_id: org.id },
    path: `/api/v1/unstract/${org.id}/pipeline/execute/`,
    body,
    ...auth(who),
  });
}

/** Starts `times` runs of a pipeline through the execute route; fails the test on any non-200. */
export async function executeTimes(org: { id: string }, who: Caller, pipelineId: string, times: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < times; i++) {
    const res = await execute(org, who, { pipeline_id: pipelineId });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    ids.push((res.body as { execution: { execution_id: string } }).execution.execution_id);
  }
  return ids;
}

export async function trigger(orgId: string, pipelineId: string, key?: string): Promise<Answer> {
  return call(routes.trigger, {
    method: "POST",
    params: { org_id: orgId, pipeline_id: pipelineId },
    path: `/deployment/pipeline/api/${orgId}/${pipelineId}/`,
    token: key,
  });
}

/** The list route at a path with a query string (`?page=2&...`). */
export async function listAt(org: { id: string }, who: Caller, query = ""): Promise<Answer> {
  return call(routes.list, { params: { org_id: org.id }, path: `/api/v1/unstract/${org.id}/pipeline/${query}`, ...auth(who) });
}

/** Follows an absolute `next`/`previous` link of a page through the same handler. */
export function pathOf(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}
