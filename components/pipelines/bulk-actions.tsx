"use client";

// Pause, resume or delete the selected pipelines: one request each, and a report of how each
// one went, with the API's reason when it refused.
import { useEffect, useRef, useState } from "react";
import { errorMessage } from "@/components/api-client";
import { Modal } from "./modal";
import { PauseForm, type PauseChoice } from "./pause-form";
import type { Pipeline } from "./types";
import { usePause } from "./use-pause";
import { useBulkPipelineAction, type BulkAction, type BulkResult } from "./use-pipelines";

const DONE: Record<BulkAction, string> = { pause: "Paused", resume: "Resumed", delete: "Deleted" };
const DOING: Record<BulkAction, string> = { pause: "Pausing", resume: "Resuming", delete: "Deleting" };

const plural = (n: number) => `${n} ${n === 1 ? "pipeline" : "pipelines"}`;

interface BulkActionsProps {
  org: string;
  /** Selected pipelines: id → name. */
  selected: Map<string, string>;
  /** The rows on screen (the selection is always among them). */
  rows: Pipeline[];
  onClear: () => void;
  onDone: () => void;
}

interface Report {
  action: BulkAction;
  results: BulkResult[];
}

export function BulkActions({ org, selected, rows, onClear, onDone }: BulkActionsProps) {
  const bulk = useBulkPipelineAction(org);
  const pause = usePause(org);
  const [confirmingDelete, setConfirmingDelete] = useState(false);
  const [askingPause, setAskingPause] = useState(false);
  const pauseButton = useRef<HTMLButtonElement>(null);
  const [report, setReport] = useState<Report | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const targets = [...selected].map(([id, name]) => ({ id, name }));
  const selectedRows = rows.filter((row) => selected.has(row.id));

  /** Pause (with the popover's choice) or resume; the selection stays, for a next action. */
  async function setActive(active: boolean, choice?: PauseChoice) {
    setReport(null);
    setFailure(null);
    const outcomes = await pause.change(selectedRows, active, choice);
    setReport({ action: active ? "resume" : "pause", results: outcomes.map((o) => ({ id: o.id, name: o.name, ok: o.ok, message: o.message })) });
  }

  function closePause() {
    setAskingPause(false);
    pauseButton.current?.focus();
  }

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
        onSettled: () => setConfirmingDelete(false),
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
          <span className="relative">
            <button
              ref={pauseButton}
              type="button"
              className="btn-secondary"
              disabled={bulk.isPending || pause.pending}
              aria-expanded={askingPause}
              onClick={() => setAskingPause((open) => !open)}
              data-testid="bulk-pause"
            >
              Pause…
            </button>
            {askingPause && (
              <span className="absolute left-0 top-full z-30 mt-1 block">
                <PauseForm
                  question={`Pause ${plural(selectedRows.length)}?`}
                  detail="No scheduled or manual run of them starts while paused; runs already going carry on."
                  verb="Pause"
                  confirmLabel={`Pause ${plural(selectedRows.length)}`}
                  testId="bulk-pause-popover"
                  onCancel={closePause}
                  onConfirm={(choice) => {
                    closePause();
                    void setActive(false, choice);
                  }}
                />
              </span>
            )}
          </span>
          <button type="button" className="btn-secondary" disabled={bulk.isPending || pause.pending} onClick={() => void setActive(true)} data-testid="bulk-resume">
            Resume
          </button>
          <button type="button" className="btn-danger" disabled={bulk.isPending} onClick={() => setConfirmingDelete(true)} data-testid="bulk-delete">
            Delete…
          </button>
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
      <Modal
        open={confirmingDelete}
        onClose={() => setConfirmingDelete(false)}
        role="alertdialog"
        labelledBy="bulk-delete-title"
        describedBy="bulk-delete-consequence"
        dismissable={!bulk.isPending}
        testId="bulk-delete-dialog"
      >
        <div className="space-y-4 p-5">
          <h2 id="bulk-delete-title" className="text-lg font-semibold">
            Delete {plural(targets.length)}?
          </h2>
          <p id="bulk-delete-consequence" className="text-sm text-ink-muted">
            Each pipeline goes with its jobs, runs, logs, keys, shares, schedule and storage. Connections and destination
            tables stay. This cannot be undone.
          </p>
          <ul className="max-h-48 list-disc overflow-y-auto pl-5 text-sm" data-testid="bulk-delete-names">
            {targets.map((target) => (
              <li key={target.id} className="break-all">
                {target.name}
              </li>
            ))}
          </ul>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            {/* Focus starts on the safe choice. */}
            <button type="button" className="btn-secondary" autoFocus disabled={bulk.isPending} onClick={() => setConfirmingDelete(false)}>
              Cancel
            </button>
            <button type="button" className="btn-danger" disabled={bulk.isPending} onClick={() => run("delete")} data-testid="bulk-delete-confirm">
              {bulk.isPending ? "Deleting…" : `Delete ${plural(targets.length)}`}
            </button>
          </div>
        </div>
      </Modal>
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
