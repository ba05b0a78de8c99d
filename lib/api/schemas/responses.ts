// Response bodies of the /api/v1 and §1 routes. The formatters in lib/api/unstract/format.ts
// return these types, so a body and its documentation cannot drift apart without a type error.
import {
  decommissionStateEnum,
  executionMethodEnum,
  executionStatusEnum,
  pipelineTypeEnum,
  resourceKindEnum,
  roleEnum,
  runStatusEnum,
  storageStatusEnum,
  wrapperStatusEnum,
} from "@/db/schema";
import { DECOMMISSION_STEP_STATUSES, DECOMMISSION_STEPS, RESOURCE_KINDS } from "@/lib/vocabulary";
import { z } from "./messages";

const time = z.iso.datetime({ offset: true });
const optionalTime = time.nullable();
const link = z.url().nullable();

export const executionStatus = z.enum(executionStatusEnum.enumValues);

export const recentRunResponse = z.object({
  execution_id: z.uuid(),
  status: z.enum(executionStatusEnum.enumValues),
  timestamp: time,
  successful_files: z.int(),
  failed_files: z.int(),
});

export const pipelineResponse = z.object({
  id: z.uuid(),
  pipeline_name: z.string(),
  pipeline_type: z.enum(pipelineTypeEnum.enumValues),
  description: z.string(),
  active: z.boolean().describe("False while paused: no scheduled or manual runs start."),
  scheduled: z.boolean().describe("True when cron_string is set."),
  cron_string: z.string().nullable(),
  timezone: z.string().describe("The IANA timezone the cron string is read in."),
  run_count: z.int(),
  last_run_time: optionalTime,
  last_run_status: z.enum(runStatusEnum.enumValues),
  next_run_time: optionalTime.describe("Null without a cron string or while inactive."),
  storage_status: z.enum(storageStatusEnum.enumValues),
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
    .object({ id: z.uuid(), state: z.enum(decommissionStateEnum.enumValues) })
    .nullable()
    .describe("Our addition: the decommission (server-side delete) under way, if one is."),
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

/** Creation answers with the pipeline and the API key made with it, shown this once. */
export const createdPipelineResponse = pipelineResponse.extend({ api_key: keyResponse });

export const sharingResponse = z.object({
  id: z.uuid(),
  pipeline_name: z.string(),
  shared_users: z.array(z.object({ id: z.uuid(), username: z.string(), name: z.string() })),
  shared_to_org: z.boolean(),
  created_by: z.uuid(),
  created_by_email: z.string(),
});

export const executionResponse = z.object({
  id: z.uuid(),
  pipeline_id: z.uuid(),
  execution_method: z.enum(executionMethodEnum.enumValues),
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
        url: z.object({ raw: z.url() }),
      }),
    }),
  ),
  variable: z.array(z.object({ key: z.string(), value: z.string(), description: z.string() })),
});

// ---------------------------------------------------------------- people and tokens

const role = z.enum(roleEnum.enumValues);

export const tokenResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  prefix: z.string().describe("The token's first characters, to recognise it."),
  created_at: time,
  last_used_at: optionalTime,
  expires_at: optionalTime,
});
export const issuedTokenResponse = tokenResponse.extend({
  token: z.string().describe("The token itself, shown in this answer only (tokens are stored hashed)."),
});
export const signInTokenResponse = issuedTokenResponse.extend({ org: z.string().describe("The org the token acts in.") });
export const tokenListResponse = z.object({ results: z.array(tokenResponse) });

export const memberResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  role,
  joined_at: time,
});
export const memberListResponse = z.object({ results: z.array(memberResponse) });

export const meResponse = z.object({
  id: z.uuid(),
  email: z.string(),
  name: z.string(),
  org: z.string().describe("The current org's id (slug)."),
  role,
  orgs: z.array(z.object({ id: z.string(), name: z.string(), role })),
});

export const healthResponse = z.object({
  status: z.enum(["ok", "unavailable"]),
  db: z.enum(["postgres", "pglite"]),
  version: z.string(),
  detail: z.string().optional(),
});

// ---------------------------------------------------------------- errors

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

export type PipelineResponse = z.infer<typeof pipelineResponse>;
export type SharingResponse = z.infer<typeof sharingResponse>;
export type ExecutionResponse = z.infer<typeof executionResponse>;
export type KeyResponse = z.infer<typeof keyResponse>;

// ---------------------------------------------------------------- Maestro (§2)

/** A pipeline id as Maestro writes it in answers: the uuid with "_" for "-". */
const maestroId = z.string().describe('The uuid written with "_" for "-".');
const maestroStatus = z.enum(["active", "paused", "error"]).describe('"error": active, and its last run failed.');

export const maestroJobResponse = z.object({
  id: z.uuid(),
  job_id: z.string().describe("{pipeline id with _}_{position}."),
  job_name: z.string(),
  source: z.string().nullable().describe("The source resource's id."),
  destination: z.string().nullable().describe("The destination resource's id."),
  config: z.record(z.string(), z.unknown()),
});

export const maestroPipelineResponse = z.object({
  id: maestroId,
  name: z.string(),
  description: z.string(),
  cron: z.string().nullable(),
  customer_id: z.string().describe("The org's id."),
  status: maestroStatus,
  created_at: time,
  updated_at: time,
  jobs: z.array(maestroJobResponse),
});

export const maestroPipelineAnswer = z.object({ status: z.literal(true), data: maestroPipelineResponse });

export const maestroPipelineListItem = z.object({
  pipeline_id: maestroId,
  customer_id: z.string(),
  user_id: z.string().describe("The owner's email."),
  name: z.string(),
  description: z.string(),
  cron: z.string().nullable(),
  status: maestroStatus,
  last_status: z.enum(runStatusEnum.enumValues),
  created_at: time,
  updated_at: time,
  jobs: z.array(maestroJobResponse),
});
export const maestroPipelineListResponse = z.array(maestroPipelineListItem);

export const maestroActionAnswer = z.object({
  status: z.literal(true),
  data: z.object({ message: z.string(), pipeline_id: z.string().describe("As the request wrote it.") }),
});

export const maestroExecuteAnswer = z.object({
  status: z.literal(true),
  data: z.object({ message: z.string(), pipeline_id: z.string().describe("As the request wrote it."), run_id: z.uuid() }),
});

export const maestroDeletedAnswer = z.object({
  pipeline_id: z.string().describe("As the request wrote it."),
  status: z.literal("PIPELINE_DELETED"),
});

export const maestroRunResponse = z.object({
  pipeline_run_id: z.string().describe("As the request wrote it."),
  pipeline_id: z.string().describe("As the request wrote it."),
  last_status: z.enum(["QUEUED", "RUNNING", "SUCCESS", "FAILED", "STOPPED"]),
  created_at: time,
  updated_at: time,
  trace: z.string().nullable().describe("The error of a failed run."),
  started_at: optionalTime,
  finished_at: optionalTime,
  execution_method: z.enum(executionMethodEnum.enumValues),
  total_files: z.int(),
  successful_files: z.int(),
  failed_files: z.int(),
  attempts: z.int(),
  execution_time: z.number().nullable(),
});

export const maestroUnauthorizedResponse = z.object({ msg: z.literal("Unauthorized") });
export const maestroDetailResponse = z.object({ detail: z.string() });
export const maestroRefusalResponse = z.object({
  status: z.literal(false),
  error: z.string().describe("The rule refused: ValidationError, PipelineAlreadyPaused, PipelineNotPaused, PipelinePaused, …"),
  detail: z.string(),
});

// ---------------------------------------------------------------- storage (§3)

export const storageProgressResponse = z.object({
  done_rows: z.int(),
  total_rows: z.int(),
  done_bytes: z.int(),
  total_bytes: z.int(),
  percent: z.number().describe("0–100, one decimal."),
  started_at: time,
  finished_at: optionalTime.describe("Null while clearing."),
});

export const storagePipelineResponse = z.object({
  id: z.uuid(),
  name: z.string(),
  description: z.string(),
  created_at: time,
  modified_at: time,
  active: z.boolean(),
  run_count: z.int(),
  last_run_status: z.enum(runStatusEnum.enumValues),
  last_run_time: optionalTime,
  storage_status: z.enum(storageStatusEnum.enumValues),
  storage_status_details: storageProgressResponse
    .nullable()
    .describe("The current clear's progress, or the last one's; null if the storage was never cleared."),
});

export const clearAcceptedResponse = z.object({ message: z.string() });

export const storageErrorResponse = z.object({
  message: z.string(),
  error_code: z.string().describe("The rule: UnknownPipelineName, StorageStatusImmutableUnlessStopped, InvalidStorageStatusTransition, Unauthorized, …"),
  details: z.record(z.string(), z.unknown()).describe("Determined by error_code, e.g. {pipeline_name} or the current state."),
});

// ---------------------------------------------------------------- resources (§4)

export const wrapperResponse = z.object({
  id: z.string(),
  status: z.enum(wrapperStatusEnum.enumValues),
  pid: z.int().nullable().describe("The connector process's id while it runs."),
  started_at: optionalTime,
  stopped_at: optionalTime,
  heartbeat_at: optionalTime,
});

export const resourceResponse = z.object({
  id: z.string().describe("A 24-hex ObjectId."),
  name: z.string(),
  kind: z.enum(resourceKindEnum.enumValues),
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

// ---------------------------------------------------------------- the console's org routes

const cursorPage = {
  next_cursor: z.string().nullable().describe("Pass as `cursor` for the next (older) page; null on the last."),
  previous_cursor: z.string().nullable().describe("Pass as `cursor` for the previous (newer) page; null on the first."),
};

export const orgExecutionResponse = executionResponse.extend({ pipeline_name: z.string() });
export const orgExecutionListResponse = z.object({ results: z.array(orgExecutionResponse), ...cursorPage });

export const executionLogsResponse = z.object({
  execution_id: z.uuid(),
  status: executionStatus,
  lines: z.array(
    z.object({
      id: z.int().describe("Pass the last one as `after` to get only newer lines."),
      at: time,
      level: z.string(),
      message: z.string(),
    }),
  ),
});

export const auditEventResponse = z.object({
  id: z.int(),
  at: time,
  actor: z.string().describe('An email, "pipeline key …" or "system".'),
  actor_user_id: z.uuid().nullable(),
  action: z.string().describe("e.g. pipeline.create, pipeline.delete, key.update, member.add."),
  object_type: z.string(),
  object_id: z.string(),
  object_name: z.string().nullable(),
  reason: z.string().nullable(),
  details: z.record(z.string(), z.unknown()).nullable(),
});
export const auditListResponse = z.object({ results: z.array(auditEventResponse), ...cursorPage });

export const deletionImpactResponse = z.object({
  pipeline: z.object({ id: z.uuid(), name: z.string(), active: z.boolean(), storage_status: z.enum(storageStatusEnum.enumValues) }),
  running_executions: z.int(),
  removed: z.object({
    jobs: z.int(),
    job_states: z.int(),
    executions: z.int(),
    execution_logs: z.int(),
    schedule: z.boolean(),
    keys: z.int(),
    shares: z.int(),
    storage_records: z.int(),
    storage_bytes: z.int(),
    storage_files: z.int(),
    storage_file_bytes: z.int(),
  }),
  kept: z.object({
    resources: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(resourceKindEnum.enumValues), connector: z.string() })),
    destination_tables: z.array(z.string()),
  }),
});

// ---------------------------------------------------------------- decommissions and configuration

export const decommissionStepResponse = z.object({
  step: z.enum(DECOMMISSION_STEPS),
  status: z.enum(DECOMMISSION_STEP_STATUSES),
  started_at: optionalTime,
  finished_at: optionalTime,
  detail: z.string().nullable().describe("What the step did, or what it waits for."),
});

export const decommissionResponse = z.object({
  id: z.uuid(),
  pipeline_id: z.uuid(),
  pipeline_name: z.string(),
  state: z.enum(decommissionStateEnum.enumValues).describe("pausing → stopping → clearing → deleting → done; or cancelled, or failed."),
  steps: z.array(decommissionStepResponse),
  progress: z.object({ done_rows: z.int(), total_rows: z.int() }).describe("Storage rows cleared of those to clear."),
  reason: z.string().nullable(),
  started_by: z.string().describe("The email of who started it."),
  started_at: time,
  finished_at: optionalTime,
  error: z.string().nullable().describe("Why the last try of a step failed (it is tried again), or why the plan failed."),
  batch_id: z.uuid().nullable().describe("Set when several pipelines were decommissioned by one request."),
});

export const bulkDecommissionResponse = z.object({
  batch_id: z.uuid(),
  results: z.array(
    z.discriminatedUnion("status", [
      z.object({ id: z.uuid(), status: z.literal("accepted"), decommission: decommissionResponse }),
      z.object({ id: z.uuid(), status: z.literal("refused"), code: z.string().describe("not_found or forbidden."), detail: z.string() }),
    ]),
  ),
});

const connectionRefResponse = z.object({ id: z.string(), name: z.string(), connector: z.string() });

export const pipelineConfigResponse = z.object({
  format: z.literal("sluice.pipeline/1"),
  exported_at: time,
  pipeline_name: z.string(),
  pipeline_type: z.enum(pipelineTypeEnum.enumValues),
  description: z.string(),
  cron_string: z.string().nullable(),
  timezone: z.string(),
  jobs: z.array(z.object({ name: z.string(), source: connectionRefResponse, destination: connectionRefResponse.nullable(), config: z.record(z.string(), z.unknown()) })),
  sharing: z.object({ shared_to_org: z.boolean(), shared_users: z.array(z.string()).describe("Emails.") }),
});

export const importedPipelineResponse = z.object({
  pipeline: pipelineResponse,
  skipped_shares: z.array(z.string()).describe("Emails of the configuration's sharing list that are not members of this org: left out."),
});

export const resourceUsageResponse = z.object({
  resource_id: z.string().describe("The connection's id, a 24-hex ObjectId in lower case."),
  pipelines: z
    .array(
      z.object({
        id: z.uuid(),
        pipeline_name: z.string(),
        jobs: z.array(z.object({ name: z.string(), role: z.enum(RESOURCE_KINDS).describe("Whether the job reads from it or writes to it.") })),
      }),
    )
    .describe("The pipelines the caller may see whose jobs use the connection, by name."),
  hidden_pipelines: z.int().describe("Pipelines using it that the caller may not see (always 0 for an admin)."),
});
