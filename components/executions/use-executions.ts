// Executions: one pipeline's (§1 `pipeline/{id}/executions/`, owner or admin) or the org's
// (`/api/v1/orgs/{org}/executions`, every run the user may see), read into one shape.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPost, orgPath, pipelinesPath } from "@/components/api-client";
import { usePollWhenOffline } from "@/components/live/live-events";
import { cursorOf } from "@/components/pipelines/use-pipelines";
import type { Execution, ExecutionList, OrgExecution, OrgExecutionList } from "@/components/pipelines/types";
import { queryKeys } from "@/components/query-keys";

export const EXECUTIONS_PAGE_SIZE = 25;

export interface ExecutionFilters {
  /** One status, or "" for all. */
  status: string;
  /** schedule | user | api_key, or "" for all (the org list only). */
  trigger: string;
  /** One pipeline's id, or "" for all (the org list only). */
  pipelineId: string;
  /** YYYY-MM-DD, inclusive; "" for no bound. */
  startDate: string;
  endDate: string;
}

export interface ExecutionRow extends Execution {
  pipeline_name?: string;
}

export interface ExecutionPage {
  rows: ExecutionRow[];
  next: string | null;
  previous: string | null;
}

function query(entries: Record<string, string | number>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(entries)) if (value !== "") params.set(name, String(value));
  return params.toString();
}

async function pipelineExecutions(org: string, pipelineId: string, filters: ExecutionFilters, cursor: string): Promise<ExecutionPage> {
  const search = query({ page_size: EXECUTIONS_PAGE_SIZE, status: filters.status, start_date: filters.startDate, end_date: filters.endDate, cursor });
  const page = await apiGet<ExecutionList>(`${pipelinesPath(org, "pipeline", pipelineId, "executions")}?${search}`);
  // The first page has no cursor: its "previous" is none, and the next one is next_cursor.
  return { rows: page.results, next: page.next_cursor, previous: cursorOf(page.previous) };
}

async function orgExecutions(org: string, filters: ExecutionFilters, cursor: string): Promise<ExecutionPage> {
  const search = query({
    limit: EXECUTIONS_PAGE_SIZE,
    status: filters.status,
    triggered_by: filters.trigger,
    pipeline_id: filters.pipelineId,
    start_date: filters.startDate,
    end_date: filters.endDate,
    cursor,
  });
  const page = await apiGet<OrgExecutionList>(`${orgPath(org, "executions")}?${search}`);
  return { rows: page.results, next: page.next_cursor, previous: page.previous_cursor };
}

export function useExecutionPage(org: string, pipelineId: string | undefined, filters: ExecutionFilters, cursor: string, enabled = true) {
  const params = { ...filters, cursor };
  return useQuery({
    queryKey: pipelineId ? queryKeys.pipelineExecutions(org, pipelineId, params) : queryKeys.executionList(org, params),
    queryFn: () => (pipelineId ? pipelineExecutions(org, pipelineId, filters, cursor) : orgExecutions(org, filters, cursor)),
    placeholderData: keepPreviousData,
    refetchInterval: usePollWhenOffline(),
    enabled,
  });
}

/** GET /api/v1/orgs/{org}/executions: the rows of one answer, filtered as asked. */
async function orgExecutionRows(org: string, filters: Record<string, string | number>): Promise<OrgExecution[]> {
  return (await apiGet<OrgExecutionList>(`${orgPath(org, "executions")}?${query(filters)}`)).results;
}

/** The last ≤50 runs of a pipeline, for its chart: the org route, open to everyone who sees it. */
export function useRecentRuns(org: string, pipelineId: string) {
  return useQuery({
    queryKey: queryKeys.pipelineExecutions(org, pipelineId, { recent: 50 }),
    queryFn: () => orgExecutionRows(org, { pipeline_id: pipelineId, limit: 50 }),
    refetchInterval: usePollWhenOffline(),
  });
}

export const RUNNING = "PENDING,EXECUTING";

/** The pipeline's pending and executing runs (at most 200, the route's page limit). */
export function useRunningExecutions(org: string, pipelineId: string, options: { enabled?: boolean } = {}) {
  const params = { pipeline_id: pipelineId, status: RUNNING, limit: 200 };
  return useQuery({
    queryKey: queryKeys.executionList(org, params),
    queryFn: () => orgExecutionRows(org, params),
    enabled: options.enabled ?? true,
    refetchInterval: usePollWhenOffline(2000),
  });
}

export interface StopRequest {
  id: string;
  pipeline_id: string;
  /** Why; kept in the audit log. */
  reason?: string;
}

/**
 * POST …/executions/{id}/stop, from the executions table and the delete wizard alike: a pending
 * run stops at once, an executing one at its next batch.
 */
export function useStopExecution(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, reason }: StopRequest) => apiPost<OrgExecution>(orgPath(org, "executions", id, "stop"), reason ? { reason } : {}),
    onSettled: (_data, _error, execution) => {
      void client.invalidateQueries({ queryKey: queryKeys.executions(org) });
      void client.invalidateQueries({ queryKey: queryKeys.pipeline(org, execution.pipeline_id) });
      void client.invalidateQueries({ queryKey: queryKeys.execution(org, execution.id) });
    },
  });
}
