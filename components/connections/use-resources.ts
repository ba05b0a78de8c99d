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
/** The most GET /resources answers at once. */
const MAX_LIMIT = 50;

const fetchResources = (skip: number, limit: number) => apiGet<Resource[]>(`/resources?skip=${skip}&limit=${limit}`);

/** Every live resource of the org, read 50 at a time. */
async function fetchAllResources(): Promise<Resource[]> {
  const all: Resource[] = [];
  for (let skip = 0; ; skip += MAX_LIMIT) {
    const page = await fetchResources(skip, MAX_LIMIT);
    all.push(...page);
    if (page.length < MAX_LIMIT || skip > 5000) return all;
  }
}

/**
 * The org's connections (GET /resources). With `page`: that page of the Connections table, asked
 * one row longer than shown (the extra row says whether a next page exists) and read again now and
 * then. Without: every one of them, for a new pipeline's job pickers.
 */
export function useResources(org: string, page?: { skip: number }) {
  const offline = usePollWhenOffline(5000);
  const skip = page?.skip ?? 0;
  return useQuery({
    queryKey: queryKeys.resourceList(org, page ? { skip, limit: PAGE_SIZE } : { all: true }),
    queryFn: async (): Promise<{ rows: Resource[]; hasNext: boolean }> => {
      if (!page) return { rows: await fetchAllResources(), hasNext: false };
      const rows = await fetchResources(skip, PAGE_SIZE + 1);
      return { rows: rows.slice(0, PAGE_SIZE), hasNext: rows.length > PAGE_SIZE };
    },
    placeholderData: page ? keepPreviousData : undefined,
    // Heartbeats change without events: the table reads again now and then even while the stream is up.
    refetchInterval: page ? offline || 15_000 : false,
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
