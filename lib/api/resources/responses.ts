// Response bodies of §4 (resources) and its FastAPI-like error bodies. The formatters in
// ./format.ts return these types.
import { RESOURCE_KINDS, WRAPPER_STATUSES } from "@/lib/vocabulary";
import { optionalTime, time } from "../common-schemas";
import { z } from "../messages";

export const wrapperResponse = z.object({
  id: z.string(),
  status: z.enum(WRAPPER_STATUSES),
  pid: z.int().nullable().describe("The connector process's id while it runs."),
  started_at: optionalTime,
  stopped_at: optionalTime,
  heartbeat_at: optionalTime,
});

export const resourceResponse = z.object({
  id: z.string().describe("A 24-hex ObjectId."),
  name: z.string(),
  kind: z.enum(RESOURCE_KINDS),
  connector: z.string().describe("source: sample | http; destination: table."),
  config: z.record(z.string(), z.unknown()),
  deleted: z.boolean(),
  created_at: time,
  updated_at: time,
  wrapper: wrapperResponse.nullable().describe("The process that runs the connector, if the resource has one."),
});
export const resourceListResponse = z.array(resourceResponse);

export const resourceDeletedResponse = z.object({ id: z.string(), deleted: z.literal(true) });

export const resourceErrorResponse = z.object({ detail: z.string() });
export const resourceValidationErrorResponse = z.object({
  detail: z.array(
    z.object({
      type: z.string().describe("missing, string_type, string_too_long, enum, int_parsing, value_error, …"),
      loc: z.array(z.union([z.string(), z.int()])).describe('Where: ["body" | "query" | "path", field, …].'),
      msg: z.string(),
    }),
  ),
});
