// Requests and responses of the resources API (§4, seed 003). Its validation messages are in
// the words of that API's framework (FastAPI/pydantic), not the DRF words of §1.
import { MAX_RESOURCE_NAME, MAX_RESOURCE_PAGE, type ResourceView } from "@/lib/domain/resources";
import { RESOURCE_KINDS } from "@/lib/vocabulary";
import { FIELD_REQUIRED } from "../dialects/resources";
import { z } from "./messages";

const required = (message: string) => ({ error: (issue: { input: unknown }) => (issue.input === undefined ? FIELD_REQUIRED : message) });

/** A whole number in a query string, with pydantic's messages. */
const queryInt = (fallback: number, min: number, max: number) =>
  z
    .string()
    .optional()
    .transform((v) => (v === undefined || v === "" ? String(fallback) : v))
    .pipe(z.string().regex(/^\d+$/, "Input should be a valid integer, unable to parse string as an integer"))
    .transform(Number)
    .pipe(
      z
        .number()
        .int()
        .min(min, `Input should be greater than or equal to ${min}`)
        .max(max, `Input should be less than or equal to ${max}`),
    );

export const listResourcesQuery = z.object({
  skip: queryInt(0, 0, Number.MAX_SAFE_INTEGER),
  limit: queryInt(MAX_RESOURCE_PAGE, 1, MAX_RESOURCE_PAGE),
});

export const createResourceRequest = z.object({
  name: z
    .string(required("Input should be a valid string"))
    .trim()
    .min(1, "String should have at least 1 character")
    .max(MAX_RESOURCE_NAME, `String should have at most ${MAX_RESOURCE_NAME} characters`),
  kind: z.enum(RESOURCE_KINDS, required("Input should be 'source' or 'destination'")),
  connector: z.string(required("Input should be a valid string")).min(1, "String should have at least 1 character").max(32, "String should have at most 32 characters"),
  config: z.record(z.string(), z.unknown(), "Input should be a valid dictionary").default({}),
  with_wrapper: z.boolean("Input should be a valid boolean").default(false),
});
export type CreateResourceRequest = z.infer<typeof createResourceRequest>;

/** DELETE may say why, in a JSON body or as ?reason= (kept in the audit log). */
export const deleteResourceRequest = z.object({
  reason: z.string("Input should be a valid string").max(500, "String should have at most 500 characters").optional(),
});

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export interface WrapperJson {
  id: string;
  status: string;
  pid: number | null;
  started_at: string | null;
  stopped_at: string | null;
  heartbeat_at: string | null;
}

export interface ResourceJson {
  id: string;
  name: string;
  kind: string;
  connector: string;
  config: Record<string, unknown>;
  deleted: boolean;
  created_at: string;
  updated_at: string;
  wrapper: WrapperJson | null;
}

export function resourceJson(r: ResourceView): ResourceJson {
  const w = r.wrapper;
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    connector: r.connector,
    config: r.config,
    deleted: r.deleted,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    wrapper: w
      ? { id: w.id, status: w.status, pid: w.pid, started_at: iso(w.startedAt), stopped_at: iso(w.stoppedAt), heartbeat_at: iso(w.heartbeatAt) }
      : null,
  };
}
