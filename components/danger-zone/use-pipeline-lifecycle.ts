// The pipeline's lifecycle reads and operations, one hook each: its §1 body, the runs that are
// pending or executing, and stopping one. (Pause and resume: components/pipelines/use-pause.ts.) Live events keep the reads fresh.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiGet, apiPost, orgPath, pipelinesPath } from "@/components/api-client";
import { usePollWhenOffline } from "@/components/live/live-events";
import { retryUnlessMissing } from "@/components/wizard/use-deletion-impact";
import { queryKeys } from "@/components/query-keys";
import type { orgExecutionListResponse, orgExecutionResponse } from "@/lib/api/console/responses-org";
import type { PipelineResponse } from "@/lib/api/unstract/responses";

export type OrgExecution = z.infer<typeof orgExecutionResponse>;
type OrgExecutionList = z.infer<typeof orgExecutionListResponse>;

export function usePipeline(org: string, id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.pipeline(org, id),
    queryFn: () => apiGet<PipelineResponse>(pipelinesPath(org, "pipeline", id)),
    enabled: options.enabled ?? true,
    retry: retryUnlessMissing,
  });
}

export const RUNNING = "PENDING,EXECUTING";

/** The pipeline's pending and executing runs (at most 200, the route's page limit). */
export function useRunningExecutions(org: string, pipelineId: string, options: { enabled?: boolean } = {}) {
  const params = { pipeline_id: pipelineId, status: RUNNING, limit: 200 };
  return useQuery({
    queryKey: queryKeys.executionList(org, params),
    queryFn: async () => {
      const query = new URLSearchParams({ pipeline_id: pipelineId, status: RUNNING, limit: "200" });
      return (await apiGet<OrgExecutionList>(`${orgPath(org, "executions")}?${query}`)).results;
    },
    enabled: options.enabled ?? true,
    refetchInterval: usePollWhenOffline(2000),
  });
}

/** POST …/executions/{id}/stop: a pending run stops at once, an executing one at its next batch. */
export function useStopExecution(org: string, pipelineId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { executionId: string; reason?: string }) =>
      apiPost<OrgExecution>(orgPath(org, "executions", input.executionId, "stop"), input.reason ? { reason: input.reason } : {}),
    onSettled: () =>
      Promise.all([
        client.invalidateQueries({ queryKey: queryKeys.executions(org) }),
        client.invalidateQueries({ queryKey: queryKeys.pipeline(org, pipelineId) }),
      ]),
  });
}
