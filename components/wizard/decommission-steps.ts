// A decommission's steps and states as the console names them (the values: lib/vocabulary.ts).
import { DECOMMISSION_STEPS, type DecommissionState, type DecommissionStepName } from "@/lib/vocabulary";

const STEP_NAMES: Record<DecommissionStepName, string> = {
  pausing: "Pause",
  stopping: "Stop runs",
  clearing: "Clear storage",
  deleting: "Delete",
};

export const PLAN_STEPS = DECOMMISSION_STEPS.map((step) => ({ step, name: STEP_NAMES[step] }));

export const STATE_WORDS: Record<DecommissionState, string> = {
  pausing: "Pausing",
  stopping: "Stopping runs",
  clearing: "Clearing storage",
  deleting: "Deleting",
  done: "Deleted",
  cancelled: "Cancelled",
  failed: "Failed",
};
