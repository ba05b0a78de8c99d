// The rules the server applies to a pipeline's lifecycle, mirrored so a disabled action can say
// why before anyone clicks. The server checks every one of them again.
import type { Me } from "@/components/console/use-me";

export const REASONS = {
  notAllowed: "Only the owner or an admin can change this pipeline.",
  waitForRuns: "Wait for or stop the running executions to clear its storage.",
  alreadyCleared: "The storage is already cleared.",
  clearing: "The storage is being cleared; this cannot be cancelled.",
  checkingRuns: "Checking whether executions are running…",
} as const;

/** The owner or an org admin may pause, resume, clear, stop runs of and delete a pipeline. */
export function canChangePipeline(me: Pick<Me, "id" | "role">, ownerId: string): boolean {
  return me.role === "admin" || me.id === ownerId;
}

/** Why the storage cannot be cleared now, or null when it can. */
export function clearBlockedReason(input: {
  canChange: boolean;
  storageStatus: "Cleared" | "InUse" | "Clearing";
  /** Pending or executing runs; null while unknown. */
  running: number | null;
}): string | null {
  if (!input.canChange) return REASONS.notAllowed;
  if (input.storageStatus === "Cleared") return REASONS.alreadyCleared;
  if (input.storageStatus === "Clearing") return REASONS.clearing;
  if (input.running === null) return REASONS.checkingRuns;
  if (input.running > 0) return REASONS.waitForRuns;
  return null;
}
