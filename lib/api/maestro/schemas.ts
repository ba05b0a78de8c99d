// Request schemas of §2 (Maestro): the handlers parse with these, the OpenAPI document may
// describe them. Ids stay as the client wrote them ("-" or "_"); handlers resolve them.
import { uuidOf } from "./ids";
import { z } from "../messages";
import { pipelineName } from "../common-schemas";

/** A pipeline id as written; whether it names a pipeline is the handler's 404 to give. */
const idAsWritten = z.string().trim().min(1).max(100);
/** Why, for the audit log. */
const reason = z.string().trim().max(1000).optional();
/** Accepted as Maestro clients send it; checked against the org of the header. */
const customerId = z.string().trim().max(100).optional();

export const pipelineActionRequest = z.object({ pipeline_id: idAsWritten, customer_id: customerId, reason });
export type PipelineActionRequest = z.infer<typeof pipelineActionRequest>;

export const deletePipelineRequest = z.object({ customer_id: customerId, reason });

export const executePipelineRequest = z.object({ pipeline_id: idAsWritten, customer_id: customerId });

const resourceId = z.string().trim().min(1).max(100);

export const jobRequest = z.object({
  name: z.string().trim().min(1).max(200),
  source: resourceId,
  destination: resourceId.nullable().optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

export const createPipelineRequest = z.object({
  id: z
    .string()
    .trim()
    .refine((value) => uuidOf(value) !== null, "Must be a UUID, written with '-' or '_'.")
    .optional(),
  name: pipelineName,
  description: z.string().max(1000).nullable().optional(),
  cron: z.string().trim().max(100).nullable().optional(),
  customer_id: customerId,
  jobs: z.array(jobRequest).max(100).default([]),
});
export type CreatePipelineRequest = z.infer<typeof createPipelineRequest>;

const positiveInt = (fallback: number, max: number) =>
  z
    .string()
    .regex(/^\d+$/, "A valid integer is required.")
    .optional()
    .transform((v) => (v === undefined ? fallback : Number(v)))
    .pipe(z.number().int().min(1).max(max));

/** GET /platform/pipelines lists every pipeline by default (up to 1,000 a page). */
export const listPipelinesQuery = z.object({
  page: positiveInt(1, 1_000_000),
  page_size: positiveInt(1000, 1000),
});
