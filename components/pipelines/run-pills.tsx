// The last five runs as coloured pills, oldest first; each says its status, time and counts.
import { statusLook } from "@/components/executions/execution-status";
import { countOf, formatCount, formatDateTime } from "@/components/format";
import type { Pipeline } from "./types";

export function RunPills({ runs }: { runs: Pipeline["last_5_run_statuses"] }) {
  if (runs.length === 0) return <span className="text-xs text-ink-faint">No runs yet</span>;
  return (
    <ol className="flex items-center gap-1" aria-label="Last runs, oldest first" data-testid="run-pills">
      {runs.map((run) => {
        const look = statusLook(run.status);
        const text = `${look.label}, ${formatDateTime(run.timestamp)}: ${countOf(run.successful_files, "record", "records")} ok, ${formatCount(run.failed_files)} failed`;
        return (
          <li key={run.execution_id} title={text} data-status={run.status} className="flex">
            <span aria-hidden className="block h-4 w-2.5 rounded-sm" style={{ background: look.fill }} />
            <span className="sr-only">{text}</span>
          </li>
        );
      })}
    </ol>
  );
}
