// Who started a run, in the words the Executions page shows and filters by.
import type { ExecutionTrigger } from "@/lib/vocabulary";
import type { Execution } from "@/components/pipelines/types";

export const TRIGGER_LABELS: Record<ExecutionTrigger, string> = {
  schedule: "Schedule",
  user: "A person",
  api_key: "API key",
};

/** "Schedule", "ada@example.com", "API key “nightly cron”" (or "API key" when none was kept). */
export function triggerInWords(trigger: Execution["triggered_by"]): string {
  if (trigger.kind === "schedule") return "Schedule";
  if (trigger.kind === "user") return trigger.email ?? "A person";
  return trigger.description ? `API key “${trigger.description}”` : "API key";
}
