// The words a person reads for every enumerated value the API sends (InUse, SCHEDULED, ETL, …).
// (Roles and decommission steps are already lower-case words.) Each table is a Record over a list of lib/vocabulary.ts, so a value added there fails the
// type check here until it has its words: no raw enum value reaches the screen.
import type { AuditAction, ExecutionMethod, PipelineType, RunStatus, StorageStatus, WrapperStatus } from "@/lib/vocabulary";

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

/** What an audit entry says was done; the stored name (pipeline.pause) stays the filter's value. */
export const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  "pipeline.create": "Created pipeline",
  "pipeline.update": "Changed pipeline",
  "pipeline.pause": "Paused pipeline",
  "pipeline.resume": "Resumed pipeline",
  "pipeline.share": "Changed sharing",
  "pipeline.decommission": "Started deletion",
  "pipeline.decommission.cancel": "Cancelled deletion",
  "pipeline.decommission.fail": "Deletion failed",
  "pipeline.delete": "Deleted pipeline",
  "pipeline.execute": "Started a run",
  "execution.stop": "Stopped a run",
  "storage.clear": "Cleared storage",
  "key.create": "Created API key",
  "key.update": "Changed API key",
  "key.delete": "Deleted API key",
  "token.create": "Created token",
  "token.revoke": "Revoked token",
  "member.add": "Added member",
  "member.remove": "Removed member",
  "member.role": "Changed role",
  "resource.create": "Created connection",
  "resource.delete": "Deleted connection",
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
