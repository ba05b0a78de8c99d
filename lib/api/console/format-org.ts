// The bodies of the org-level routes the console reads (runs across pipelines, logs, the audit
// log, deletion impact, connection usage), from domain objects, typed by their response schemas.
import type { z } from "zod";
import type { listAuditEvents } from "@/lib/domain/audit-log";
import type { deletionImpact } from "@/lib/domain/deletion-impact";
import type { ExecutionWithPipeline, executionLogLines } from "@/lib/domain/execution-history";
import type { ResourceUsage } from "@/lib/domain/resource-usage";
import { executionBody } from "../unstract/format";
import type {
  auditListResponse,
  deletionImpactResponse,
  executionLogsResponse,
  orgExecutionListResponse,
  orgExecutionResponse,
  resourceUsageResponse,
} from "./responses-org";

type AuditPage = Awaited<ReturnType<typeof listAuditEvents>>;
type LogLines = Awaited<ReturnType<typeof executionLogLines>>;
type DeletionImpact = Awaited<ReturnType<typeof deletionImpact>>;
interface CursorPage<T> {
  results: T[];
  next: string | null;
  previous: string | null;
}

export function orgExecutionBody(e: ExecutionWithPipeline): z.infer<typeof orgExecutionResponse> {
  return { ...executionBody(e), pipeline_name: e.pipelineName };
}

export function orgExecutionListBody(page: CursorPage<ExecutionWithPipeline>): z.infer<typeof orgExecutionListResponse> {
  return { results: page.results.map(orgExecutionBody), next_cursor: page.next, previous_cursor: page.previous };
}

export function executionLogsBody({ execution, lines }: LogLines): z.infer<typeof executionLogsResponse> {
  return {
    execution_id: execution.id,
    status: execution.status,
    lines: lines.map((l) => ({ id: l.id, at: l.at.toISOString(), level: l.level, message: l.message })),
  };
}

export function auditListBody(page: AuditPage): z.infer<typeof auditListResponse> {
  return {
    results: page.results.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorLabel,
      actor_user_id: e.actorUserId,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId,
      object_name: e.objectName,
      reason: e.reason,
      details: e.details,
    })),
    next_cursor: page.next,
    previous_cursor: page.previous,
  };
}

export function deletionImpactBody(impact: DeletionImpact): z.infer<typeof deletionImpactResponse> {
  return {
    pipeline: { id: impact.pipeline.id, name: impact.pipeline.name, active: impact.pipeline.active, storage_status: impact.pipeline.storageStatus },
    running_executions: impact.runningExecutions,
    removed: {
      jobs: impact.removed.jobs,
      job_states: impact.removed.jobStates,
      executions: impact.removed.executions,
      execution_logs: impact.removed.executionLogs,
      schedule: impact.removed.schedule,
      keys: impact.removed.keys,
      shares: impact.removed.shares,
      storage_records: impact.removed.storageRecords,
      storage_bytes: impact.removed.storageBytes,
      storage_files: impact.removed.storageFiles,
      storage_file_bytes: impact.removed.storageFileBytes,
    },
    kept: { resources: impact.kept.resources, destination_tables: impact.kept.destinationTables },
  };
}

export function resourceUsageBody(usage: ResourceUsage): z.infer<typeof resourceUsageResponse> {
  return {
    resource_id: usage.resourceId,
    pipelines: usage.pipelines.map((p) => ({ id: p.id, pipeline_name: p.name, jobs: p.jobs })),
    hidden_pipelines: usage.hiddenPipelines,
  };
}
