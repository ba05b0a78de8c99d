// "Last run" as a person reads it: a finished run says when it ended ("Succeeded · just now"); a
// run under way says when *it* started, never the previous run's time.
import { labelOf, RUN_STATUS_LABELS } from "@/components/labels";
import { sinceInWords } from "./time-words";
import type { Pipeline } from "./types";

/** The run under way, as the newest of the pipeline's runs tells it (if it is loaded). */
export interface CurrentRun {
  status: string;
  started_at: string | null;
  created_at: string;
}

export function lastRunWords(pipeline: Pick<Pipeline, "last_run_status" | "last_run_time">, newest: CurrentRun | undefined, now: number): string {
  const label = labelOf(RUN_STATUS_LABELS, pipeline.last_run_status);
  if (pipeline.last_run_status === "INPROGRESS" || pipeline.last_run_status === "RESTARTING") {
    const current = newest && (newest.status === "PENDING" || newest.status === "EXECUTING") ? newest : undefined;
    if (!current) return label;
    return current.started_at ? `${label} · started ${sinceInWords(current.started_at, now)}` : `${label} · queued ${sinceInWords(current.created_at, now)}`;
  }
  // A time that already passed, even when this page's clock lags the server's: never "in …".
  return pipeline.last_run_time ? `${label} · ${sinceInWords(pipeline.last_run_time, now)}` : label;
}
