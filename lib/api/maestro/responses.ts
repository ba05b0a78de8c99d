// Response bodies of §2 (Maestro): answers wrapped as {status: true, data}, and its three error
// bodies. The formatters in ./format.ts return these types.
import { EXECUTION_METHODS, RUN_STATUSES } from "@/lib/vocabulary";
import { optionalTime, time } from "../common-schemas";
import { z } from "../messages";

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
  last_status: z.enum(RUN_STATUSES),
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
  execution_method: z.enum(EXECUTION_METHODS),
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
