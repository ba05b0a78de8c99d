// The words a person reads for every enumerated value the API sends (InUse, SCHEDULED, ETL, …).
// (Roles and decommission steps are already lower-case words.) Each table is a Record over a list of lib/vocabulary.ts, so a value added there fails the
// type check here until it has its words: no raw enum value reaches the screen.
import type { ExecutionMethod, PipelineType, RunStatus, StorageStatus, WrapperStatus } from "@/lib/vocabulary";

export const PIPELINE_TYPE_LABELS: Record<PipelineType, string> = {
  ETL: "ETL",
  TASK: "Task",
  DEFAULT: "Default",
  APP: "App",
};

/** A pipeline's last_run_status. */
export const RUN_STATUS_LABELS: Record<RunStatus, string> = {
  SUCCESS: "Succeeded",
  FAILURE: "Failed",
  INPROGRESS: "In progress",
  YET_TO_START: "Not run yet",
  RESTARTING: "Starting",
  PAUSED: "Paused",
};

/**
 * Storage as a person reads it. "Never used" is not a status of the API (§1 keeps Cleared for a
 * pipeline whose storage is empty, however it got there): see storageLabelOf.
 */
export const STORAGE_LABELS: Record<StorageStatus | "NeverUsed", string> = {
  Cleared: "Cleared",
  InUse: "In use",
  Clearing: "Clearing",
  NeverUsed: "No storage",
};

export const EXECUTION_METHOD_LABELS: Record<ExecutionMethod, string> = {
  DIRECT: "On demand",
  SCHEDULED: "Scheduled",
};

export const WRAPPER_STATUS_LABELS: Record<WrapperStatus, string> = {
  PENDING: "Pending",
  STARTING: "Starting",
  RUNNING: "Running",
  STOPPED: "Stopped",
  FAILED: "Failed",
};

/** A value from a table above, or the raw value when an older or newer server sends another. */
export function labelOf<K extends string>(labels: Record<K, string>, value: string): string {
  return (labels as Record<string, string | undefined>)[value] ?? value;
}

/**
 * The storage a pipeline shows. Storage is Cleared both before the first run and after a clear;
 * a pipeline that has never run has never stored anything, so it reads "No storage" rather
 * than claiming a clear that never happened.
 */
export function storageKindOf(status: StorageStatus, runCount: number): StorageStatus | "NeverUsed" {
  return status === "Cleared" && runCount === 0 ? "NeverUsed" : status;
}
