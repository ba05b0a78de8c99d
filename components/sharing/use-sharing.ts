// Who a pipeline is shared with (§1 `pipeline/{id}/users/`). It is changed by PATCHing the
// pipeline (useUpdatePipeline, which refreshes this too): `shared_users` always as the full new
// list, `shared_to_org` on its own.
import { useQuery } from "@tanstack/react-query";
import { apiGet, pipelinesPath } from "@/components/api-client";
import { usePollWhenOffline } from "@/components/live/live-events";
import type { Sharing } from "@/components/pipelines/types";
import { queryKeys } from "@/components/query-keys";

export function useSharing(org: string, pipelineId: string) {
  return useQuery({
    queryKey: queryKeys.sharing(org, pipelineId),
    queryFn: () => apiGet<Sharing>(pipelinesPath(org, "pipeline", pipelineId, "users")),
    refetchInterval: usePollWhenOffline(),
  });
}

export type SharingChange = { shared_users: string[] } | { shared_to_org: boolean };
