// A decommission's steps as the console names them.
export const PLAN_STEPS = [
  { step: "pausing", name: "Pause" },
  { step: "stopping", name: "Stop runs" },
  { step: "clearing", name: "Clear storage" },
  { step: "deleting", name: "Delete" },
] as const;

export const STATE_WORDS: Record<string, string> = {
  pausing: "Pausing",
  stopping: "Stopping runs",
  clearing: "Clearing storage",
  deleting: "Deleting",
  done: "Deleted",
  cancelled: "Cancelled",
  failed: "Failed",
};
