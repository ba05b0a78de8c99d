"use client";

// A bulk delete as the server carries it out: each accepted pipeline's decommission as it moves
// (pausing → stopping runs → clearing storage → deleting → deleted), live by events, the refused
// ones with the server's reason, and a summary once all have ended. It holds its own list of
// names, so it stays whole while the deleted rows leave the table under it.
import { useEffect, useRef } from "react";
import { errorMessage } from "@/components/api-client";
import { percentOf } from "@/components/storage/progress-math";
import { useStorageProgress } from "@/components/storage/use-storage";
import { useDecommissions, type Decommission } from "@/components/wizard/use-decommission";
import { clearPercent, deletionSummary, pipelinesWord, planStateText, type OutcomeState } from "./bulk-delete";
import type { BulkDeletion } from "./bulk-delete-dialog";

interface BulkDeleteProgressProps {
  org: string;
  deletion: BulkDeletion;
  onDismiss: () => void;
}

export function BulkDeleteProgress({ org, deletion, onDismiss }: BulkDeleteProgressProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  const accepted = deletion.outcomes.filter((o) => o.status === "accepted").map((o) => o.id);
  const plans = useDecommissions(org, accepted);
  const planOf = new Map(accepted.map((id, i) => [id, plans[i]]));
  const states: OutcomeState[] = deletion.outcomes.map((outcome) => {
    if (outcome.status === "refused") return "refused";
    const plan = planOf.get(outcome.id)?.data;
    return plan === undefined ? "loading" : plan === null ? "missing" : plan.state;
  });
  const summary = deletionSummary(states);

  // The dialog and the bar that started it are gone: focus moves to what it produced.
  useEffect(() => heading.current?.focus(), [deletion]);

  return (
    <section aria-labelledby="bulk-delete-progress-heading" className="card p-4" data-testid="bulk-delete-progress" data-ended={summary.ended}>
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h2 id="bulk-delete-progress-heading" ref={heading} tabIndex={-1} className="text-base font-semibold focus:outline-none">
          {summary.ended ? `Deleting ${pipelinesWord(deletion.outcomes.length)}: finished` : `Deleting ${pipelinesWord(deletion.outcomes.length)}`}
        </h2>
        <button type="button" className="btn-secondary py-1" onClick={onDismiss} data-testid="bulk-delete-dismiss">
          {summary.ended ? "Dismiss" : "Hide"}
        </button>
      </div>
      {/* Polite: the counts change a few times per pipeline, never with every row cleared. */}
      <p role="status" aria-live="polite" className="mt-1 text-sm text-ink-muted" data-testid="bulk-delete-summary">
        {summary.text}
      </p>
      {!summary.ended && <p className="mt-1 text-xs text-ink-faint">The server carries on if you leave this page.</p>}
      <ul className="mt-3 divide-y divide-gray-100 text-sm">
        {deletion.outcomes.map((outcome, i) => (
          <li
            key={outcome.id}
            className="flex flex-col gap-1 py-2 sm:flex-row sm:items-start sm:gap-3"
            data-testid="bulk-delete-result"
            data-name={outcome.name}
            data-state={states[i]}
          >
            <span className="min-w-0 break-all font-medium sm:w-64 sm:shrink-0">{outcome.name}</span>
            {outcome.status === "refused" ? (
              <span className="text-bad">
                <span aria-hidden>✗ </span>
                Refused: {outcome.detail}
              </span>
            ) : (
              <PlanProgress org={org} id={outcome.id} name={outcome.name} query={planOf.get(outcome.id)} />
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}

interface PlanProgressProps {
  org: string;
  id: string;
  name: string;
  query: ReturnType<typeof useDecommissions>[number] | undefined;
}

function PlanProgress({ org, id, name, query }: PlanProgressProps) {
  const plan = query?.data;
  const clearing = plan?.state === "clearing";
  // Storage events move the bar between the plan's own reads (it is announced per step only).
  const storage = useStorageProgress(org, { id, name }, "Clearing", { enabled: clearing });
  if (plan === undefined) {
    return <span className="text-ink-muted">{query?.error ? `Could not read its progress: ${errorMessage(query.error)}` : "Starting…"}</span>;
  }
  if (plan === null) return <span className="text-ink-muted">Its progress cannot be read.</span>;
  const fromStorage = storage.progress.status === "Clearing" && storage.progress.totalRows > 0 ? percentOf(storage.progress) : 0;
  const percent = Math.max(clearPercent(plan.progress.done_rows, plan.progress.total_rows), fromStorage);
  return (
    <div className="min-w-0 flex-1 space-y-1">
      <span className={TONE[plan.state]} data-testid="bulk-delete-state">
        <span aria-hidden>{ICON[plan.state]} </span>
        {planStateText(plan, percent)}
      </span>
      {clearing && (
        <div
          role="progressbar"
          aria-label={`Clearing the storage of ${name}`}
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={percent}
          className="h-1.5 w-full max-w-xs overflow-hidden rounded-full bg-surface-sunken"
        >
          <div className="h-full rounded-full bg-brand-500 transition-[width] duration-300" style={{ width: `${percent}%` }} />
        </div>
      )}
    </div>
  );
}

const TONE: Record<Decommission["state"], string> = {
  pausing: "text-ink-muted",
  stopping: "text-ink-muted",
  clearing: "text-ink-muted",
  deleting: "text-ink-muted",
  done: "text-ok",
  cancelled: "text-warn",
  failed: "text-bad",
};

const ICON: Record<Decommission["state"], string> = {
  pausing: "…",
  stopping: "…",
  clearing: "…",
  deleting: "…",
  done: "✓",
  cancelled: "–",
  failed: "✗",
};
