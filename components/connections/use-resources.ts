// Connections are the resources API (§4): GET /resources?skip&limit (≤ 50), POST /resources,
// DELETE /resources/{id} (admins; soft delete), and our GET …/resources/{id}/usage (which
// pipelines use one). Wrapper and resource events refresh the list.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiDelete, apiGet, apiPost, orgPath } from "@/components/api-client";
import { usePollWhenOffline } from "@/components/live/live-events";
import { queryKeys } from "@/components/query-keys";
import type { resourceUsageResponse } from "@/lib/api/console/responses-org";
import type { resourceResponse } from "@/lib/api/resources/responses";

export type Resource = z.infer<typeof resourceResponse>;
export type ResourceUsage = z.infer<typeof resourceUsageResponse>;
export type ResourceKind = Resource["kind"];

export interface NewResource {
  name: string;
  kind: ResourceKind;
  connector: string;
  config: Record<string, unknown>;
  with_wrapper: boolean;
}

export const PAGE_SIZE = 20;

/** One page, asked one row longer than shown: the extra row says whether a next page exists. */
export function useResources(org: string, skip: number) {
  return useQuery({
    queryKey: [...queryKeys.resources(org), { skip, limit: PAGE_SIZE }],
    queryFn: async () => {
      const rows = await apiGet<Resource[]>(`/resources?skip=${skip}&limit=${PAGE_SIZE + 1}`);
      return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
    },
    placeholderData: keepPreviousData,
    // Heartbeats change without events: refresh now and then even while the stream is up.
    refetchInterval: usePollWhenOffline(5000) || 15_000,
  });
}

export function useCreateResource(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: NewResource) => apiPost<Resource>("/resources", input),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.resources(org) }),
  });
}

export function useDeleteResource(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: { id: string; reason: string }) =>
      apiDelete(`/resources/${encodeURIComponent(input.id)}`, input.reason ? { reason: input.reason } : undefined),
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.resources(org) }),
  });
}

/** The pipelines whose jobs use a connection; asked afresh each time a delete is considered. */
export function useResourceUsage(org: string, id: string | null) {
  return useQuery({
    queryKey: queryKeys.resourceUsage(org, id ?? ""),
    queryFn: () => apiGet<ResourceUsage>(orgPath(org, "resources", id ?? "", "usage")),
    enabled: id !== null,
    staleTime: 0,
  });
}
