// The four steps of the delete wizard, and what each needs from the server's state before the
// next one makes sense. The server checks its own rules again at every action.
import { REASONS } from "@/components/danger-zone/pipeline-rules";

export const STEPS = [
  { number: 1, name: "What goes" },
  { number: 2, name: "Pause and stop runs" },
  { number: 3, name: "Clear storage" },
  { number: 4, name: "Confirm" },
] as const;

export type StepNumber = (typeof STEPS)[number]["number"];

export function stepFromQuery(value: string | null): StepNumber {
  const n = Number(value);
  return n === 2 || n === 3 || n === 4 ? n : 1;
}

export interface WizardState {
  canChange: boolean;
  active: boolean;
  /** Pending or executing runs; null while unknown. */
  running: number | null;
  storageStatus: "Cleared" | "InUse" | "Clearing";
}

export function stepDone(step: StepNumber, state: WizardState): boolean {
  switch (step) {
    case 1:
      return true;
    case 2:
      return !state.active && state.running === 0;
    case 3:
      return state.storageStatus === "Cleared";
    case 4:
      return false;
  }
}

/** Why the wizard should not move past `step` yet, or null. */
export function continueBlockedReason(step: StepNumber, state: WizardState): string | null {
  if (step === 2) {
    if (state.active) return "Pause the pipeline first.";
    if (state.running === null) return REASONS.checkingRuns;
    if (state.running > 0) return "Wait for or stop the running executions first.";
  }
  if (step === 3) {
    if (state.storageStatus === "Clearing") return "Wait for the storage to be cleared.";
    if (state.storageStatus === "InUse") return "Clear the storage first.";
  }
  return null;
}

/** Why the pipeline cannot be deleted from the wizard yet, or null. */
export function deleteBlockedReason(state: WizardState): string | null {
  if (!state.canChange) return REASONS.notAllowed;
  if (state.active) return "Pause the pipeline first (step 2).";
  if (state.running === null) return REASONS.checkingRuns;
  if (state.running > 0) return "Wait for or stop the running executions first (step 2).";
  if (state.storageStatus !== "Cleared") return "Clear its storage first (step 3).";
  return null;
}
