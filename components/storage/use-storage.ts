// A pipeline's storage: its status and clear progress from GET /v0/pipelines/{name} (§3),
// moved forward between reads by the live progress events, and the clear itself.
import { skipToken, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiGet, apiPost } from "@/components/api-client";
import { usePollWhenOffline, type StorageProgressEvent } from "@/components/live/live-events";
import { queryKeys } from "@/components/query-keys";
import type { storagePipelineResponse } from "@/lib/api/storage/responses";
import { currentProgress, type ClearProgress } from "./progress-math";

export type StoragePipeline = z.infer<typeof storagePipelineResponse>;
type StorageStatus = StoragePipeline["storage_status"];

export interface PipelineRef {
  id: string;
  name: string;
}

const storagePath = (name: string, ...rest: string[]) => ["/v0/pipelines", encodeURIComponent(name), ...rest].join("/");

/** Where the live stream writes each storage progress event (see live-events.tsx). */
export const storageLiveKey = (org: string, pipelineId: string) => ["storage-live", org, pipelineId] as const;

export function useStorage(org: string, pipeline: PipelineRef, options: { enabled?: boolean } = {}) {
  // While clearing: every second when the live stream is down, a slow safety net when it is up.
  const offline = usePollWhenOffline(1000) !== false;
  return useQuery({
    queryKey: queryKeys.storage(org, pipeline.id),
    queryFn: () => apiGet<StoragePipeline>(storagePath(pipeline.name)),
    enabled: options.enabled ?? true,
    // Otherwise only while the stream is down, as the pipeline's own read: a run's records still show.
    refetchInterval: (query) => (query.state.data?.storage_status === "Clearing" ? (offline ? 1000 : 5000) : offline ? 5000 : false),
  });
}

/** The last storage progress event of the pipeline, as the live stream left it in the cache. */
function useLiveStorage(org: string, pipelineId: string) {
  return useQuery<StorageProgressEvent>({ queryKey: storageLiveKey(org, pipelineId), queryFn: skipToken, staleTime: Infinity });
}

/**
 * The storage as it is now: whichever of the last read and the last live event is newer; while
 * both speak of the same clear, the further of the two (events and reads may cross).
 */
export function useStorageProgress(org: string, pipeline: PipelineRef, fallbackStatus: StorageStatus, options: { enabled?: boolean } = {}) {
  const storage = useStorage(org, pipeline, options);
  const live = useLiveStorage(org, pipeline.id);
  const read = storage.data;
  const details = read?.storage_status_details ?? null;
  const fromRead: ClearProgress | null = read
    ? {
        status: read.storage_status,
        doneRows: details?.done_rows ?? 0,
        totalRows: details?.total_rows ?? 0,
        doneBytes: details?.done_bytes ?? 0,
        totalBytes: details?.total_bytes ?? 0,
        startedAt: details ? Date.parse(details.started_at) : null,
      }
    : null;
  const event = live.data;
  const fromEvent: ClearProgress | null = event
    ? {
        status: event.storage_status as StorageStatus,
        doneRows: event.done_rows ?? 0,
        totalRows: event.total_rows ?? 0,
        doneBytes: event.done_bytes ?? 0,
        totalBytes: event.total_bytes ?? 0,
        startedAt: event.started_at ? Date.parse(event.started_at) : null,
      }
    : null;
  const fallback: ClearProgress = { status: fallbackStatus, doneRows: 0, totalRows: 0, doneBytes: 0, totalBytes: 0, startedAt: null };
  const progress = currentProgress(fromRead, fromEvent, live.dataUpdatedAt > storage.dataUpdatedAt) ?? fallback;
  return {
    progress,
    /** When the newest of the figures arrived in this browser (its clock): times the clear's rate. */
    seenAt: Math.max(live.dataUpdatedAt, storage.dataUpdatedAt),
    /** The last clear has finished (or none ever ran, when false and not clearing). */
    finishedAt: details?.finished_at ?? null,
    everCleared: details !== null || fromEvent !== null,
    query: storage,
  };
}

export function useClearStorage(org: string, pipeline: PipelineRef) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => apiPost<{ message: string }>(storagePath(pipeline.name, "clear"), reason ? { reason } : {}),
    // A stale "Cleared" event of an earlier clear must not hide the one being started.
    onMutate: () => client.removeQueries({ queryKey: storageLiveKey(org, pipeline.id), exact: true }),
    // Accepted: the clear is under way. Every reader of the one storage state (header badge, panel,
    // Run now) says Clearing at once, without the last clear's figures, until the next read.
    onSuccess: () =>
      client.setQueryData<StoragePipeline>(queryKeys.storage(org, pipeline.id), (read) =>
        read && read.storage_status === "InUse" ? { ...read, storage_status: "Clearing", storage_status_details: null } : read,
      ),
    // Not awaited: the mutation ends with the POST's answer, while the reads run beside the clear.
    onSettled: () => {
      void client.invalidateQueries({ queryKey: queryKeys.storage(org, pipeline.id) });
      void client.invalidateQueries({ queryKey: queryKeys.pipeline(org, pipeline.id) });
      void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
    },
  });
}
