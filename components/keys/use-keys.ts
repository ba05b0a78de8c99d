// A pipeline's API keys (§1 `api/keys/...`): list, create (the answer holds the key, once),
// switch on or off, delete.
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDelete, apiGet, apiPost, apiPut, pipelinesPath } from "@/components/api-client";
import type { PipelineKey } from "@/components/pipelines/types";
import { queryKeys } from "@/components/query-keys";

export function useKeys(org: string, pipelineId: string, enabled: boolean) {
  return useQuery({
    queryKey: queryKeys.keys(org, pipelineId),
    queryFn: () => apiGet<PipelineKey[]>(pipelinesPath(org, "api", "keys", "pipeline", pipelineId)),
    enabled,
  });
}

export function useCreateKey(org: string, pipelineId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (description: string) =>
      apiPost<PipelineKey>(pipelinesPath(org, "api", "keys", "pipeline", pipelineId), { description, pipeline: pipelineId }),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.keys(org, pipelineId) }),
  });
}

export function useSetKeyActive(org: string, pipelineId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ keyId, active }: { keyId: string; active: boolean }) =>
      apiPut<PipelineKey>(pipelinesPath(org, "api", "keys", keyId), { is_active: active }),
    onSuccess: (key) =>
      client.setQueryData<PipelineKey[]>(queryKeys.keys(org, pipelineId), (keys) => keys?.map((k) => (k.id === key.id ? key : k))),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.keys(org, pipelineId) }),
  });
}

export function useDeleteKey(org: string, pipelineId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (keyId: string) => apiDelete(pipelinesPath(org, "api", "keys", keyId)),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.keys(org, pipelineId) }),
  });
}

/** The Postman collection's URL: a plain download, authenticated by the session cookie. */
export function postmanUrl(org: string, pipelineId: string): string {
  return pipelinesPath(org, "pipeline", "api", "postman_collection", pipelineId);
}
