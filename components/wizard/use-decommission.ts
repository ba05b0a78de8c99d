// A pipeline's decommission (the server-side delete): where it stands, starting it with the typed
// name, cancelling it; and starting several at once with the phrase. Live events refresh them.
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiDelete, apiGet, apiPost, ApiError, orgPath } from "@/components/api-client";
import { usePollWhenOffline } from "@/components/live/live-events";
import { queryKeys } from "@/components/query-keys";
import type { bulkDecommissionResponse, decommissionResponse } from "@/lib/api/console/responses-decommission";
import { LIVE_DECOMMISSION_STATES } from "@/lib/vocabulary";

export type Decommission = z.infer<typeof decommissionResponse>;
export type BulkDecommission = z.infer<typeof bulkDecommissionResponse>;

const LIVE = new Set<string>(LIVE_DECOMMISSION_STATES);
export const isUnderWay = (plan: Pick<Decommission, "state"> | null | undefined): boolean => !!plan && LIVE.has(plan.state);

/** The phrase the server asks for to delete `n` pipelines at once. */
export const deletePhrase = (n: number) => `delete ${n} ${n === 1 ? "pipeline" : "pipelines"}`;

async function fetchDecommission(org: string, pipelineId: string): Promise<Decommission | null> {
  try {
    return await apiGet<Decommission>(orgPath(org, "pipelines", pipelineId, "decommission"));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

function decommissionQuery(org: string, pipelineId: string, poll: number | false) {
  return {
    queryKey: queryKeys.decommission(org, pipelineId),
    queryFn: () => fetchDecommission(org, pipelineId),
    // Under way: follow it by reading as well as by events (see the callers for how often).
    refetchInterval: (query: { state: { data: Decommission | null | undefined } }) => (isUnderWay(query.state.data) ? poll : false),
  };
}

/** The pipeline's latest decommission, or null when it never had one. */
export function useDecommission(org: string, pipelineId: string, options: { enabled?: boolean } = {}) {
  const offline = usePollWhenOffline(2000);
  return useQuery({ ...decommissionQuery(org, pipelineId, offline), enabled: options.enabled ?? true });
}

/** The latest decommission of each of several pipelines, in their order (a bulk delete's progress). */
export function useDecommissions(org: string, pipelineIds: readonly string[]) {
  // With the stream up, a slow read too: a row left behind by a missed event would never end.
  const poll = usePollWhenOffline(2000) || 10_000;
  return useQueries({ queries: pipelineIds.map((id) => decommissionQuery(org, id, poll)) });
}

function settle(client: ReturnType<typeof useQueryClient>, org: string, pipelineId: string) {
  void client.invalidateQueries({ queryKey: queryKeys.pipeline(org, pipelineId) });
  void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
  void client.invalidateQueries({ queryKey: queryKeys.audit(org) });
}

export function useStartDecommission(org: string, pipelineId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { confirmName: string; reason: string }) =>
      apiPost<Decommission>(orgPath(org, "pipelines", pipelineId, "decommission"), {
        confirm_name: input.confirmName,
        ...(input.reason ? { reason: input.reason } : {}),
      }),
    onSuccess: (plan) => {
      client.setQueryData(queryKeys.decommission(org, pipelineId), plan);
      settle(client, org, pipelineId);
    },
  });
}

export function useCancelDecommission(org: string, pipelineId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiDelete(orgPath(org, "pipelines", pipelineId, "decommission")),
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.decommission(org, pipelineId) });
      settle(client, org, pipelineId);
    },
  });
}

export function useBulkDecommission(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { ids: string[]; confirm: string; reason: string }) =>
      apiPost<BulkDecommission>(orgPath(org, "pipelines", "decommission"), {
        ids: input.ids,
        confirm: input.confirm,
        ...(input.reason ? { reason: input.reason } : {}),
      }),
    onSuccess: (answer) => {
      for (const result of answer.results) {
        if (result.status !== "accepted") continue;
        const key = queryKeys.decommission(org, result.id);
        client.setQueryData(key, result.decommission);
        // The worker may have moved on, and its events come and gone, before this answer arrived.
        void client.invalidateQueries({ queryKey: key });
      }
      void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
    },
  });
}
