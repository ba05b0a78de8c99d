"use client";

// Pause or resume the selected pipelines: one request each, and a report of how each one went,
// with the API's reason when it refused. Delete goes to the server as one confirmed request
// (bulk-delete-dialog.tsx), whose progress is followed below the bar.
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/api-client";
import type { Me } from "@/components/console/use-me";
import { BulkDeleteButton, BulkDeleteDialog, type BulkDeletion } from "./bulk-delete-dialog";
import { BulkDeleteProgress } from "./bulk-delete-progress";
import type { SelectedPipeline } from "./types";
import { useBulkPipelineAction, type BulkAction, type BulkResult } from "./use-pipelines";

const DONE: Record<BulkAction, string> = { pause: "Paused", resume: "Resumed" };
const DOING: Record<BulkAction, string> = { pause: "Pausing", resume: "Resuming" };

const plural = (n: number) => `${n} ${n === 1 ? "pipeline" : "pipelines"}`;

interface BulkActionsProps {
  org: string;
  me: Pick<Me, "id" | "role">;
  /** Selected pipelines by id. */
  selected: Map<string, SelectedPipeline>;
  onClear: () => void;
  onDone: () => void;
}

interface Report {
  action: BulkAction;
  results: BulkResult[];
}

export function BulkActions({ org, me, selected, onClear, onDone }: BulkActionsProps) {
  const bulk = useBulkPipelineAction(org);
  const [confirmingDelete, setConfirmingDelete] = useState<Map<string, SelectedPipeline> | null>(null);
  const [deletion, setDeletion] = useState<BulkDeletion | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const targets = [...selected].map(([id, pipeline]) => ({ id, name: pipeline.pipeline_name }));

  function run(action: BulkAction) {
    setReport(null);
    setFailure(null);
    bulk.mutate(
      { action, targets },
      {
        onSuccess: (results) => {
          setReport({ action, results });
          onDone();
        },
        onError: (error) => setFailure(errorMessage(error)),
      },
    );
  }

  return (
    <>
      {selected.size > 0 && (
        <div
          role="region"
          aria-label="Bulk actions"
          className="card flex flex-wrap items-center gap-2 border-brand-500 bg-brand-50 px-4 py-3"
          data-testid="bulk-bar"
        >
          <span className="mr-auto text-sm font-medium" data-testid="bulk-count">
            {plural(selected.size)} selected
          </span>
          <button type="button" className="btn-secondary" disabled={bulk.isPending} onClick={() => run("pause")} data-testid="bulk-pause">
            Pause
          </button>
          <button type="button" className="btn-secondary" disabled={bulk.isPending} onClick={() => run("resume")} data-testid="bulk-resume">
            Resume
          </button>
          <BulkDeleteButton me={me} selected={selected} disabled={bulk.isPending} onOpen={() => setConfirmingDelete(new Map(selected))} />
          <button type="button" className="btn-secondary" disabled={bulk.isPending} onClick={onClear}>
            Clear selection
          </button>
          {bulk.isPending && bulk.variables && (
            <p role="status" className="basis-full text-sm text-ink-muted">
              {DOING[bulk.variables.action]} {plural(bulk.variables.targets.length)}…
            </p>
          )}
        </div>
      )}
      {failure && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad">
          {failure}
        </p>
      )}
      {report && <BulkReport report={report} onDismiss={() => setReport(null)} />}
      <BulkDeleteDialog
        org={org}
        me={me}
        selected={confirmingDelete}
        onClose={() => setConfirmingDelete(null)}
        onAccepted={(accepted) => {
          setConfirmingDelete(null);
          setDeletion(accepted);
          onDone();
        }}
      />
      {/* After the dialog: its effect runs once the dialog has closed, so it can take the focus. */}
      {deletion && <BulkDeleteProgress org={org} deletion={deletion} onDismiss={() => setDeletion(null)} />}
    </>
  );
}

function BulkReport({ report, onDismiss }: { report: Report; onDismiss: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const succeeded = report.results.filter((r) => r.ok).length;
  const failed = report.results.length - succeeded;
  // The bar that started the action is gone: focus moves to what it produced.
  useEffect(() => heading.current?.focus(), [report]);
  return (
    <section aria-labelledby="bulk-report-heading" className="card p-4" data-testid="bulk-results">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="bulk-report-heading" ref={heading} tabIndex={-1} className="text-base font-semibold">
          {DONE[report.action]} {succeeded} of {plural(report.results.length)}
        </h2>
        <button type="button" className="btn-secondary py-1" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
      <p role="status" className="mt-1 text-sm text-ink-muted" data-testid="bulk-summary">
        {succeeded} succeeded, {failed} failed.
      </p>
      <ul className="mt-3 divide-y divide-gray-100 text-sm">
        {report.results.map((result) => (
          <li
            key={result.id}
            className="flex flex-col gap-0.5 py-2 sm:flex-row sm:gap-3"
            data-testid="bulk-result"
            data-name={result.name}
            data-ok={result.ok}
          >
            <span className="min-w-0 break-all font-medium sm:w-64 sm:shrink-0">{result.name}</span>
            {result.ok ? (
              <span className="text-ok">
                <span aria-hidden>✓ </span>
                {DONE[report.action]}
              </span>
            ) : (
              <span className="text-bad">
                <span aria-hidden>✗ </span>
                Failed: {result.message}
              </span>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
