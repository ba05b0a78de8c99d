// Response bodies of the org-level routes the console reads besides §1: runs across pipelines,
// their logs, the audit log, what a delete would remove, and which pipelines use a connection.
import { RESOURCE_KINDS, STORAGE_STATUSES } from "@/lib/vocabulary";
import { time } from "../common-schemas";
import { z } from "../messages";
import { executionResponse, executionStatus } from "../unstract/responses";

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
  pipeline: z.object({ id: z.uuid(), name: z.string(), active: z.boolean(), storage_status: z.enum(STORAGE_STATUSES) }),
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
    resources: z.array(z.object({ id: z.string(), name: z.string(), kind: z.enum(RESOURCE_KINDS), connector: z.string() })),
    destination_tables: z.array(z.string()),
  }),
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
