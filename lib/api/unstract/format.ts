// The bodies of §1, from domain objects, typed by the response schemas they are documented with.
import type { z } from "zod";
import type { Execution } from "@/lib/domain/executions";
import type { KeyWithCreator } from "@/lib/domain/keys";
import type { JobView, Pipeline, PipelineDetails } from "@/lib/domain/pipelines";
import { publicUrl } from "@/lib/api/public-origin";
import type {
  createdPipelineResponse,
  executeResponse,
  ExecutionResponse,
  KeyResponse,
  Paginated,
  PipelineDetailResponse,
  PipelineResponse,
  SharingResponse,
  triggerResponse,
} from "./responses";

const time = (d: Date | null) => (d ? d.toISOString() : null);

export const apiEndpoint = (orgId: string, pipelineId: string) => `deployment/pipeline/api/${orgId}/${pipelineId}/`;

export function pipelineBody(p: PipelineDetails): PipelineResponse {
  return {
    id: p.id,
    pipeline_name: p.name,
    pipeline_type: p.type,
    description: p.description,
    active: p.active,
    scheduled: p.cronString !== null,
    cron_string: p.cronString,
    timezone: p.timezone,
    run_count: p.runCount,
    last_run_time: time(p.lastRunTime),
    last_run_status: p.lastRunStatus,
    next_run_time: time(p.nextRunTime),
    storage_status: p.storageStatus,
    created_by: p.ownerId,
    created_by_email: p.ownerEmail,
    modified_by: p.modifiedBy,
    modified_by_email: p.modifiedByEmail,
    shared_users: p.sharedUsers.map((u) => u.id),
    shared_to_org: p.sharedToOrg,
    created_at: p.createdAt.toISOString(),
    modified_at: p.modifiedAt.toISOString(),
    api_endpoint: apiEndpoint(p.orgId, p.id),
    last_5_run_statuses: p.recentRuns.map((r) => ({
      execution_id: r.executionId,
      status: r.status,
      timestamp: r.timestamp.toISOString(),
      successful_files: r.successfulFiles,
      failed_files: r.failedFiles,
    })),
    paused_by: p.active ? null : p.pausedByLabel,
    paused_at: p.active ? null : time(p.pausedAt),
    pause_reason: p.active ? null : p.pauseReason,
    resume_at: p.active ? null : time(p.resumeAt),
    decommission: p.decommission,
  };
}

/** A pipeline read alone: the list's body plus its jobs. */
export function pipelineDetailBody(p: PipelineDetails, jobs: JobView[]): PipelineDetailResponse {
  return {
    ...pipelineBody(p),
    jobs: jobs.map((j) => ({
      id: j.id,
      name: j.name,
      position: j.position,
      source: j.source,
      destination: j.destination,
      config: j.config,
      state: j.state && { cursor: j.state.cursor, last_rows: j.state.lastRows, updated_at: j.state.updatedAt.toISOString() },
    })),
  };
}

export function sharingBody(p: PipelineDetails): SharingResponse {
  return {
    id: p.id,
    pipeline_name: p.name,
    shared_users: p.sharedUsers.map((u) => ({ id: u.id, username: u.email, name: u.name })),
    shared_to_org: p.sharedToOrg,
    created_by: p.ownerId,
    created_by_email: p.ownerEmail,
  };
}

/** Who started a run, from the kind and the snapshot kept on it. */
export function triggeredByBody(e: Pick<Execution, "triggerKind" | "triggerLabel">): ExecutionResponse["triggered_by"] {
  if (e.triggerKind === "schedule") return { kind: "schedule" };
  if (e.triggerKind === "user") return { kind: "user", email: e.triggerLabel };
  return { kind: "api_key", description: e.triggerLabel };
}

export function executionBody(e: Execution): ExecutionResponse {
  return {
    id: e.id,
    pipeline_id: e.pipelineId,
    execution_method: e.method,
    triggered_by: triggeredByBody(e),
    status: e.status,
    total_files: e.totalFiles,
    successful_files: e.successfulFiles,
    failed_files: e.failedFiles,
    error_message: e.errorMessage,
    attempts: e.attempts,
    execution_time: e.executionTime,
    started_at: time(e.startedAt),
    finished_at: time(e.finishedAt),
    created_at: e.createdAt.toISOString(),
    modified_at: e.modifiedAt.toISOString(),
  };
}

/** A key's body. `api_key` holds the key only in the answer that created it; null after. */
export function keyBody(k: KeyWithCreator, plainKey: string | null = null): KeyResponse {
  return {
    id: k.id,
    api_key: plainKey,
    api_key_prefix: k.prefix,
    api: null,
    pipeline: k.pipelineId,
    description: k.description,
    is_active: k.isActive,
    last_used_at: time(k.lastUsedAt),
    created_by: k.createdBy,
    created_by_email: k.createdByEmail,
    created_at: k.createdAt.toISOString(),
    modified_at: k.modifiedAt.toISOString(),
  };
}

/** Creation answers with the pipeline and the API key made with it, shown this once. */
export function createdPipelineBody(p: PipelineDetails, jobs: JobView[], key: KeyWithCreator & { apiKey: string }): z.infer<typeof createdPipelineResponse> {
  return { ...pipelineDetailBody(p, jobs), api_key: keyBody(key, key.apiKey) };
}

/** A run started by POST …/pipeline/execute/, in Unstract's words (the run's id is also its log's). */
export function executeBody(p: PipelineDetails | undefined, e: Execution): z.infer<typeof executeResponse> {
  return {
    pipeline: p ? pipelineBody(p) : null,
    execution: {
      workflow_id: e.pipelineId,
      execution_id: e.id,
      execution_status: e.status,
      log_id: e.id,
      error: e.errorMessage,
      result: null,
    },
  };
}

/** A run started through the public trigger. */
export function triggerBody(p: Pick<Pipeline, "id" | "name">, e: Pick<Execution, "id">): z.infer<typeof triggerResponse> {
  return { message: `Triggered Pipeline(${p.id}) (name: ${p.name})`, execution_id: e.id };
}

interface PageInfo {
  count: number;
  hasNext: boolean;
  hasPrevious: boolean;
  nextCursor: string | null;
  previousCursor: string | null;
}

/**
 * `{count, next, previous, results}` with absolute links that keep the request's filters, on the
 * public origin (the URL Next.js gives the handler says localhost:PORT, even behind a proxy).
 */
export function paginated<T>(req: Request, info: PageInfo, page: number, results: T[]): Paginated<T> {
  const own = new URL(req.url);
  const link = (change: Record<string, string | null>) => {
    const url = publicUrl(req, `${own.pathname}${own.search}`);
    for (const [name, value] of Object.entries(change)) {
      if (value === null) url.searchParams.delete(name);
      else url.searchParams.set(name, value);
    }
    return url.toString();
  };
  const cursorMode = own.searchParams.has("cursor");
  const next = cursorMode
    ? info.nextCursor && link({ cursor: info.nextCursor, page: null })
    : info.hasNext
      ? link({ page: String(page + 1) })
      : null;
  const previous = cursorMode
    ? info.previousCursor && link({ cursor: info.previousCursor, page: null })
    : info.hasPrevious
      ? link({ page: page - 1 === 1 ? null : String(page - 1) })
      : null;
  return {
    count: info.count,
    next: next ?? null,
    previous: previous ?? null,
    // The first cursor, so a client can switch from page numbers to keyset paging.
    next_cursor: info.nextCursor,
    previous_cursor: cursorMode ? info.previousCursor : null,
    results,
  };
}
