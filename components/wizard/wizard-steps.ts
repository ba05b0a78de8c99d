// The delete wizard's steps before the server takes over: see what goes (and keep the
// configuration), optionally pause and drain or stop runs, then type the name. The server's
// decommission then pauses, stops, clears and deletes by itself, whatever was done here.
import { CHANGE_REFUSED } from "@/components/pipelines/permissions";
import type { StorageStatus } from "@/lib/vocabulary";

export const STEPS = [
  { number: 1, name: "What goes" },
  { number: 2, name: "Pause and runs" },
  { number: 3, name: "Confirm" },
] as const;

export type StepNumber = (typeof STEPS)[number]["number"];

export function stepFromQuery(value: string | null): StepNumber {
  const n = Number(value);
  return n === 2 || n === 3 ? n : 1;
}

export interface WizardState {
  canChange: boolean;
  active: boolean;
  /** Pending or executing runs; null while unknown. */
  running: number | null;
  storageStatus: StorageStatus;
}

/** Step 2 is done when the pipeline is paused and nothing runs; the others are never "done". */
export function stepDone(step: StepNumber, state: WizardState): boolean {
  return step === 2 && !state.active && state.running === 0;
}

/** Why the pipeline cannot be deleted from the wizard, or null. Paused or not, the server does the rest. */
export function deleteBlockedReason(state: WizardState): string | null {
  return state.canChange ? null : CHANGE_REFUSED;
}

/** What the decommission will still have to do, in words, for the last look before confirming. */
export function remainingWork(state: WizardState): string[] {
  const work: string[] = [];
  if (state.active) work.push("pause it (its schedule stops)");
  if (state.running) work.push(`stop ${state.running === 1 ? "the run" : `the ${state.running} runs`} still going`);
  if (state.storageStatus !== "Cleared") work.push("clear its storage");
  work.push("delete it");
  return work;
}
