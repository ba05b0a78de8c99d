// The pipeline as §3 shows it: its storage status and, once a clear has started, its progress.
// Typed by the response schemas they are documented with.
import type { z } from "zod";
import type { Pipeline } from "@/lib/domain/pipelines";
import type { StorageProgress } from "@/lib/domain/storage";
import type { clearAcceptedResponse, storagePipelineResponse, storageProgressResponse } from "./responses";

const time = (d: Date | null) => (d ? d.toISOString() : null);

export function progressBody(progress: StorageProgress): z.infer<typeof storageProgressResponse> {
  const finished = progress.finishedAt !== null;
  const percent = progress.totalRows > 0 ? Math.round((progress.doneRows / progress.totalRows) * 1000) / 10 : finished ? 100 : 0;
  return {
    done_rows: progress.doneRows,
    total_rows: progress.totalRows,
    done_bytes: progress.doneBytes,
    total_bytes: progress.totalBytes,
    percent,
    started_at: progress.startedAt.toISOString(),
    finished_at: time(progress.finishedAt),
  };
}

/** `storage_status_details` is the current clear's progress, or the last one's; null if never cleared. */
export function storagePipelineBody(p: Pipeline, progress: StorageProgress | null): z.infer<typeof storagePipelineResponse> {
  return {
    id: p.id,
    name: p.name,
    description: p.description,
    created_at: p.createdAt.toISOString(),
    modified_at: p.modifiedAt.toISOString(),
    active: p.active,
    run_count: p.runCount,
    last_run_status: p.lastRunStatus,
    last_run_time: time(p.lastRunTime),
    storage_status: p.storageStatus,
    storage_status_details: progress ? progressBody(progress) : null,
  };
}

function clearMessage(p: Pick<Pipeline, "name" | "storageStatus">, started: boolean): string {
  if (started) return `Clearing the storage of pipeline '${p.name}' has started.`;
  return p.storageStatus === "Clearing"
    ? `The storage of pipeline '${p.name}' is already being cleared.`
    : `The storage of pipeline '${p.name}' is already cleared.`;
}

/** The 202 of a clear: started now, already under way, or already done. */
export function clearAcceptedBody(p: Pick<Pipeline, "name" | "storageStatus">, started: boolean): z.infer<typeof clearAcceptedResponse> {
  return { message: clearMessage(p, started) };
}
