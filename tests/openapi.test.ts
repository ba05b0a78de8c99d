// The OpenAPI document: valid OpenAPI 3.1, naming every route exactly as served (no more, no
// less), and describing the bodies the handlers really answer with.
import fs from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { beforeAll, describe, expect, it } from "vitest";
import type { z } from "zod";
import { POST as issueToken } from "@/app/api/auth/token/route";
import { GET as health } from "@/app/api/health/route";
import { GET as openApiJson } from "@/app/api/openapi.json/route";
import { GET as me } from "@/app/api/v1/me/route";
import { PATCH as changeMemberRole } from "@/app/api/v1/orgs/[org_id]/members/[user_id]/route";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/orgs/[org_id]/members/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/orgs/[org_id]/tokens/route";
import { GET as getKey } from "@/app/api/v1/unstract/[org_id]/api/keys/[key_id]/route";
import { POST as createKey } from "@/app/api/v1/unstract/[org_id]/api/keys/pipeline/[pipeline_id]/route";
import { GET as listExecutions } from "@/app/api/v1/unstract/[org_id]/pipeline/[id]/executions/route";
import { GET as getPipeline } from "@/app/api/v1/unstract/[org_id]/pipeline/[id]/route";
import { GET as sharing } from "@/app/api/v1/unstract/[org_id]/pipeline/[id]/users/route";
import { GET as postman } from "@/app/api/v1/unstract/[org_id]/pipeline/api/postman_collection/[id]/route";
import { POST as execute } from "@/app/api/v1/unstract/[org_id]/pipeline/execute/route";
import { GET as listPipelines, POST as createPipeline } from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import { POST as trigger } from "@/app/deployment/pipeline/api/[org_id]/[pipeline_id]/route";
import { authLabel, fieldsOf, groupByTag, type OpenApiDocument as ViewDocument } from "@/components/api-reference/openapi-view";
import type { OpenApiDocument } from "@/lib/api/openapi/document";
import { isRefusal } from "@/lib/api/methods";
import { apiOperations } from "@/lib/api/openapi/surfaces";
import { getDb } from "@/db/client";
import { createPipeline as createPipelineInDomain } from "@/lib/domain/pipelines";
import { call, type Answer, type Handler } from "./support/http";
import { makeOrg, PASSWORD, type TestOrg } from "./support/fixtures";
import { routes as pipelineRoutes } from "./pipelines/support";

const operations = apiOperations({ minScheduleIntervalSeconds: 1800 });
let document: OpenApiDocument;

beforeAll(async () => {
  const res = await openApiJson(new Request("http://localhost:3000/api/openapi.json"));
  expect(res.status).toBe(200);
  document = (await res.json()) as OpenApiDocument;
});

describe("the document", () => {
  it("is valid OpenAPI 3.1", async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(document) as unknown as Record<string, unknown>);
    expect(result.errors).toBeUndefined();
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
    expect(document.openapi).toBe("3.1.0");
  });

  it("refers only to schemas it defines", () => {
    const refs = [...JSON.stringify(document).matchAll(/"\$ref":"([^"]+)"/g)].map(([, ref]) => ref);
    expect(refs.length).toBeGreaterThan(20);
    for (const ref of new Set(refs)) {
      expect(ref).toMatch(/^#\/components\/schemas\//);
      expect(document.components.schemas, ref).toHaveProperty([ref?.split("/").pop() ?? ""]);
    }
  });

  it("names the security schemes of the three principals", () => {
    expect(document.components.securitySchemes).toMatchObject({
      bearerAuth: { type: "http", scheme: "bearer" },
      cookieAuth: { type: "apiKey", in: "cookie", name: "next-auth.session-token" },
      pipelineKey: { type: "http", scheme: "bearer" },
    });
    expect(document.paths["/deployment/pipeline/api/{org_id}/{pipeline_id}/"]?.post?.security).toEqual([{ pipelineKey: [] }]);
    expect(document.paths["/api/v1/unstract/{org_id}/pipeline/"]?.get?.security).toEqual([{ bearerAuth: [] }, { cookieAuth: [] }]);
  });

  it("states the rules a client needs", () => {
    const text = JSON.stringify(document);
    for (const phrase of ["shown once", "next_cursor", "`cursor`", "MIN_SCHEDULE_INTERVAL_SECONDS", "prefix `-` for descending"]) {
      expect(text).toContain(phrase);
    }
    const ordering = (document.paths["/api/v1/unstract/{org_id}/pipeline/"]?.get?.parameters as { name: string; schema: { enum?: string[] } }[])
      .find((p) => p.name === "ordering");
    expect(ordering?.schema.enum).toEqual(expect.arrayContaining(["created_at", "-last_run_time", "pipeline_name", "-run_count"]));
  });
});

describe("the console's reading of the document", () => {
  it("groups every operation under its tag and lists body fields with types and required", () => {
    const doc = document as unknown as ViewDocument;
    const groups = groupByTag(doc);
    const total = Object.values(document.paths).reduce((n, item) => n + Object.keys(item).length, 0);
    expect(groups.reduce((n, group) => n + group.operations.length, 0)).toBe(total);
    const create = groups.flatMap((group) => group.operations).find((op) => op.operationId === "createPipeline");
    expect(create && authLabel(create)).toBe("Personal token or session cookie");
    const fields = fieldsOf(doc, create?.requestBody?.content["application/json"]?.schema);
    expect(fields.find((field) => field.name === "pipeline_name")).toMatchObject({ type: "string", required: true, rules: ["1–32 characters"] });
    expect(fields.find((field) => field.name === "pipeline_type")).toMatchObject({ required: false, rules: ['default "DEFAULT"'] });
    const created = fieldsOf(doc, create?.responses["201"]?.content?.["application/json"]?.schema);
    expect(created.find((field) => field.name === "api_key")?.children.map((field) => field.name)).toContain("api_key_prefix");
  });
});

// ---------------------------------------------------------------- routes as served

const HTTP_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;
type Segment = { kind: "static" | "dynamic" | "catchAll"; name: string };
interface RouteFile {
  file: string;
  segments: Segment[];
  methods: string[];
}

function findRouteFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return findRouteFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

function segmentsOf(folder: string): Segment[] {
  return folder
    .split(path.sep)
    .filter((part) => part && !/^\(.*\)$/.test(part)) // route groups name no segment
    .map((part) => {
      const catchAll = /^\[\[?\.\.\.(\w+)\]\]?$/.exec(part);
      if (catchAll) return { kind: "catchAll", name: catchAll[1] ?? "" };
      const dynamic = /^\[(\w+)\]$/.exec(part);
      return dynamic ? { kind: "dynamic", name: dynamic[1] ?? "" } : { kind: "static", name: part };
    });
}

async function servedRoutes(): Promise<RouteFile[]> {
  const app = path.resolve("app");
  return Promise.all(
    findRouteFiles(app).map(async (file) => {
      const mod = (await import(/* @vite-ignore */ file)) as Record<string, unknown>;
      return {
        file: path.relative(process.cwd(), file),
        segments: segmentsOf(path.relative(app, path.dirname(file))),
        // A method the path only refuses (405, or an unknown path's 404) is no operation.
        methods: HTTP_METHODS.filter((method) => typeof mod[method] === "function" && !isRefusal(mod[method])),
      };
    }),
  );
}

/** The rank of each segment as Next.js prefers them: static, then dynamic, then catch-all. */
function matchRank(route: Segment[], docPath: string): number[] | null {
  const parts = docPath.split("/").filter(Boolean);
  const rank: number[] = [];
  for (const [i, segment] of route.entries()) {
    const part = parts[i];
    if (segment.kind === "catchAll") {
      const rest = parts.slice(i);
      return rest.length > 0 && rest.every((p) => !p.startsWith("{")) ? [...rank, 2] : null;
    }
    if (part === undefined) return null;
    if (segment.kind === "static" && part !== segment.name) return null;
    if (segment.kind === "dynamic" && part !== `{${segment.name}}`) return null;
    rank.push(segment.kind === "static" ? 0 : 1);
  }
  return parts.length === route.length ? rank : null;
}

function servingRoute(routes: RouteFile[], docPath: string): RouteFile | undefined {
  const candidates = routes.flatMap((route) => {
    const rank = matchRank(route.segments, docPath);
    return rank ? [{ route, rank }] : [];
  });
  candidates.sort((a, b) => {
    for (let i = 0; i < Math.max(a.rank.length, b.rank.length); i++) {
      const diff = (a.rank[i] ?? 3) - (b.rank[i] ?? 3);
      if (diff !== 0) return diff;
    }
    return 0;
  });
  return candidates[0]?.route;
}

// §1's table, with its trailing slashes.
const SECTION_1 = [
  "GET /api/v1/unstract/{org_id}/pipeline/",
  "POST /api/v1/unstract/{org_id}/pipeline/",
  "GET /api/v1/unstract/{org_id}/pipeline/{id}/",
  "PUT /api/v1/unstract/{org_id}/pipeline/{id}/",
  "PATCH /api/v1/unstract/{org_id}/pipeline/{id}/",
  "DELETE /api/v1/unstract/{org_id}/pipeline/{id}/",
  "POST /api/v1/unstract/{org_id}/pipeline/execute/",
  "GET /api/v1/unstract/{org_id}/pipeline/{id}/executions/",
  "GET /api/v1/unstract/{org_id}/pipeline/{id}/users/",
  "GET /api/v1/unstract/{org_id}/pipeline/api/postman_collection/{id}/",
  "GET /api/v1/unstract/{org_id}/api/keys/pipeline/{pipeline_id}/",
  "POST /api/v1/unstract/{org_id}/api/keys/pipeline/{pipeline_id}/",
  "GET /api/v1/unstract/{org_id}/api/keys/{key_id}/",
  "PUT /api/v1/unstract/{org_id}/api/keys/{key_id}/",
  "DELETE /api/v1/unstract/{org_id}/api/keys/{key_id}/",
  "POST /deployment/pipeline/api/{org_id}/{pipeline_id}/",
];

describe("the paths", () => {
  const documented = () =>
    Object.entries(document.paths).flatMap(([docPath, item]) => Object.keys(item).map((method) => ({ docPath, method: method.toUpperCase() })));

  it("every documented operation is served by the route file Next.js would pick, which exports its method", async () => {
    const routes = await servedRoutes();
    const extra = documented().filter(({ docPath, method }) => !servingRoute(routes, docPath)?.methods.includes(method));
    expect(extra).toEqual([]);
  });

  it("every exported method of every route file is documented", async () => {
    const routes = await servedRoutes();
    expect(routes.length).toBeGreaterThanOrEqual(17);
    const served = new Set(documented().map(({ docPath, method }) => `${servingRoute(routes, docPath)?.file} ${method}`));
    const missing = routes.flatMap((route) => route.methods.map((method) => `${route.file} ${method}`)).filter((key) => !served.has(key));
    expect(missing).toEqual([]);
  });

  it("ends in a slash exactly where §1 documents one", () => {
    const withSlash = documented()
      .filter(({ docPath }) => docPath.endsWith("/"))
      .map(({ docPath, method }) => `${method} ${docPath}`);
    expect(withSlash.sort()).toEqual([...SECTION_1].sort());
    const section1 = documented().filter(({ docPath }) => /^\/(api\/v1\/unstract|deployment)\//.test(docPath));
    expect(section1.length).toBe(SECTION_1.length);
  });

  it("names each path parameter once, as its folder does", () => {
    for (const [docPath, item] of Object.entries(document.paths)) {
      const names = [...docPath.matchAll(/\{(\w+)\}/g)].map(([, name]) => name);
      for (const operation of Object.values(item)) {
        const params = ((operation.parameters ?? []) as { name: string; in: string }[]).filter((p) => p.in === "path");
        expect(params.map((p) => p.name), docPath).toEqual(names);
      }
    }
  });
});

// ---------------------------------------------------------------- real answers

/** A pipeline of the org's member with one job reading `sourceId`. */
async function addJobPipeline(org: TestOrg, name: string, sourceId: string) {
  await createPipelineInDomain(await getDb(), org.member, { name, jobs: [{ name: "read", sourceResourceId: sourceId }] });
}

/** The answer's body parses with the schema documented for its operation and status, and has nothing undocumented. */
function expectDocumented(operationId: string, answer: Answer, status: number) {
  expect(answer.status, JSON.stringify(answer.body)).toBe(status);
  const schema: z.ZodType | undefined = operations.find((op) => op.operationId === operationId)?.responses[status]?.schema;
  expect(schema, `${operationId} documents ${status}`).toBeDefined();
  const parsed = schema?.safeParse(answer.body);
  expect(parsed?.error).toBeUndefined();
  // zod drops keys it does not know: an undocumented field makes the two differ.
  expect(parsed?.data).toEqual(answer.body);
}

// ---------------------------------------------------------------- handlers refuse what the document refuses

type Json = Record<string, unknown>;

/** A value of a JSON type the property's documented schema does not allow; undefined when it allows any. */
function wrongValueFor(property: Json): unknown {
  const types = new Set<string>();
  const collect = (schema: Json) => {
    if (typeof schema.type === "string") types.add(schema.type);
    if (Array.isArray(schema.type)) for (const t of schema.type) types.add(String(t));
    for (const key of ["anyOf", "oneOf"]) for (const option of (schema[key] as Json[] | undefined) ?? []) collect(option);
    if ("const" in schema) types.add(typeof schema.const);
    if (Array.isArray(schema.enum)) for (const v of schema.enum) types.add(v === null ? "null" : typeof v);
  };
  collect(property);
  if (types.size === 0) return undefined;
  const candidates: [string[], unknown][] = [
    [["object"], { wrong: true }],
    [["array"], ["wrong"]],
    [["boolean"], true],
    [["number", "integer"], 12.5],
    [["string"], "wrong"],
  ];
  return candidates.find(([kinds]) => !kinds.some((k) => types.has(k)))?.[1];
}

interface BodyRow {
  op: string;
  handler: Handler;
  /** Path parameters of a real object the org's admin may change. */
  params: () => Promise<Record<string, string>>;
}

describe("each handler refuses, field by field, what its documented request schema refuses", () => {
  // What this catches: a handler parsing its body or query with another schema than the one the
  // served document shows (a field it ignores, or types it differently): a value of a type the
  // document rules out must come back as a 400 naming that very field. It asks the served
  // document and the handlers, not their source.
  let org: TestOrg;
  let pipelineId: string;
  let keyId: string;
  let memberId: string;
  beforeAll(async () => {
    org = await makeOrg();
    const created = await call(createPipeline, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body: { pipeline_name: "refusals" } });
    expect(created.status, JSON.stringify(created.body)).toBe(201);
    const body = created.body as { id: string; api_key: { id: string } };
    [pipelineId, keyId, memberId] = [body.id, body.api_key.id, org.member.userId];
  });
  const u = "/api/v1/unstract/{org_id}";
  const bodies: BodyRow[] = [
    { op: `POST ${u}/pipeline/`, handler: createPipeline, params: async () => ({ org_id: org.id }) },
    { op: `POST ${u}/pipeline/execute/`, handler: execute, params: async () => ({ org_id: org.id }) },
    { op: `PUT ${u}/pipeline/{id}/`, handler: pipelineRoutes.put, params: async () => ({ org_id: org.id, id: pipelineId }) },
    { op: `PATCH ${u}/pipeline/{id}/`, handler: pipelineRoutes.patch, params: async () => ({ org_id: org.id, id: pipelineId }) },
    { op: `DELETE ${u}/pipeline/{id}/`, handler: pipelineRoutes.remove, params: async () => ({ org_id: org.id, id: pipelineId }) },
    { op: `POST ${u}/api/keys/pipeline/{pipeline_id}/`, handler: createKey, params: async () => ({ org_id: org.id, pipeline_id: pipelineId }) },
    { op: `PUT ${u}/api/keys/{key_id}/`, handler: pipelineRoutes.putKey, params: async () => ({ org_id: org.id, key_id: keyId }) },
    { op: `DELETE ${u}/api/keys/{key_id}/`, handler: pipelineRoutes.deleteKey, params: async () => ({ org_id: org.id, key_id: keyId }) },
    { op: "POST /api/auth/token", handler: issueToken, params: async () => ({}) },
    { op: "POST /api/v1/orgs/{org_id}/members", handler: addMember, params: async () => ({ org_id: org.id }) },
    { op: "PATCH /api/v1/orgs/{org_id}/members/{user_id}", handler: changeMemberRole, params: async () => ({ org_id: org.id, user_id: memberId }) },
    { op: "POST /api/v1/orgs/{org_id}/tokens", handler: createToken, params: async () => ({ org_id: org.id }) },
  ];

  const operationOf = (op: string) => {
    const [method = "", docPath = ""] = op.split(" ");
    const operation = (document.paths as Record<string, Record<string, Json>>)[docPath]?.[method.toLowerCase()];
    expect(operation, `${op} is documented`).toBeDefined();
    return { method, docPath, operation: operation as Json };
  };
  const resolve = (schema: Json): Json => {
    const ref = schema.$ref as string | undefined;
    return ref ? ((document.components.schemas as Record<string, Json>)[ref.split("/").pop() ?? ""] ?? {}) : schema;
  };
  const attrsOf = (res: Answer) => ((res.body as { errors?: { attr: string | null }[] }).errors ?? []).map((e) => e.attr);

  it.each(bodies)("$op: a body field of the wrong type is a 400 on that field", async ({ op, handler, params }) => {
    const { method, docPath, operation } = operationOf(op);
    const content = (operation.requestBody as { content: Record<string, { schema: Json }> }).content["application/json"];
    const schema = resolve(content?.schema ?? {});
    const properties = Object.entries((schema.properties as Record<string, Json> | undefined) ?? {});
    expect(properties.length, `${op} documents its body's fields`).toBeGreaterThan(0);
    let tried = 0;
    for (const [name, property] of properties) {
      const wrong = wrongValueFor(resolve(property));
      if (wrong === undefined) continue;
      tried++;
      const p = await params();
      const path = docPath.replace(/\{(\w+)\}/g, (_, key: string) => p[key] ?? "");
      const res = await call(handler, { method, path, params: p, token: org.admin.token, body: { [name]: wrong } });
      expect(res.status, `${op} with ${name}: ${JSON.stringify(wrong)} → ${JSON.stringify(res.body)}`).toBe(400);
      expect(attrsOf(res), `${op} names ${name}`).toContain(name);
    }
    expect(tried, `${op} has a field to try`).toBeGreaterThan(0);
  });

  const queries: BodyRow[] = [
    { op: `GET ${u}/pipeline/`, handler: listPipelines, params: async () => ({ org_id: org.id }) },
    { op: `GET ${u}/pipeline/{id}/executions/`, handler: listExecutions, params: async () => ({ org_id: org.id, id: pipelineId }) },
  ];

  it.each(queries)("$op: a query parameter the document rules out is a 400 on that parameter", async ({ op, handler, params }) => {
    const { method, docPath, operation } = operationOf(op);
    const documented = ((operation.parameters as { in: string; name: string; schema: Json }[]) ?? []).filter((q) => q.in === "query");
    let tried = 0;
    for (const { name, schema } of documented) {
      // A query value is always a string: it is wrong when the document asks for a number, a boolean or one of an enum.
      const s = resolve(schema);
      const wrong = wrongValueFor(s) === undefined ? undefined : s.type === "string" && !Array.isArray(s.enum) ? undefined : "wrong";
      if (wrong === undefined) continue;
      tried++;
      const p = await params();
      const path = `${docPath.replace(/\{(\w+)\}/g, (_, key: string) => p[key] ?? "")}?${name}=${wrong}`;
      const res = await call(handler, { method, path, params: p, token: org.admin.token });
      expect(res.status, `${op} with ${name}=${wrong} → ${JSON.stringify(res.body)}`).toBe(400);
      expect(attrsOf(res), `${op} names ${name}`).toContain(name);
    }
    expect(tried, `${op} has a parameter to try`).toBeGreaterThan(0);
  });
});

describe("real answers match their documented schema", () => {
  let org: TestOrg;
  let pipelineId: string;
  let plainKey: string;
  const params = () => ({ org_id: org.id });

  beforeAll(async () => {
    org = await makeOrg();
  });

  it("pipeline create, retrieve, list, sharing and a validation error", async () => {
    const created = await call(createPipeline, {
      method: "POST",
      token: org.admin.token,
      params: params(),
      body: { pipeline_name: "openapi-docs", cron_string: "0 3 * * *" },
    });
    expectDocumented("createPipeline", created, 201);
    const body = created.body as { id: string; api_key: { api_key: string } };
    pipelineId = body.id;
    plainKey = body.api_key.api_key;
    expect(plainKey).toMatch(/^[0-9a-f-]{36}$/);

    expectDocumented("getPipeline", await call(getPipeline, { token: org.admin.token, params: { ...params(), id: pipelineId } }), 200);
    expectDocumented("listPipelines", await call(listPipelines, { token: org.admin.token, params: params(), path: "/x?page_size=1" }), 200);
    expectDocumented("getPipelineSharing", await call(sharing, { token: org.admin.token, params: { ...params(), id: pipelineId } }), 200);
    const duplicate = await call(createPipeline, { method: "POST", token: org.admin.token, params: params(), body: { pipeline_name: "openapi-docs" } });
    expectDocumented("createPipeline", duplicate, 400);
  });

  it("execute, executions and the public trigger", async () => {
    expectDocumented("executePipeline", await call(execute, { method: "POST", token: org.admin.token, params: params(), body: { pipeline_id: pipelineId } }), 200);
    expectDocumented("triggerPipeline", await call(trigger, { method: "POST", token: plainKey, params: { ...params(), pipeline_id: pipelineId } }), 200);
    expectDocumented("triggerPipeline", await call(trigger, { method: "POST", params: { ...params(), pipeline_id: pipelineId } }), 403);
    expectDocumented(
      "listPipelineExecutions",
      await call(listExecutions, { token: org.admin.token, params: { ...params(), id: pipelineId }, path: "/x?status=PENDING" }),
      200,
    );
  });

  it("key create and read, and the Postman collection", async () => {
    const created = await call(createKey, {
      method: "POST",
      token: org.admin.token,
      params: { ...params(), pipeline_id: pipelineId },
      body: { pipeline: pipelineId, description: "docs" },
    });
    expectDocumented("createPipelineKey", created, 201);
    const key = created.body as { id: string; api_key: string | null };
    expect(key.api_key).not.toBeNull();
    const read = await call(getKey, { token: org.admin.token, params: { ...params(), key_id: key.id } });
    expectDocumented("getPipelineKey", read, 200);
    expect((read.body as { api_key: string | null }).api_key).toBeNull();
    expectDocumented("downloadPostmanCollection", await call(postman, { token: org.admin.token, params: { ...params(), id: pipelineId } }), 200);
  });

  it("token create, sign-in token, tokens, members, me and health", async () => {
    expectDocumented("createToken", await call(createToken, { method: "POST", token: org.member.token, params: params(), body: { name: "docs" } }), 201);
    expectDocumented(
      "issueToken",
      await call(issueToken, { method: "POST", body: { email: org.member.email, password: PASSWORD, org: org.id } }),
      201,
    );
    expectDocumented("listTokens", await call(listTokens, { token: org.member.token, params: params() }), 200);
    expectDocumented("listMembers", await call(listMembers, { token: org.member.token, params: params() }), 200);
    expectDocumented("getMe", await call(me, { token: org.member.token }), 200);
    expectDocumented("getMe", await call(me, { token: "slt_nope" }), 401);
    expectDocumented("getHealth", await call(health), 200);
  });

  it("a member's role changed, and the last admin kept", async () => {
    const patch = (userId: string, role: string) =>
      call(changeMemberRole, { method: "PATCH", token: org.admin.token, params: { ...params(), user_id: userId }, body: { role } });
    expectDocumented("changeMemberRole", await patch(org.member.userId, "admin"), 200);
    expectDocumented("changeMemberRole", await patch(org.member.userId, "member"), 200);
    expectDocumented("changeMemberRole", await patch(org.admin.userId, "member"), 400);
  });
});

// The other dialects' routes are loaded here, so a change in one of them fails only its test.
describe("real answers of §2, §3 and §4 match their documented schema", () => {
  let org: TestOrg;
  beforeAll(async () => {
    org = await makeOrg();
  });
  const load = <T>(path: string) => import(/* @vite-ignore */ path) as Promise<T>;
  type Module = Record<string, Handler>;

  it("Maestro: create, get, list, pause, execute refused, delete, and 401", async () => {
    const headers = { customer_name: org.id };
    const create = await load<Module>("@/app/platform/pipeline/route");
    const one = await load<Module>("@/app/platform/pipeline/[id]/route");
    const list = await load<Module>("@/app/platform/pipelines/route");
    const pause = await load<Module>("@/app/platform/pipeline/pause/route");
    const execute = await load<Module>("@/app/platform/pipeline/execute/route");
    const created = await call(create.POST as Handler, { method: "POST", token: org.admin.token, headers, body: { name: "maestro-docs", jobs: [] } });
    expectDocumented("maestroCreatePipeline", created, 201);
    const id = (created.body as { data: { id: string } }).data.id;
    expectDocumented("maestroGetPipeline", await call(one.GET as Handler, { token: org.admin.token, headers, params: { id } }), 200);
    expectDocumented("maestroListPipelines", await call(list.GET as Handler, { token: org.admin.token, headers }), 200);
    expectDocumented("maestroPausePipeline", await call(pause.POST as Handler, { method: "POST", token: org.admin.token, headers, body: { pipeline_id: id } }), 200);
    expectDocumented("maestroPausePipeline", await call(pause.POST as Handler, { method: "POST", token: org.admin.token, headers, body: { pipeline_id: id } }), 400);
    expectDocumented("maestroExecutePipeline", await call(execute.POST as Handler, { method: "POST", token: org.admin.token, headers, body: { pipeline_id: id } }), 400);
    expectDocumented("maestroDeletePipeline", await call(one.DELETE as Handler, { method: "DELETE", token: org.admin.token, headers, params: { id } }), 200);
    expectDocumented("maestroGetPipeline", await call(one.GET as Handler, { token: org.admin.token, headers, params: { id } }), 404);
    expectDocumented("maestroGetPipeline", await call(one.GET as Handler, { token: org.admin.token, params: { id } }), 401);
  });

  it("storage: status, clear accepted, unknown name", async () => {
    const created = await call(createPipeline, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body: { pipeline_name: "storage-docs" } });
    expect(created.status).toBe(201);
    const status = await load<Module>("@/app/v0/pipelines/[pipeline_name]/route");
    const clear = await load<Module>("@/app/v0/pipelines/[pipeline_name]/clear/route");
    expectDocumented("getPipelineStorage", await call(status.GET as Handler, { token: org.admin.token, params: { pipeline_name: "storage-docs" } }), 200);
    expectDocumented("clearPipelineStorage", await call(clear.POST as Handler, { method: "POST", token: org.admin.token, params: { pipeline_name: "storage-docs" } }), 202);
    expectDocumented("getPipelineStorage", await call(status.GET as Handler, { token: org.admin.token, params: { pipeline_name: "no-such-pipeline" } }), 404);
  });

  it("resources: create, list, get, delete, and the errors", async () => {
    const collection = await load<Module>("@/app/resources/route");
    const one = await load<Module>("@/app/resources/[id]/route");
    const created = await call(collection.POST as Handler, {
      method: "POST",
      token: org.member.token,
      body: { name: "docs source", kind: "source", connector: "sample", with_wrapper: true },
    });
    expectDocumented("createResource", created, 201);
    const id = (created.body as { id: string }).id;
    expectDocumented("listResources", await call(collection.GET as Handler, { token: org.member.token }), 200);
    expectDocumented("listResources", await call(collection.GET as Handler, { token: org.member.token, path: "/resources?limit=51" }), 422);
    expectDocumented("getResource", await call(one.GET as Handler, { token: org.member.token, params: { id } }), 200);
    const usage = await load<Module>("@/app/api/v1/orgs/[org_id]/resources/[id]/usage/route");
    await addJobPipeline(org, "uses-docs-source", id);
    expectDocumented("getResourceUsage", await call(usage.GET as Handler, { token: org.member.token, params: { org_id: org.id, id } }), 200);
    expectDocumented("getResourceUsage", await call(usage.GET as Handler, { token: org.member.token, params: { org_id: org.id, id: "nope" } }), 404);
    expectDocumented("deleteResource", await call(one.DELETE as Handler, { method: "DELETE", token: org.member.token, params: { id } }), 403);
    expectDocumented("deleteResource", await call(one.DELETE as Handler, { method: "DELETE", token: org.admin.token, params: { id } }), 200);
    expectDocumented("getResource", await call(one.GET as Handler, { token: org.member.token, params: { id } }), 404);
    expectDocumented("getResource", await call(one.GET as Handler, { token: org.member.token, params: { id: "nope" } }), 400);
  });
});
