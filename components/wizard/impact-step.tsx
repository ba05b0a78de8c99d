// Step 1: what a delete removes, counted by the server, and what it leaves in place.
import { countOf, formatBytes } from "@/components/format";
import type { DeletionImpact } from "./use-deletion-impact";

export function ImpactStep({ impact }: { impact: DeletionImpact }) {
  const { removed, kept } = impact;
  const rows: { key: string; label: string; value: string }[] = [
    { key: "jobs", label: "Jobs", value: countOf(removed.jobs, "job", "jobs") },
    { key: "job-states", label: "Job states (incremental cursors)", value: countOf(removed.job_states, "state", "states") },
    { key: "executions", label: "Executions", value: countOf(removed.executions, "run", "runs") },
    { key: "execution-logs", label: "Execution log lines", value: countOf(removed.execution_logs, "line", "lines") },
    { key: "schedule", label: "Schedule", value: removed.schedule ? "its schedule" : "none" },
    { key: "keys", label: "API keys", value: countOf(removed.keys, "key", "keys") },
    { key: "shares", label: "Shares", value: countOf(removed.shares, "person", "people") },
    {
      key: "storage-records",
      label: "Stored records",
      value: `${countOf(removed.storage_records, "record", "records")} (${formatBytes(removed.storage_bytes)})`,
    },
    {
      key: "storage-files",
      label: "Checkpoint files",
      value: `${countOf(removed.storage_files, "file", "files")} (${formatBytes(removed.storage_file_bytes)})`,
    },
  ];

  return (
    <div className="grid gap-4 md:grid-cols-2">
      <section aria-labelledby="impact-removed" className="rounded-md border border-red-200 bg-red-50/40 p-4">
        <h3 id="impact-removed" className="font-semibold text-bad">
          Removed for good
        </h3>
        <dl className="mt-2 divide-y divide-red-100 text-sm">
          {rows.map((row) => (
            <div key={row.key} className="flex flex-wrap justify-between gap-x-4 py-1.5">
              <dt className="text-ink-muted">{row.label}</dt>
              <dd className="font-medium tabular-nums" data-testid={`impact-${row.key}`}>
                {row.value}
              </dd>
            </div>
          ))}
        </dl>
        {impact.running_executions > 0 && (
          <p className="mt-3 text-sm text-bad" data-testid="impact-running">
            {countOf(impact.running_executions, "execution is", "executions are")} pending or executing now: step 2 pauses the pipeline and stops them.
          </p>
        )}
      </section>
      <section aria-labelledby="impact-kept" className="rounded-md border border-green-200 bg-green-50/40 p-4">
        <h3 id="impact-kept" className="font-semibold text-ok">
          Kept
        </h3>
        <div className="mt-2 space-y-3 text-sm">
          <div>
            <p className="text-ink-muted">Connections it uses (sources and destinations):</p>
            {kept.resources.length === 0 ? (
              <p className="font-medium">none</p>
            ) : (
              <ul className="mt-1 list-inside list-disc" data-testid="impact-kept-resources">
                {kept.resources.map((resource) => (
                  <li key={resource.id} className="break-words">
                    <span className="font-medium">{resource.name}</span>{" "}
                    <span className="text-ink-muted">
                      ({resource.kind}, {resource.connector})
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </div>
          <div>
            <p className="text-ink-muted">Destination tables and the data in them:</p>
            {kept.destination_tables.length === 0 ? (
              <p className="font-medium">none</p>
            ) : (
              <ul className="mt-1 list-inside list-disc font-mono" data-testid="impact-kept-tables">
                {kept.destination_tables.map((table) => (
                  <li key={table} className="break-all">
                    {table}
                  </li>
                ))}
              </ul>
            )}
          </div>
          <p className="text-ink-muted">Source data is never touched. The audit log keeps its record of this pipeline.</p>
        </div>
      </section>
    </div>
  );
}
