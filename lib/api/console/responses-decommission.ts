// Response bodies of the decommission routes (server-side delete) and of the pipeline
// configuration (export and import).
import { DECOMMISSION_STATES, DECOMMISSION_STEPS, DECOMMISSION_STEP_STATUSES, PIPELINE_TYPES } from "@/lib/vocabulary";
import { optionalTime, time } from "../common-schemas";
import { z } from "../messages";
import { pipelineResponse } from "../unstract/responses";

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
  state: z.enum(DECOMMISSION_STATES).describe("pausing → stopping → clearing → deleting → done; or cancelled, or failed."),
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
  pipeline_type: z.enum(PIPELINE_TYPES),
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
