"use client";

// Deleting several pipelines at once: the alertdialog opened by the bar's Delete…
// (bulk-delete-button.tsx) that says what goes, pipeline by pipeline and in
// all, leaves out what the user may not delete, and asks for the phrase "delete N pipelines".
// The server then deletes each one step by step (see bulk-delete-progress.tsx).
import { useMemo, useState } from "react";
import { ApiError, errorMessage } from "@/components/api-client";
import type { Me } from "@/components/console/use-me";
import { formatBytes, formatCount } from "@/components/format";
import { deletePhrase, useBulkDecommission, type BulkDecommission } from "@/components/wizard/use-decommission";
import { useDeletionImpacts, type DeletionImpact } from "@/components/wizard/use-deletion-impact";
import {
  impactFlags,
  impactTotals,
  pipelinesWord,
  splitDeletable,
  type BulkDeleteTarget,
  type ExcludedTarget,
} from "./bulk-delete";
import { Modal } from "./modal";
import type { SelectedPipeline } from "./types";

type Viewer = Pick<Me, "id" | "role">;

export const CONSEQUENCE =
  "Each is paused, its runs stopped, its storage cleared, then it is deleted with its jobs, runs, keys, shares and schedule. Connections and destination tables stay. This cannot be undone.";

/** One answer of the bulk route, with the names as they were selected (the rows may be gone). */
export interface BulkDeletion {
  batchId: string;
  outcomes: ({ id: string; name: string } & ({ status: "accepted" } | { status: "refused"; detail: string }))[];
}

function deletionOf(answer: BulkDecommission, targets: readonly BulkDeleteTarget[]): BulkDeletion {
  const names = new Map(targets.map((t) => [t.id, t.name]));
  return {
    batchId: answer.batch_id,
    outcomes: answer.results.map((result) => {
      const name = names.get(result.id) ?? (result.status === "accepted" ? result.decommission.pipeline_name : result.id);
      return result.status === "accepted" ? { id: result.id, name, status: "accepted" } : { id: result.id, name, status: "refused", detail: result.detail };
    }),
  };
}

interface BulkDeleteDialogProps {
  org: string;
  me: Viewer;
  /** The selection as it was when the dialog opened; null while closed. */
  selected: ReadonlyMap<string, SelectedPipeline> | null;
  onClose: () => void;
  /** The server took the request: each accepted pipeline is now being deleted. */
  onAccepted: (deletion: BulkDeletion) => void;
}

export function BulkDeleteDialog({ org, me, selected, onClose, onAccepted }: BulkDeleteDialogProps) {
  const start = useBulkDecommission(org);
  const close = () => {
    start.reset();
    onClose();
  };
  return (
    <Modal
      open={selected !== null}
      onClose={close}
      role="alertdialog"
      labelledBy="bulk-delete-title"
      describedBy="bulk-delete-consequence"
      dismissable={!start.isPending}
      testId="bulk-delete-dialog"
    >
      {selected && <DialogBody org={org} me={me} selected={selected} start={start} onCancel={close} onAccepted={onAccepted} />}
    </Modal>
  );
}

interface DialogBodyProps {
  org: string;
  me: Viewer;
  selected: ReadonlyMap<string, SelectedPipeline>;
  start: ReturnType<typeof useBulkDecommission>;
  onCancel: () => void;
  onAccepted: (deletion: BulkDeletion) => void;
}

function DialogBody({ org, me, selected, start, onCancel, onAccepted }: DialogBodyProps) {
  const { included, excluded } = useMemo(() => splitDeletable(selected, me), [selected, me]);
  const impacts = useDeletionImpacts(
    org,
    included.map((t) => t.id),
  );
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState("");
  const phrase = deletePhrase(included.length);
  const matches = typed.trim() === phrase;
  const counted = impacts.flatMap((q) => (q.data ? [q.data] : []));
  const totals = impactTotals(counted);
  const counting = counted.length < included.length && impacts.some((q) => q.isPending);
  const title = `Delete ${pipelinesWord(included.length)}?`;

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!matches || start.isPending) return;
    start.mutate(
      { ids: included.map((t) => t.id), confirm: typed.trim(), reason: reason.trim() },
      { onSuccess: (answer) => onAccepted(deletionOf(answer, included)) },
    );
  }

  const failure = start.error instanceof ApiError ? (start.error.fieldError("confirm") ?? errorMessage(start.error)) : start.error ? errorMessage(start.error) : null;

  return (
    <form onSubmit={submit} className="space-y-4 p-5 sm:p-6">
      <h2 id="bulk-delete-title" className="text-lg font-semibold">
        {title}
      </h2>
      <p id="bulk-delete-consequence" className="text-sm text-ink-muted" data-testid="bulk-delete-consequence">
        {CONSEQUENCE}
      </p>

      <section aria-labelledby="bulk-delete-totals-heading" aria-busy={counting || undefined} className="rounded-md border border-red-200 bg-red-50/40 p-3">
        <h3 id="bulk-delete-totals-heading" className="text-sm font-semibold text-bad">
          Removed in all
        </h3>
        <dl className="mt-1 grid grid-cols-1 gap-x-4 text-sm sm:grid-cols-2">
          <Total label="Runs" value={formatCount(totals.runs)} testId="runs" />
          <Total label="API keys" value={formatCount(totals.keys)} testId="keys" />
          <Total label="Stored records" value={formatCount(totals.records)} testId="records" />
          <Total label="Stored data" value={formatBytes(totals.bytes)} testId="bytes" />
          <Total label="Running executions" value={formatCount(totals.running)} testId="running" />
        </dl>
        {counting && (
          <p className="mt-1 text-xs text-ink-muted" data-testid="bulk-delete-counting">
            Counted for {counted.length} of {pipelinesWord(included.length)} so far…
          </p>
        )}
      </section>

      <section aria-labelledby="bulk-delete-included-heading">
        <h3 id="bulk-delete-included-heading" className="text-sm font-semibold">
          To delete ({formatCount(included.length)})
        </h3>
        <ul className="mt-1 divide-y divide-gray-100 text-sm" data-testid="bulk-delete-impacts">
          {included.map((target, i) => {
            const query = impacts[i];
            return <ImpactRow key={target.id} target={target} impact={query?.data} error={query?.error ?? null} />;
          })}
        </ul>
      </section>

      {excluded.length > 0 && <ExcludedList excluded={excluded} />}

      <div>
        <label htmlFor="bulk-delete-reason" className="label">
          Reason (optional, kept in the audit log)
        </label>
        <textarea
          id="bulk-delete-reason"
          className="input min-h-[4rem]"
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
          data-testid="bulk-delete-reason"
        />
      </div>
      <div>
        <label htmlFor="bulk-delete-phrase" className="label">
          Type <span className="font-mono font-semibold text-bad">{phrase}</span> to confirm
        </label>
        <input
          id="bulk-delete-phrase"
          // The native dialog focuses the element carrying the attribute when it opens (React's
          // autoFocus prop would focus it before the dialog is shown, which does nothing).
          ref={(input) => input?.setAttribute("autofocus", "")}
          className="input font-mono"
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          aria-describedby="bulk-delete-phrase-hint"
          data-testid="bulk-delete-phrase"
        />
        <p id="bulk-delete-phrase-hint" className="mt-1 text-xs text-ink-faint">
          {matches ? "The phrase matches." : "The button stays disabled until the phrase matches exactly."}
        </p>
      </div>
      {failure && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="bulk-delete-error">
          {failure}
        </p>
      )}
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <button type="button" className="btn-secondary" disabled={start.isPending} onClick={onCancel} data-testid="bulk-delete-cancel">
          Cancel
        </button>
        <button
          type="submit"
          className="btn-danger"
          disabled={!matches || start.isPending || included.length === 0}
          aria-describedby={matches ? undefined : "bulk-delete-phrase-hint"}
          data-testid="bulk-delete-confirm"
        >
          {start.isPending ? "Starting the deletes…" : `Delete ${pipelinesWord(included.length)}`}
        </button>
      </div>
    </form>
  );
}

function Total({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="flex justify-between gap-3 border-b border-red-100 py-1">
      <dt className="text-ink-muted">{label}</dt>
      <dd className="font-medium tabular-nums" data-testid={`bulk-delete-total-${testId}`}>
        {value}
      </dd>
    </div>
  );
}

function ImpactRow({ target, impact, error }: { target: BulkDeleteTarget; impact: DeletionImpact | undefined; error: Error | null }) {
  const missing = error instanceof ApiError && error.status === 404;
  return (
    <li className="space-y-1 py-2" data-testid="bulk-delete-impact" data-name={target.name} data-loaded={impact ? "true" : "false"}>
      <p className="break-all font-medium">{target.name}</p>
      {impact ? (
        <>
          <ul className="flex flex-wrap gap-1" aria-label={`What matters about ${target.name}`}>
            {impactFlags(impact, target).map((flag) => (
              <li
                key={flag.text}
                className={`rounded px-1.5 py-0.5 text-xs font-medium ${flag.matters ? "bg-amber-50 text-warn ring-1 ring-inset ring-amber-200" : "bg-surface-sunken text-ink-muted"}`}
                data-testid="bulk-delete-flag"
              >
                {flag.text}
              </li>
            ))}
          </ul>
          <p className="text-xs tabular-nums text-ink-muted" data-testid="bulk-delete-impact-counts">
            {formatCount(impact.removed.executions)} {impact.removed.executions === 1 ? "run" : "runs"} · {formatCount(impact.removed.storage_records)}{" "}
            {impact.removed.storage_records === 1 ? "record" : "records"} ({formatBytes(impact.removed.storage_bytes)}) · {formatCount(impact.removed.keys)}{" "}
            {impact.removed.keys === 1 ? "key" : "keys"}
          </p>
        </>
      ) : error ? (
        <p className="text-xs text-bad" data-testid="bulk-delete-impact-error">
          {missing ? "Not found: it may have been deleted already." : `Could not count what it holds: ${errorMessage(error)}`}
        </p>
      ) : (
        <p className="flex items-center gap-2 text-xs text-ink-muted" data-testid="bulk-delete-impact-loading">
          <span aria-hidden className="h-3 w-3 animate-spin rounded-full border-2 border-brand-500 border-t-transparent" />
          Counting what it holds…
        </p>
      )}
    </li>
  );
}

function ExcludedList({ excluded }: { excluded: readonly ExcludedTarget[] }) {
  return (
    <section aria-labelledby="bulk-delete-excluded-heading" className="rounded-md border border-gray-200 bg-surface-muted p-3">
      <h3 id="bulk-delete-excluded-heading" className="text-sm font-semibold">
        Left out ({formatCount(excluded.length)}): these stay
      </h3>
      <ul className="mt-1 space-y-1 text-sm" data-testid="bulk-delete-excluded">
        {excluded.map((target) => (
          <li key={target.id} className="flex flex-col sm:flex-row sm:gap-2" data-testid="bulk-delete-excluded-item" data-name={target.name}>
            <span className="break-all font-medium">{target.name}</span>
            <span className="text-ink-muted">{target.why}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
