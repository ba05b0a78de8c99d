// The bodies of §2, from domain objects, typed by the response schemas they are documented with.
// Maestro writes pipeline ids with "_" in what it answers (data.id, job_id); pipeline_id fields
// echo what the client sent.
import type { z } from "zod";
import type { Execution } from "@/lib/domain/executions";
import type { Job, Pipeline, PipelineDetails } from "@/lib/domain/pipelines";
import { underscored } from "./ids";
import type {
  maestroActionAnswer,
  maestroDeletedAnswer,
  maestroExecuteAnswer,
  maestroJobResponse,
  maestroPipelineAnswer,
  maestroPipelineListItem,
  maestroPipelineResponse,
  maestroRunResponse,
} from "./responses";

type MaestroPipeline = z.infer<typeof maestroPipelineResponse>;
type MaestroRun = z.infer<typeof maestroRunResponse>;
export type MaestroStatus = MaestroPipeline["status"];

/** Paused is §1's `active: false`; "error" is an active pipeline whose last run failed. */
export function maestroStatus(p: Pick<Pipeline, "active" | "lastRunStatus">): MaestroStatus {
  if (!p.active) return "paused";
  return p.lastRunStatus === "FAILURE" ? "error" : "active";
}

export function jobBody(pipelineId: string, job: Job): z.infer<typeof maestroJobResponse> {
  return {
    id: job.id,
    job_id: `${underscored(pipelineId)}_${job.position}`,
    job_name: job.name,
    source: job.sourceResourceId,
    destination: job.destinationResourceId,
    config: job.config,
  };
}

export function pipelineData(p: Pipeline, jobs: Job[]): MaestroPipeline {
  return {
    id: underscored(p.id),
    name: p.name,
    description: p.description,
    cron: p.cronString,
    customer_id: p.orgId,
    status: maestroStatus(p),
    created_at: p.createdAt.toISOString(),
    updated_at: p.modifiedAt.toISOString(),
    jobs: jobs.map((job) => jobBody(p.id, job)),
  };
}

/** One entry of GET /platform/pipelines, in the shape Maestro lists pipelines. */
export function pipelineListItem(p: PipelineDetails, jobs: Job[]): z.infer<typeof maestroPipelineListItem> {
  return {
    pipeline_id: underscored(p.id),
    customer_id: p.orgId,
    user_id: p.ownerEmail,
    name: p.name,
    description: p.description,
    cron: p.cronString,
    status: maestroStatus(p),
    last_status: p.lastRunStatus,
    created_at: p.createdAt.toISOString(),
    updated_at: p.modifiedAt.toISOString(),
    jobs: jobs.map((job) => jobBody(p.id, job)),
  };
}

// A run's status in Maestro's words (SUCCESS, FAILED, RUNNING as its documents show them).
const runStatus: Record<Execution["status"], MaestroRun["last_status"]> = {
  PENDING: "QUEUED",
  EXECUTING: "RUNNING",
  COMPLETED: "SUCCESS",
  ERROR: "FAILED",
  STOPPED: "STOPPED",
};

const time = (d: Date | null) => (d ? d.toISOString() : null);

export function runBody(run: Execution, written: { pipelineId: string; runId: string }): MaestroRun {
  return {
    pipeline_run_id: written.runId,
    pipeline_id: written.pipelineId,
    last_status: runStatus[run.status],
    created_at: run.createdAt.toISOString(),
    updated_at: run.modifiedAt.toISOString(),
    trace: run.errorMessage,
    started_at: time(run.startedAt),
    finished_at: time(run.finishedAt),
    execution_method: run.method,
    total_files: run.totalFiles,
    successful_files: run.successfulFiles,
    failed_files: run.failedFiles,
    attempts: run.attempts,
    execution_time: run.executionTime,
  };
}

/** `{status: true, data}`: a pipeline with its jobs (create, retrieve). */
export function pipelineAnswer(p: Pipeline, jobs: Job[]): z.infer<typeof maestroPipelineAnswer> {
  return { status: true, data: pipelineData(p, jobs) };
}

/** A pause or unpause done: `pipeline_id` as the request wrote it. */
export function actionAnswer(message: string, pipelineId: string): z.infer<typeof maestroActionAnswer> {
  return { status: true, data: { message, pipeline_id: pipelineId } };
}

export function executeAnswer(pipelineId: string, runId: string): z.infer<typeof maestroExecuteAnswer> {
  return { status: true, data: { message: "Pipeline execution triggered successfully", pipeline_id: pipelineId, run_id: runId } };
}

export function deletedAnswer(pipelineId: string): z.infer<typeof maestroDeletedAnswer> {
  return { pipeline_id: pipelineId, status: "PIPELINE_DELETED" };
}
