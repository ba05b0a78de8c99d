// One react-query hook per pipeline operation, beside its fetcher; keys from query-keys.ts, so
// live events and these mutations refresh the same caches.
import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { apiGet, apiPatch, apiPost, pipelinesPath } from "@/components/api-client";
import { usePollWhenOffline } from "@/components/live/live-events";
import { queryKeys } from "@/components/query-keys";
import { retryUnlessMissing } from "@/components/query-retry";
import type { CreatePipelineRequest, PatchPipelineRequest } from "@/lib/api/unstract/schemas";
import type { CreatedPipeline, ExecuteAnswer, Pipeline, PipelineDetail, PipelineList } from "./types";

export const PAGE_SIZE = 50;

export interface PipelineListParams {
  search: string;
  type: string;
  /** "true" (active), "false" (paused) or "" (both). */
  active: string;
  /** A §1 ordering ("pipeline_name", "-run_count", …); empty for the API's default. */
  ordering: string;
  cursor: string;
  /**
   * The page's number ("" for 1). Asked by number only without a cursor (Last, or a link to
   * page N); with one, it is the number the pager shows.
   */
  page: string;
}

export function listUrl(org: string, params: PipelineListParams): string {
  const query = new URLSearchParams({ page_size: String(PAGE_SIZE) });
  if (params.search) query.set("search", params.search);
  if (params.type) query.set("type", params.type);
  if (params.active) query.set("active", params.active);
  if (params.ordering) query.set("ordering", params.ordering);
  if (params.cursor) query.set("cursor", params.cursor);
  else if (params.page && params.page !== "1") query.set("page", params.page);
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

/** One pipeline's §1 body: the query every reader of it shares (a 404 or 403 is not retried). */
export function pipelineQuery(org: string, id: string) {
  return {
    queryKey: queryKeys.pipeline(org, id),
    queryFn: () => apiGet<PipelineDetail>(pipelinesPath(org, "pipeline", id)),
    retry: retryUnlessMissing,
  };
}

export function usePipeline(org: string, id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...pipelineQuery(org, id),
    enabled: options.enabled ?? true,
    refetchInterval: usePollWhenOffline(),
  });
}

// ---------------------------------------------------------------- cache edits

type Change = Partial<Pick<Pipeline, "active" | "next_run_time" | "paused_by" | "paused_at" | "pause_reason" | "resume_at">>;

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

const pauseFields = (p: Pipeline): Change => ({
  active: p.active,
  next_run_time: p.next_run_time,
  paused_by: p.paused_by,
  paused_at: p.paused_at,
  pause_reason: p.pause_reason,
  resume_at: p.resume_at,
});

export interface ActiveChange {
  id: string;
  active: boolean;
  /** Why; kept in the audit log and, for a pause, shown on the pipeline. */
  reason?: string;
  /** A pause's end (ISO), or null for until someone resumes it. */
  resumeAt?: string | null;
}

/**
 * Pause or resume (§1 PATCH {active, reason?, resume_at?}), shown at once: the one hook every
 * pause and resume of the console goes through (the UI calls it through usePauseWithUndo). The
 * rollback puts back what each cache held for this pipeline before, and only that: other rows
 * changed meanwhile keep their state.
 */
export function useSetPipelineActive(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, active, reason, resumeAt }: ActiveChange) =>
      apiPatch<Pipeline>(pipelinesPath(org, "pipeline", id), {
        active,
        ...(reason ? { reason } : {}),
        ...(!active && resumeAt ? { resume_at: resumeAt } : {}),
      }),
    onMutate: async ({ id, active, reason, resumeAt }) => {
      await client.cancelQueries({ queryKey: queryKeys.pipelines(org) });
      await client.cancelQueries({ queryKey: queryKeys.pipeline(org, id), exact: true });
      const previous: Previous[] = [];
      for (const [key, list] of client.getQueriesData<PipelineList>({ queryKey: queryKeys.pipelines(org) })) {
        const row = list?.results.find((p) => p.id === id);
        if (row) previous.push({ key, value: pauseFields(row) });
      }
      const detail = client.getQueryData<Pipeline>(queryKeys.pipeline(org, id));
      if (detail) previous.push({ key: queryKeys.pipeline(org, id), value: pauseFields(detail) });
      // Paused pipelines have no next run; a resumed one's is known when the answer comes.
      const change: Change = active
        ? { active, paused_by: null, paused_at: null, pause_reason: null, resume_at: null }
        : { active, next_run_time: null, paused_at: new Date().toISOString(), pause_reason: reason || null, resume_at: resumeAt ?? null };
      editCachedPipeline(client, org, id, change);
      return { previous };
    },
    onError: (_error, { id }, context) => {
      for (const { key, value } of context?.previous ?? []) {
        if (key[0] === "pipeline") client.setQueryData<Pipeline>(key, (p) => (p ? { ...p, ...value } : p));
        else client.setQueryData<PipelineList>(key, (list) => listWith(list, id, value));
      }
    },
    onSuccess: (pipeline) => editCachedPipeline(client, org, pipeline.id, pipeline),
    // Not awaited: the change is done when the server says so, not when every list is read again.
    onSettled: (_data, _error, { id }) => {
      void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
      void client.invalidateQueries({ queryKey: queryKeys.pipeline(org, id), exact: true });
    },
  });
}

/** Any change of the pipeline's fields (§1 PATCH): the edit form's, and the Sharing tab's. Pause and resume: useSetPipelineActive. */
export function useUpdatePipeline(org: string, id: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: PatchPipelineRequest) => apiPatch<PipelineDetail>(pipelinesPath(org, "pipeline", id), body),
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
