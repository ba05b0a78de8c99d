// Response bodies of §3 (storage): the pipeline with its storage status and clearing progress,
// and the {message, error_code, details} error. The formatters in ./format.ts return these types.
import { RUN_STATUSES, STORAGE_STATUSES } from "@/lib/vocabulary";
import { optionalTime, time } from "../common-schemas";
import { z } from "../messages";

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
  last_run_status: z.enum(RUN_STATUSES),
  last_run_time: optionalTime,
  storage_status: z.enum(STORAGE_STATUSES),
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
