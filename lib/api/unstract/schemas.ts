// Request schemas of §1 (pipelines, executions, keys): used by the handlers, the console's
// forms and the OpenAPI document alike.
import { EXECUTION_STATUSES, PIPELINE_ORDERINGS, PIPELINE_TYPES } from "@/lib/vocabulary";
import { pipelineName, reason } from "../common-schemas";
import { z } from "../messages";

export { PIPELINE_TYPES };
export const MAX_PAGE_SIZE = 1000;

const cronString = z
  .string()
  .trim()
  .max(100)
  .nullable()
  .transform((v) => v || null)
  .describe(
    "Five-field cron (minute 0–59, hour 0–23, day of month 1–31, month 1–12, day of week 0–7), read in `timezone`; null or \"\" for no schedule. " +
      "A value out of its field's range, a cron that never fires (February 31st) and runs closer than the server's minimum interval are refused.",
  );

const pipelineFields = {
  pipeline_name: pipelineName,
  pipeline_type: z.enum(PIPELINE_TYPES),
  description: z.string().max(1000),
  cron_string: cronString,
  timezone: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .describe("IANA timezone (default UTC). An old alias (Asia/Calcutta, Europe/Kiev, Etc/UTC) is accepted, stored and answered by its canonical name (Asia/Kolkata, Europe/Kyiv, UTC)."),
  active: z.boolean(),
  shared_users: z.array(z.uuid()).max(1000),
  shared_to_org: z.boolean(),
};

/** A step of a pipeline: read `source` (a source resource id), optionally write `destination`. */
export const jobRequest = z.object({
  name: z.string().trim().min(1).max(100),
  source: z.string().regex(/^[0-9a-f]{24}$/, "Must be a resource id (24 hex characters)."),
  destination: z
    .string()
    .regex(/^[0-9a-f]{24}$/, "Must be a resource id (24 hex characters).")
    .nullable()
    .optional(),
  config: z.record(z.string(), z.unknown()).optional(),
});

/** A job in an update's list: with the `id` of one of the pipeline's jobs it is that job (its state stays). */
export const jobUpdateRequest = jobRequest.extend({
  id: z.uuid().optional().describe("An existing job of this pipeline; left out for a new job."),
});

export const createPipelineRequest = z.object({
  ...pipelineFields,
  reason,
  // Our addition to §1: a pipeline's jobs may be given at creation, as in the Maestro API.
  jobs: z.array(jobRequest).max(50).optional(),
  pipeline_type: pipelineFields.pipeline_type.default("DEFAULT"),
  description: pipelineFields.description.optional(),
  cron_string: pipelineFields.cron_string.optional(),
  timezone: pipelineFields.timezone.optional(),
  active: pipelineFields.active.optional(), // a new pipeline is always active
  shared_users: pipelineFields.shared_users.optional(),
  shared_to_org: pipelineFields.shared_to_org.optional(),
});
export type CreatePipelineRequest = z.infer<typeof createPipelineRequest>;

/** PUT: the name is required, as at creation; the other fields keep their value when absent. */
export const replacePipelineRequest = createPipelineRequest.omit({ jobs: true }).extend({ pipeline_type: pipelineFields.pipeline_type.optional() });
/** PATCH: any subset. Our addition: a pause (active: false) may say when it ends. */
export const patchPipelineRequest = z
  .object(pipelineFields)
  .partial()
  .extend({
    reason,
    // Our addition: the whole ordered list; jobs left out are removed with their state.
    jobs: z
      .array(jobUpdateRequest)
      .max(50)
      .optional()
      .describe(
        "Our addition: the pipeline's jobs, the whole list in run order. An item with the `id` of one of its jobs keeps that job and its state (cursor); an item without one is a new job; a job left out is removed with its state.",
      ),
    resume_at: z.iso
      .datetime({ offset: true })
      .nullable()
      .optional()
      .describe("With active: false, when the scheduler resumes the pipeline by itself; null for until someone does."),
  });
export type PatchPipelineRequest = z.infer<typeof patchPipelineRequest>;

/** Page numbers and sizes arrive as strings; a bad page is a 404 ("Invalid page."), as in DRF. */
const pageNumber = z
  .string()
  .optional()
  .transform((v) => (v === undefined || v === "" ? 1 : /^\d+$/.test(v) && Number(v) >= 1 ? Number(v) : NaN));
const pageSize = z
  .string()
  .regex(/^\d+$/, "A valid integer is required.")
  .optional()
  .transform((v) => Math.min(Math.max(Number(v ?? 50) || 50, 1), MAX_PAGE_SIZE));

const orderingValues = PIPELINE_ORDERINGS.flatMap((f) => [f, `-${f}`]) as [string, ...string[]];

export const listPipelinesQuery = z.object({
  page: pageNumber,
  page_size: pageSize,
  type: z.enum(PIPELINE_TYPES).optional(),
  // Our addition: active=true lists running pipelines, active=false paused ones.
  active: z.enum(["true", "false"]).optional().transform((v) => (v === undefined ? undefined : v === "true")),
  search: z.string().max(200).optional(),
  ordering: z.enum(orderingValues).optional(),
  cursor: z.string().max(2000).optional(),
});

export const listExecutionsQuery = z.object({
  page: pageNumber,
  page_size: pageSize,
  start_date: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  end_date: z.union([z.iso.date(), z.iso.datetime({ offset: true })]).optional(),
  // One status or several, comma-separated: "PENDING,EXECUTING".
  status: z
    .string()
    .max(100)
    .optional()
    .transform((v) => (v ? v.split(",").map((s) => s.trim()) : undefined))
    .pipe(z.array(z.enum(EXECUTION_STATUSES)).optional()),
  cursor: z.string().max(2000).optional(),
});

export const executeRequest = z.object({
  pipeline_id: z.string().max(100),
  execution_id: z.uuid().optional(),
  reason,
});

export const createKeyRequest = z.object({
  reason,
  description: z.string().max(255).optional(),
  is_active: z.boolean().optional(),
  api: z.string().max(100).nullable().optional(),
  pipeline: z.string().max(100).nullable().optional(),
});

export const updateKeyRequest = z.object({
  reason,
  description: z.string().max(255).optional(),
  is_active: z.boolean().optional(),
});
