// The OpenAPI 3.1 document: the operations of ./surfaces.ts, their schemas converted by zod to
// JSON Schema 2020-12 (the dialect of OpenAPI 3.1), named schemas in components.schemas.
import "server-only";
import { z } from "zod";
import { VERSION } from "@/lib/version";
import { apiOperations, requestComponents, responseComponents } from "./surfaces";
import type { AuthKind, DocumentSettings, Operation, ResponseSpec, Tag } from "./types";

type Json = Record<string, unknown>;
type Io = "input" | "output";

export interface OpenApiDocument {
  openapi: "3.1.0";
  info: Json;
  servers?: { url: string; description: string }[];
  tags: { name: Tag; description: string }[];
  paths: Record<string, Record<string, Json>>;
  components: { schemas: Record<string, Json>; securitySchemes: Record<string, Json> };
}

const tags: { name: Tag; description: string }[] = [
  { name: "Pipelines", description: "Create, read, list, update, pause and delete pipelines (§1, Unstract-compatible paths with trailing slashes)." },
  { name: "Executions", description: "Start runs and read a pipeline's run history." },
  { name: "Pipeline keys", description: "API keys of a pipeline, for its public trigger. A key is shown once, when it is created." },
  { name: "Trigger", description: "The public endpoint of a pipeline, called with one of its API keys." },
  {
    name: "Maestro",
    description:
      "The pipeline lifecycle in the dialect of Maestro (§2): the same pipelines, ids written with \"-\" or \"_\", the header customer_name on every call, and errors as {\"msg\"}, {\"detail\"} or {\"status\": false, \"error\", \"detail\"}.",
  },
  {
    name: "Storage",
    description: "Clearing a pipeline's stored data (§3): by pipeline name, in the caller's org; errors as {message, error_code, details}.",
  },
  {
    name: "Resources",
    description: "Connections pipelines use (§4): sources and destinations, each maybe with a wrapper process; errors as {\"detail\"}.",
  },
  { name: "Account", description: "The caller." },
  { name: "Members", description: "People in an org and their roles." },
  { name: "Tokens", description: "Personal access tokens for scripts. A token is shown once, when it is created." },
  { name: "Events", description: "Live changes, for the console and for scripts that watch." },
  { name: "Session", description: "The console's sign-in, served by Auth.js (next-auth 4). Scripts use personal tokens instead." },
  { name: "Service", description: "Health and this document." },
];

const securitySchemes = {
  bearerAuth: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "slt_…",
    description: "A personal access token (Tokens): acts as its user, in its org, with that user's role.",
  },
  cookieAuth: {
    type: "apiKey",
    in: "cookie",
    name: "next-auth.session-token",
    description: "The console's session cookie (named __Host-next-auth.session-token over HTTPS), set by signing in.",
  },
  pipelineKey: {
    type: "http",
    scheme: "bearer",
    bearerFormat: "uuid",
    description: "A pipeline API key: valid only for the public trigger of its own pipeline, while active.",
  },
};

const security: Record<AuthKind, Record<string, string[]>[]> = {
  principal: [{ bearerAuth: [] }, { cookieAuth: [] }],
  session: [{ cookieAuth: [] }],
  pipelineKey: [{ pipelineKey: [] }],
  none: [],
};

const pathParamDocs: Record<string, string> = {
  org_id: "The org's id, a slug such as acme_corp: the org of the token, or one the signed-in user belongs to.",
  pipeline_id: "The pipeline's id (uuid).",
  key_id: "The API key's id (uuid).",
  user_id: "The user's id (uuid).",
  id: "The record's id (uuid).",
};

function describeApi(settings: DocumentSettings): string {
  return [
    "The Sluice API: pipelines in the dialect of Unstract (§1, under /api/v1/unstract/{org_id}/ and /deployment/) and of Maestro (§2, under /platform/), storage clearing (§3, under /v0/), resources (§4, under /resources), and the console's own routes.",
    "",
    "**Authentication.** Scripts send `Authorization: Bearer <personal token>` (get one from POST /api/auth/token or the console's Tokens page); " +
      "the console uses its session cookie. The public trigger takes `Authorization: Bearer <pipeline API key>`. " +
      "Tokens and keys are stored hashed: each is shown once, in the answer that creates it.",
    "",
    "**Paging.** Lists answer `{count, next, previous, next_cursor, results}`. Page by `page`/`page_size`, or pass `next_cursor` as `cursor` for keyset paging that stays stable while items are added.",
    "",
    `**Schedules.** Five-field cron strings; runs closer together than ${settings.minScheduleIntervalSeconds} seconds (this server's MIN_SCHEDULE_INTERVAL_SECONDS) are refused.`,
    "",
    '**Errors.** `{"type": "validation_error" | "client_error" | "server_error", "errors": [{"code", "detail", "attr"}]}`; ' +
      "`attr` names the request field at fault. Any route may answer 500 with a server_error and no details.",
  ].join("\n");
}

const FORMATS_WITH_PATTERNS = new Set(["uuid", "date-time", "date", "email", "uri"]);

/**
 * Keeps the schemas readable and open to additions: a format stands for zod's long regex, safe
 * integer bounds say nothing, and answers may gain fields (zod marks every output object closed).
 */
function tidy(io: Io): (ctx: { zodSchema: unknown; jsonSchema: Json }) => void {
  return ({ zodSchema, jsonSchema }) => {
    if (typeof jsonSchema.format === "string" && FORMATS_WITH_PATTERNS.has(jsonSchema.format)) delete jsonSchema.pattern;
    if (jsonSchema.minimum === Number.MIN_SAFE_INTEGER) delete jsonSchema.minimum;
    if (jsonSchema.maximum === Number.MAX_SAFE_INTEGER) delete jsonSchema.maximum;
    if (io === "output" && jsonSchema.additionalProperties === false) delete jsonSchema.additionalProperties;
    // A pipe is converted by its input side: keep the format its output side checks (an email).
    const def = (zodSchema as z.ZodType)._zod.def;
    if (io === "input" && def.type === "pipe") {
      const format = (def as z.core.$ZodPipeDef).out._zod.bag.format;
      if (typeof format === "string" && !jsonSchema.format) jsonSchema.format = format;
    }
  };
}

/**
 * The document as served from `origin` (PUBLIC_URL, else the origin the request was addressed
 * to): the server to call, and where the reference a person reads is, both on that origin.
 */
export function servedFrom(document: OpenApiDocument, origin: string): OpenApiDocument {
  return {
    ...document,
    info: { ...document.info, contact: { name: "Sluice API reference", url: `${origin}/api-reference` } },
    servers: [{ url: origin, description: "This Sluice console." }],
  };
}

/** Named schemas of one side (answers or requests), referring to each other by $ref. */
function convertComponents(components: Record<string, z.ZodType>, io: Io): Record<string, Json> {
  const registry = z.registry<{ id: string }>();
  for (const [id, schema] of Object.entries(components)) registry.add(schema, { id });
  const { schemas } = z.toJSONSchema(registry, { io, uri: (id) => `#/components/schemas/${id}`, override: tidy(io) });
  if ("__shared" in schemas) throw new Error("A schema shared by components has no name: add it to components.ts.");
  return Object.fromEntries(
    Object.entries(schemas).map(([id, schema]) => {
      const { $schema: _dialect, $id: _id, ...rest } = schema as Json;
      return [id, rest];
    }),
  );
}

function inlineSchema(schema: z.ZodType, io: Io): Json {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, override: tidy(io) }) as Json;
  return rest;
}

function pathParamSchema(op: Operation, name: string): Json {
  if (name === "org_id") return { type: "string", examples: ["acme_corp"] };
  if (name === "pipeline_name") return { type: "string", examples: ["daily-orders"] };
  // Maestro's ids: a uuid with "-" or "_"; anything else is a 404, not a validation error.
  if (op.idKind === "asWritten") return { type: "string", examples: ["1b33ad2f_33d3_4c37_a0b5_6c1f5e1c2f9e"] };
  if (op.idKind === "objectId") return { type: "string", pattern: "^[0-9a-fA-F]{24}$", examples: ["65f1c0ffee0123456789abcd"] };
  return { type: "string", format: "uuid" };
}

function buildOperation(op: Operation, refOf: (schema: z.ZodType, io: Io) => Json): Json {
  const pathParams = [...op.path.matchAll(/\{(\w+)\}/g)].map(([, name = ""]) => ({
    name,
    in: "path",
    required: true,
    description: op.params?.[name] ?? pathParamDocs[name] ?? name,
    schema: pathParamSchema(op, name),
  }));
  const headerParams = Object.entries(op.headers ?? {}).map(([name, description]) => ({
    name,
    in: "header",
    required: true,
    description,
    schema: { type: "string", examples: ["acme_corp"] },
  }));
  const queryParams = Object.entries(op.query?.shape ?? {}).map(([name, field]) => ({
    name,
    in: "query",
    required: !(field as z.ZodType).safeParse(undefined).success,
    ...(op.queryDocs?.[name] ? { description: op.queryDocs[name] } : {}),
    schema: inlineSchema(field as z.ZodType, "input"),
  }));
  const parameters = [...pathParams, ...headerParams, ...queryParams];
  const operation: Json = {
    operationId: op.operationId,
    summary: op.summary,
    ...(op.description ? { description: op.description } : {}),
    tags: [op.tag],
    security: security[op.auth],
    ...(parameters.length ? { parameters } : {}),
  };
  if (op.body) {
    operation.requestBody = {
      required: op.body.required ?? false,
      content: { [op.body.mediaType ?? "application/json"]: { schema: refOf(op.body.schema, "input") } },
    };
  }
  operation.responses = Object.fromEntries(
    Object.entries(op.responses).map(([status, spec]: [string, ResponseSpec]) => {
      const response: Json = { description: spec.description };
      if (spec.headers) {
        response.headers = Object.fromEntries(
          Object.entries(spec.headers).map(([name, description]) => [name, { description, schema: { type: "string" } }]),
        );
      }
      if (spec.schema) response.content = { [spec.mediaType ?? "application/json"]: { schema: refOf(spec.schema, "output") } };
      return [status, response];
    }),
  );
  return operation;
}

export function openApiDocument(settings: DocumentSettings): OpenApiDocument {
  const names: Record<Io, Map<z.ZodType, string>> = {
    output: new Map(Object.entries(responseComponents).map(([name, schema]) => [schema, name])),
    input: new Map(Object.entries(requestComponents).map(([name, schema]) => [schema, name])),
  };
  const refOf = (schema: z.ZodType, io: Io): Json => {
    const name = names[io].get(schema);
    return name ? { $ref: `#/components/schemas/${name}` } : inlineSchema(schema, io);
  };
  const paths: OpenApiDocument["paths"] = {};
  for (const op of apiOperations(settings)) {
    const item = (paths[op.path] ??= {});
    if (item[op.method]) throw new Error(`${op.method.toUpperCase()} ${op.path} is documented twice.`);
    item[op.method] = buildOperation(op, refOf);
  }
  return {
    openapi: "3.1.0",
    info: {
      title: "Sluice API",
      version: VERSION,
      description: describeApi(settings),
    },
    tags,
    paths,
    components: {
      schemas: { ...convertComponents(responseComponents, "output"), ...convertComponents(requestComponents, "input") },
      securitySchemes,
    },
  };
}
