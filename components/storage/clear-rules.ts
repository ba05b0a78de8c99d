// When a pipeline's storage may be cleared, mirrored from the server's rules so a disabled action
// can say why before anyone clicks. The server checks every one of them again. (Who may clear:
// canChangePipeline in components/pipelines/permissions.ts.)
import { CHANGE_REFUSED } from "@/components/pipelines/permissions";
import type { StorageStatus } from "@/lib/vocabulary";

export const CLEAR_REASONS = {
  waitForRuns: "Wait for or stop the running executions to clear its storage.",
  alreadyCleared: "The storage is already cleared.",
  clearing: "The storage is being cleared; this cannot be cancelled.",
  checkingRuns: "Checking whether executions are running…",
} as const;

/** Why the storage cannot be cleared now, or null when it can. */
export function clearBlockedReason(input: {
  canChange: boolean;
  storageStatus: StorageStatus;
  /** Pending or executing runs; null while unknown. */
  running: number | null;
}): string | null {
  if (!input.canChange) return CHANGE_REFUSED;
  if (input.storageStatus === "Cleared") return CLEAR_REASONS.alreadyCleared;
  if (input.storageStatus === "Clearing") return CLEAR_REASONS.clearing;
  if (input.running === null) return CLEAR_REASONS.checkingRuns;
  if (input.running > 0) return CLEAR_REASONS.waitForRuns;
  return null;
}
