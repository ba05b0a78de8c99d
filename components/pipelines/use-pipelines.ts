// One react-query hook per pipeline operation, beside its fetcher; keys from query-keys.ts, so
// live events and these mutations refresh the same caches.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { apiGet, apiPatch, apiPost, pipelinesPath } from "@/components/api-client";
import { usePollWhenOffline } from "@/components/live/live-events";
import { queryKeys } from "@/components/query-keys";
import type { CreatePipelineRequest, PatchPipelineRequest } from "@/lib/api/schemas/pipelines";
import type { CreatedPipeline, ExecuteAnswer, Pipeline, PipelineList, Resource } from "./types";

export const PAGE_SIZE = 50;

export interface PipelineListParams {
  search: string;
  type: string;
  /** "true" (active), "false" (paused) or "" (both). */
  active: string;
  /** A §1 ordering ("pipeline_name", "-run_count", …); empty for the API's default. */
  ordering: string;
  cursor: string;
}

export function listUrl(org: string, params: PipelineListParams): string {
  const query = new URLSearchParams({ page_size: String(PAGE_SIZE) });
  if (params.search) query.set("search", params.search);
  if (params.type) query.set("type", params.type);
  if (params.active) query.set("active", params.active);
  if (params.ordering) query.set("ordering", params.ordering);
  if (params.cursor) query.set("cursor", params.cursor);
  return `${pipelinesPath(org, "pipeline")}?${query}`;
}

/** The cursor a page link carries (the list answers `previous` only as a link). */
export function cursorOf(link: string | null): string | null {
  if (!link) return null;
  try {
    return new URL(link, "http://localhost").searchParams.get("cursor");
  } catch {
    return null;
  }
}

export function usePipelineList(org: string, params: PipelineListParams) {
  return useQuery({
    queryKey: queryKeys.pipelineList(org, { ...params }),
    queryFn: () => apiGet<PipelineList>(listUrl(org, params)),
    // The old page stays on screen while the next one loads: no flash between pages.
    placeholderData: keepPreviousData,
    refetchInterval: usePollWhenOffline(),
  });
}

export function usePipeline(org: string, id: string) {
  return useQuery({
    queryKey: queryKeys.pipeline(org, id),
    queryFn: () => apiGet<Pipeline>(pipelinesPath(org, "pipeline", id)),
    refetchInterval: usePollWhenOffline(),
  });
}

// ---------------------------------------------------------------- cache edits

type Change = Partial<Pick<Pipeline, "active" | "next_run_time">>;

function listWith(list: PipelineList | undefined, id: string, change: Change | Pipeline): PipelineList | undefined {
  if (!list) return list;
  return { ...list, results: list.results.map((p) => (p.id === id ? { ...p, ...change } : p)) };
}

/** Every cached list holding the pipeline, and its detail, with `change` applied. */
function editCachedPipeline(client: QueryClient, org: string, id: string, change: Change | Pipeline) {
  client.setQueriesData<PipelineList>({ queryKey: queryKeys.pipelines(org) }, (list) => listWith(list, id, change));
  client.setQueryData<Pipeline>(queryKeys.pipeline(org, id), (pipeline) => (pipeline ? { ...pipeline, ...change } : pipeline));
}

interface Previous {
  key: QueryKey;
  value: Change;
}

/**
 * Pause or resume, shown at once. The rollback puts back what each cache held for this
 * pipeline before the click, and only that: other rows changed meanwhile keep their state.
 */
export function useSetPipelineActive(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active }: { id: string; active: boolean }) => apiPatch<Pipeline>(pipelinesPath(org, "pipeline", id), { active }),
    onMutate: async ({ id, active }) => {
      await client.cancelQueries({ queryKey: queryKeys.pipelines(org) });
      await client.cancelQueries({ queryKey: queryKeys.pipeline(org, id), exact: true });
      const previous: Previous[] = [];
      for (const [key, list] of client.getQueriesData<PipelineList>({ queryKey: queryKeys.pipelines(org) })) {
        const row = list?.results.find((p) => p.id === id);
        if (row) previous.push({ key, value: { active: row.active, next_run_time: row.next_run_time } });
      }
      const detail = client.getQueryData<Pipeline>(queryKeys.pipeline(org, id));
      if (detail) previous.push({ key: queryKeys.pipeline(org, id), value: { active: detail.active, next_run_time: detail.next_run_time } });
      // Paused pipelines have no next run; a resumed one's is known when the answer comes.
      editCachedPipeline(client, org, id, active ? { active } : { active, next_run_time: null });
      return { previous };
    },
    onError: (_error, { id }, context) => {
      for (const { key, value } of context?.previous ?? []) {
        if (key[0] === "pipeline") client.setQueryData<Pipeline>(key, (p) => (p ? { ...p, ...value } : p));
        else client.setQueryData<PipelineList>(key, (list) => listWith(list, id, value));
      }
    },
    onSuccess: (pipeline) => editCachedPipeline(client, org, pipeline.id, pipeline),
    onSettled: (_data, _error, { id }) => {
      void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
      void client.invalidateQueries({ queryKey: queryKeys.pipeline(org, id), exact: true });
    },
  });
}

export function useUpdatePipeline(org: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchPipelineRequest) => apiPatch<Pipeline>(pipelinesPath(org, "pipeline", id), body),
    onSuccess: (pipeline) => {
      client.setQueryData(queryKeys.pipeline(org, id), pipeline);
      void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
      void client.invalidateQueries({ queryKey: queryKeys.pipeline(org, id) });
    },
  });
}

export function useCreatePipeline(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: CreatePipelineRequest) => apiPost<CreatedPipeline>(pipelinesPath(org, "pipeline"), body),
    onSuccess: () => client.invalidateQueries({ queryKey: queryKeys.pipelines(org) }),
  });
}

export function useRunPipeline(org: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => apiPost<ExecuteAnswer>(pipelinesPath(org, "pipeline", "execute"), { pipeline_id: id }),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.pipeline(org, id) });
      void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
      void client.invalidateQueries({ queryKey: queryKeys.executions(org) });
    },
  });
}

// ---------------------------------------------------------------- bulk actions

export type BulkAction = "pause" | "resume";

export interface BulkTarget {
  id: string;
  name: string;
}

export interface BulkResult extends BulkTarget {
  ok: boolean;
  /** The API's reason when it refused. */
  message: string | null;
}

function bulkStep(org: string, action: BulkAction, id: string): Promise<unknown> {
  return apiPatch<Pipeline>(pipelinesPath(org, "pipeline", id), { active: action === "resume" });
}

/** One request per pipeline, a few at a time; each outcome is kept, none stops the others. */
export function useBulkPipelineAction(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ action, targets }: { action: BulkAction; targets: BulkTarget[] }): Promise<BulkResult[]> => {
      const results: BulkResult[] = new Array(targets.length);
      let next = 0;
      const worker = async () => {
        while (next < targets.length) {
          const i = next++;
          const target = targets[i];
          if (!target) continue;
          try {
            await bulkStep(org, action, target.id);
            results[i] = { ...target, ok: true, message: null };
          } catch (error) {
            results[i] = { ...target, ok: false, message: error instanceof Error ? error.message : "The request failed." };
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(4, targets.length) }, worker));
      return results;
    },
    onSettled: (_data, _error, { targets }) => {
      void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
      for (const { id } of targets) void client.invalidateQueries({ queryKey: queryKeys.pipeline(org, id), exact: true });
    },
  });
}

// ---------------------------------------------------------------- resources for jobs

const RESOURCE_PAGE = 50;

/** Every live resource of the org (GET /resources pages by skip/limit, 50 at most). */
export function useResources(org: string) {
  return useQuery({
    queryKey: queryKeys.resources(org),
    queryFn: async () => {
      const all: Resource[] = [];
      for (let skip = 0; ; skip += RESOURCE_PAGE) {
        const page = await apiGet<Resource[]>(`/resources?skip=${skip}&limit=${RESOURCE_PAGE}`);
        all.push(...page);
        if (page.length < RESOURCE_PAGE || skip > 5000) return all;
      }
    },
  });
}
