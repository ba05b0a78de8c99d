// Response bodies of §1 (pipelines, executions, keys, the trigger) and its error body, which the
// console's own /api/v1 routes share. The formatters in ./format.ts return these types, so a body
// and its documentation cannot drift apart without a type error.
import { DECOMMISSION_STATES, EXECUTION_METHODS, EXECUTION_STATUSES, PIPELINE_TYPES, RUN_STATUSES, STORAGE_STATUSES } from "@/lib/vocabulary";
import { optionalTime, time } from "../common-schemas";
import { z } from "../messages";

const link = z.url().nullable();

export const executionStatus = z.enum(EXECUTION_STATUSES);

export const recentRunResponse = z.object({
  execution_id: z.uuid(),
  status: z.enum(EXECUTION_STATUSES),
  timestamp: time,
  successful_files: z.int(),
  failed_files: z.int(),
});

export const pipelineResponse = z.object({
  id: z.uuid(),
  pipeline_name: z.string(),
  pipeline_type: z.enum(PIPELINE_TYPES),
  description: z.string(),
  active: z.boolean().describe("False while paused: no scheduled or manual runs start."),
  scheduled: z.boolean().describe("True when cron_string is set."),
  cron_string: z.string().nullable(),
  timezone: z.string().describe("The IANA timezone the cron string is read in."),
  run_count: z.int(),
  last_run_time: optionalTime,
  last_run_status: z.enum(RUN_STATUSES),
  next_run_time: optionalTime.describe("Null without a cron string or while inactive."),
  storage_status: z.enum(STORAGE_STATUSES),
  created_by: z.uuid(),
  created_by_email: z.string(),
  modified_by: z.uuid().nullable(),
  modified_by_email: z.string().nullable(),
  shared_users: z.array(z.uuid()),
  shared_to_org: z.boolean(),
  created_at: time,
  modified_at: time,
  api_endpoint: z.string().describe("The public trigger's path: deployment/pipeline/api/{org_id}/{id}/."),
  last_5_run_statuses: z.array(recentRunResponse).describe("The last five runs, oldest first."),
  paused_by: z.string().nullable().describe('Our addition: while paused, who paused it (an email, or "system"); null while active.'),
  paused_at: optionalTime.describe("Our addition: while paused, when."),
  pause_reason: z.string().nullable().describe("Our addition: while paused, the reason given, if any."),
  resume_at: optionalTime.describe("Our addition: while paused, when the scheduler resumes it by itself; null for until someone does."),
  decommission: z
    .object({ id: z.uuid(), state: z.enum(DECOMMISSION_STATES) })
    .nullable()
    .describe("Our addition: the decommission (server-side delete) under way, if one is."),
});

const connectionRef = z.object({ id: z.string(), name: z.string() });

export const jobResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  position: z.int().describe("Run order, from 0."),
  source: connectionRef.nullable().describe("The connection it reads, by id and name."),
  destination: connectionRef.nullable().describe("The connection it writes to, if any."),
  config: z.record(z.string(), z.unknown()),
  state: z
    .object({
      cursor: z.string().nullable().describe("The incremental cursor the next run starts after."),
      last_rows: z.int().nullable().describe("Records the last run of this job stored; null when not known."),
      updated_at: time,
    })
    .nullable()
    .describe("Null until a run has finished this job."),
});

/** One pipeline read alone (retrieve, and the answer to an update): our addition, its jobs. Not in the list, to keep it fast. */
export const pipelineDetailResponse = pipelineResponse.extend({
  jobs: z.array(jobResponse).describe("Our addition: the pipeline's jobs in run order, with their connections and state."),
});

export const keyResponse = z.object({
  id: z.uuid(),
  api_key: z
    .uuid()
    .nullable()
    .describe("The key itself, only in the answer that created it; null in every later read (keys are stored hashed)."),
  api_key_prefix: z.string().describe("The key's first characters, to recognise it."),
  api: z.null(),
  pipeline: z.uuid(),
  description: z.string(),
  is_active: z.boolean(),
  last_used_at: optionalTime,
  created_by: z
    .uuid()
    .nullable()
    .describe(
      "Sluice's own field: the user who made the key (for the key made with a pipeline, that pipeline's creator); null once that user is deleted. The key's creator, the pipeline's owner and org admins may switch or delete it.",
    ),
  created_by_email: z.string().nullable().describe("Sluice's own field: the email of `created_by`; null once that user is deleted."),
  created_at: time,
  modified_at: time,
});

/** Creation answers with the pipeline (with its jobs, as a retrieve) and the API key made with it, shown this once. */
export const createdPipelineResponse = pipelineDetailResponse.extend({ api_key: keyResponse });

export const sharingResponse = z.object({
  id: z.uuid(),
  pipeline_name: z.string(),
  shared_users: z.array(z.object({ id: z.uuid(), username: z.string(), name: z.string() })),
  shared_to_org: z.boolean(),
  created_by: z.uuid(),
  created_by_email: z.string(),
});

/** Who started a run (ours): the schedule, a signed-in user, or a pipeline API key. */
export const triggeredByResponse = z
  .discriminatedUnion("kind", [
    z.object({ kind: z.literal("schedule") }),
    z.object({ kind: z.literal("user"), email: z.string().nullable().describe("The user's email when the run started; null if unknown.") }),
    z.object({
      kind: z.literal("api_key"),
      description: z.string().nullable().describe("The key's description when the run started (kept after the key is deleted); null for runs from before this was recorded."),
    }),
  ])
  .describe("Who started the run (Sluice's addition).");

export const executionResponse = z.object({
  id: z.uuid(),
  pipeline_id: z.uuid(),
  execution_method: z.enum(EXECUTION_METHODS),
  triggered_by: triggeredByResponse,
  status: executionStatus,
  total_files: z.int(),
  successful_files: z.int(),
  failed_files: z.int(),
  error_message: z.string().nullable(),
  attempts: z.int(),
  execution_time: z.number().nullable().describe("Seconds, once the run has ended."),
  started_at: optionalTime,
  finished_at: optionalTime,
  created_at: time,
  modified_at: time,
});

/** The envelope of every paginated list of §1. */
export const pageEnvelope = z.object({
  count: z.int().describe("Items matching the filters, on every page."),
  next: link.describe("The next page's URL with the same filters, or null."),
  previous: link.describe("The previous page's URL with the same filters, or null."),
  next_cursor: z
    .string()
    .nullable()
    .describe("Opaque keyset cursor of the next page: pass it as `cursor` to page without offsets."),
  previous_cursor: z.string().nullable().describe("Opaque keyset cursor of the previous page, when paging by cursor."),
});
export type Paginated<T> = z.infer<typeof pageEnvelope> & { results: T[] };

export const pipelineListResponse = pageEnvelope.extend({ results: z.array(pipelineResponse) });
export const executionListResponse = pageEnvelope.extend({ results: z.array(executionResponse) });
export const keyListResponse = z.array(keyResponse);

export const executeResponse = z.object({
  pipeline: pipelineResponse.nullable(),
  execution: z.object({
    workflow_id: z.uuid().describe("The pipeline's id."),
    execution_id: z.uuid(),
    execution_status: executionStatus,
    log_id: z.uuid(),
    error: z.string().nullable(),
    result: z.null(),
  }),
});

export const triggerResponse = z.object({
  message: z.string().describe('"Triggered Pipeline(<id>) (name: <name>)".'),
  execution_id: z.uuid(),
});

export const postmanCollectionResponse = z.object({
  info: z.object({ name: z.string(), schema: z.url(), description: z.string() }),
  item: z.array(
    z.object({
      name: z.string(),
      request: z.object({
        method: z.string(),
        header: z.array(z.object({ key: z.string(), value: z.string(), type: z.string() })),
        body: z.object({ mode: z.literal("formdata"), formdata: z.array(z.unknown()) }),
        url: z.url(),
      }),
    }),
  ),
});

export const v1ErrorResponse = z.object({
  type: z.enum(["validation_error", "client_error", "server_error"]),
  errors: z.array(
    z.object({
      code: z.string(),
      detail: z.string(),
      attr: z.string().nullable().describe("The request field at fault, or null."),
    }),
  ),
});

export type PipelineDetailResponse = z.infer<typeof pipelineDetailResponse>;
export type PipelineResponse = z.infer<typeof pipelineResponse>;
export type SharingResponse = z.infer<typeof sharingResponse>;
export type ExecutionResponse = z.infer<typeof executionResponse>;
export type KeyResponse = z.infer<typeof keyResponse>;
