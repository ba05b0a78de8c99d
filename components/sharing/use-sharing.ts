// Who a pipeline is shared with (§1 `pipeline/{id}/users/`), changed by PATCHing the pipeline:
// `shared_users` always as the full new list, `shared_to_org` on its own.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, apiPatch, pipelinesPath } from "@/components/api-client";
import { usePollWhenOffline } from "@/components/live/live-events";
import type { Pipeline, Sharing } from "@/components/pipelines/types";
import { queryKeys } from "@/components/query-keys";

export function useSharing(org: string, pipelineId: string) {
  return useQuery({
    queryKey: queryKeys.sharing(org, pipelineId),
    queryFn: () => apiGet<Sharing>(pipelinesPath(org, "pipeline", pipelineId, "users")),
    refetchInterval: usePollWhenOffline(),
  });
}

export type SharingChange = { shared_users: string[] } | { shared_to_org: boolean };

export function useChangeSharing(org: string, pipelineId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (change: SharingChange) => apiPatch<Pipeline>(pipelinesPath(org, "pipeline", pipelineId), change),
    onSuccess: (pipeline) => {
      client.setQueryData(queryKeys.pipeline(org, pipelineId), pipeline);
      void client.invalidateQueries({ queryKey: queryKeys.sharing(org, pipelineId) });
      void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
    },
  });
}
