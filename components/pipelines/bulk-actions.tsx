"use client";

// Pause or resume the selected pipelines (the same small form and Undo as everywhere), with a
// report of how each one went and the API's reason when it refused; the selection stays for a
// next action. Delete goes to the server as one confirmed request (bulk-delete-dialog.tsx),
// whose progress is followed below the bar. The bar sticks to the top of the screen while
// rows are selected, so its actions stay at hand however far the list is scrolled.
import { useEffect, useRef, useState } from "react";
import type { Me } from "@/components/console/use-me";
import { pipelinesWord } from "./bulk-delete";
import { BulkDeleteButton } from "./bulk-delete-button";
import type { BulkDeletion } from "./bulk-delete-dialog";
import { LazyBulkDeleteDialog, LazyBulkDeleteProgress, preloadBulkDelete } from "./lazy-bulk-delete";
import { PauseForm, type PauseChoice } from "./pause-form";
import type { Pipeline, SelectedPipeline } from "./types";
import { usePauseWithUndo, type PauseOutcome } from "./use-pause-with-undo";

type PauseAction = "pause" | "resume";
const DONE: Record<PauseAction, string> = { pause: "Paused", resume: "Resumed" };


interface BulkActionsProps {
  org: string;
  me: Pick<Me, "id" | "role">;
  /** Selected pipelines by id. */
  selected: Map<string, SelectedPipeline>;
  /** The rows on screen (the selection is always among them). */
  rows: Pipeline[];
  onClear: () => void;
  onDone: () => void;
}

interface Report {
  action: PauseAction;
  results: PauseOutcome[];
}

export function BulkActions({ org, me, selected, rows, onClear, onDone }: BulkActionsProps) {
  const pause = usePauseWithUndo(org);
  const [askingPause, setAskingPause] = useState(false);
  const pauseButton = useRef<HTMLButtonElement>(null);
  const [confirmingDelete, setConfirmingDelete] = useState<Map<string, SelectedPipeline> | null>(null);
  // The dialog is mounted from the first Delete… on: its module is fetched only then.
  const [dialogWanted, setDialogWanted] = useState(false);
  const [deletion, setDeletion] = useState<BulkDeletion | null>(null);
  const [report, setReport] = useState<Report | null>(null);
  const selectedRows = rows.filter((row) => selected.has(row.id));

  async function setActive(active: boolean, choice?: PauseChoice) {
    setReport(null);
    const results = await pause.change(selectedRows, active, choice);
    setReport({ action: active ? "resume" : "pause", results });
  }

  function closePause() {
    setAskingPause(false);
    pauseButton.current?.focus();
  }

  return (
    <>
      {selected.size > 0 && (
        <div
          role="region"
          aria-label="Bulk actions"
          className="card sticky top-0 z-20 flex flex-wrap items-center gap-2 border-brand-500 bg-brand-50 px-4 py-3 shadow-md"
          data-testid="bulk-bar"
        >
          <span className="mr-auto text-sm font-medium" data-testid="bulk-count">
            {pipelinesWord(selected.size)} selected
          </span>
          <span className="relative">
            <button
              ref={pauseButton}
              type="button"
              className="btn-secondary"
              disabled={pause.pending}
              aria-expanded={askingPause}
              onClick={() => setAskingPause((open) => !open)}
              data-testid="bulk-pause"
            >
              Pause…
            </button>
            {askingPause && (
              <span className="absolute left-0 top-full z-30 mt-1 block">
                <PauseForm
                  question={`Pause ${pipelinesWord(selectedRows.length)}?`}
                  detail="No scheduled or manual run of them starts while paused; runs already going carry on."
                  verb="Pause"
                  confirmLabel={`Pause ${pipelinesWord(selectedRows.length)}`}
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
          <button type="button" className="btn-secondary" disabled={pause.pending} onClick={() => void setActive(true)} data-testid="bulk-resume">
            Resume
          </button>
          <BulkDeleteButton
            me={me}
            selected={selected}
            disabled={pause.pending}
            onOpen={() => {
              setDialogWanted(true);
              setConfirmingDelete(new Map(selected));
            }}
            onReach={preloadBulkDelete}
          />
          <button type="button" className="btn-secondary" disabled={pause.pending} onClick={onClear}>
            Clear selection
          </button>
          {pause.pending && (
            <p role="status" className="basis-full text-sm text-ink-muted">
              Working on {pipelinesWord(selectedRows.length)}…
            </p>
          )}
        </div>
      )}
      {report && <BulkReport report={report} onDismiss={() => setReport(null)} />}
      {/* Mounted from the first Delete… on, and kept: it closes as it always did. */}
      {dialogWanted && (
        <LazyBulkDeleteDialog
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
      )}
      {/* After the dialog: its effect runs once the dialog has closed, so it can take the focus. */}
      {deletion && <LazyBulkDeleteProgress org={org} deletion={deletion} onDismiss={() => setDeletion(null)} />}
    </>
  );
}

function BulkReport({ report, onDismiss }: { report: Report; onDismiss: () => void }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const succeeded = report.results.filter((r) => r.ok).length;
  const failed = report.results.length - succeeded;
  // The report is news: focus moves to it.
  useEffect(() => heading.current?.focus(), [report]);
  return (
    <section aria-labelledby="bulk-report-heading" className="card p-4" data-testid="bulk-results">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="bulk-report-heading" ref={heading} tabIndex={-1} className="text-base font-semibold">
          {DONE[report.action]} {succeeded} of {pipelinesWord(report.results.length)}
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
