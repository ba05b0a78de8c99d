"use client";

// Where a decommission stands, as the server drives it: its four steps with what each did, the
// storage clear's live progress, who started it and why, and Cancel until the delete step. Any
// tab, and anyone coming back to the page, sees the same.
import Link from "next/link";
import { useEffect, useRef } from "react";
import { errorMessage } from "@/components/api-client";
import { formatDateTime } from "@/components/format";
import { StorageProgress } from "@/components/storage/storage-progress";
import { useStorageProgress } from "@/components/storage/use-storage";
import { ConfirmInline, useConfirmStep } from "@/components/ui/confirm-inline";
import { PLAN_STEPS, STATE_WORDS } from "./decommission-steps";
import { isUnderWay, useCancelDecommission, type Decommission } from "./use-decommission";

interface DecommissionProgressProps {
  org: string;
  plan: Decommission;
  /** The owner or an admin: may cancel. */
  canChange: boolean;
}

const STATUS_MARK: Record<string, string> = { done: "✓", running: "…", skipped: "–", cancelled: "✗", pending: "" };

export function DecommissionProgress({ org, plan, canChange }: DecommissionProgressProps) {
  const live = isUnderWay(plan);
  const heading = useRef<HTMLHeadingElement>(null);
  // An end is news: the heading takes the focus, so it is read out.
  useEffect(() => {
    if (!live) heading.current?.focus();
  }, [live]);

  return (
    <section aria-labelledby="decommission-heading" className="card space-y-4 p-4 sm:p-6" data-testid="decommission" data-state={plan.state}>
      <div className="space-y-1">
        <h2 id="decommission-heading" ref={heading} tabIndex={-1} className="text-lg font-semibold focus:outline-none" data-testid="decommission-heading">
          {headline(plan)}
        </h2>
        <p className="text-sm text-ink-muted">
          Started by {plan.started_by} {formatDateTime(plan.started_at)}
          {plan.reason ? ` · Reason: ${plan.reason}` : ""}. The server carries it out: you can close this page.
        </p>
      </div>
      <ol className="space-y-2" aria-label="Steps of the deletion" data-testid="decommission-steps">
        {PLAN_STEPS.map(({ step, name }) => {
          const s = plan.steps.find((x) => x.step === step);
          const status = s?.status ?? "pending";
          return (
            <li key={step} className="flex items-start gap-3 rounded-md border border-gray-200 px-3 py-2" data-testid={`decommission-step-${step}`} data-status={status}>
              <span
                aria-hidden
                className={`mt-0.5 flex h-6 w-6 shrink-0 items-center justify-center rounded-full text-xs font-semibold ${
                  status === "done" ? "bg-ok text-white" : status === "running" ? "bg-brand-600 text-white" : status === "cancelled" ? "bg-bad text-white" : "bg-surface-sunken text-ink-muted"
                }`}
              >
                {STATUS_MARK[status]}
              </span>
              <div className="min-w-0 flex-1 text-sm">
                <p className="font-medium">
                  {name}
                  <span className="sr-only"> ({status})</span>
                </p>
                {s?.detail && <p className="text-ink-muted">{s.detail}</p>}
                {step === "clearing" && status === "running" && <ClearBar org={org} plan={plan} />}
              </div>
            </li>
          );
        })}
      </ol>
      {plan.state === "failed" && plan.error && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="decommission-error">
          It stopped: {plan.error}
        </p>
      )}
      {live && plan.error && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-warn" data-testid="decommission-retrying">
          The last try failed ({plan.error}); the server tries again.
        </p>
      )}
      <Outcome org={org} plan={plan} canChange={canChange} />
    </section>
  );
}

function headline(plan: Decommission): string {
  switch (plan.state) {
    case "done":
      return `${plan.pipeline_name} was deleted`;
    case "cancelled":
      return `The deletion of ${plan.pipeline_name} was cancelled`;
    case "failed":
      return `The deletion of ${plan.pipeline_name} failed`;
    default:
      return `Deleting ${plan.pipeline_name}: ${STATE_WORDS[plan.state]?.toLowerCase() ?? plan.state}`;
  }
}

/** The clear's bar, from the storage's live progress (the plan's counts until the first event). */
function ClearBar({ org, plan }: { org: string; plan: Decommission }) {
  const storage = useStorageProgress(org, { id: plan.pipeline_id, name: plan.pipeline_name }, "Clearing");
  return (
    <div className="mt-2">
      <StorageProgress progress={storage.progress} seenAt={storage.seenAt} pipelineName={plan.pipeline_name} finishedAt={storage.finishedAt} />
    </div>
  );
}

function Outcome({ org, plan, canChange }: DecommissionProgressProps) {
  const cancel = useCancelDecommission(org, plan.pipeline_id);
  const { confirming, openerRef, open, cancel: closeConfirm } = useConfirmStep();
  const live = isUnderWay(plan);
  if (plan.state === "done") {
    return (
      <Link href="/pipelines" className="btn-primary" data-testid="decommission-back">
        Back to the pipelines
      </Link>
    );
  }
  if (!live) {
    return (
      <div className="flex flex-wrap gap-2">
        <Link href={`/pipelines/${plan.pipeline_id}`} className="btn-secondary">
          Open {plan.pipeline_name} (paused)
        </Link>
        {canChange && (
          <Link href={`/pipelines/${plan.pipeline_id}/delete?step=3`} className="btn-danger" data-testid="decommission-again">
            Start the deletion again…
          </Link>
        )}
      </div>
    );
  }
  if (!canChange) return <p className="text-sm text-ink-muted">Only the owner or an admin can cancel it.</p>;
  if (plan.state === "deleting") return <p className="text-sm text-ink-muted">It is being deleted now: too late to cancel.</p>;
  return (
    <div className="space-y-2">
      {confirming ? (
        <ConfirmInline
          question={`Cancel the deletion of ${plan.pipeline_name}? It stays paused${plan.state === "clearing" ? "; the storage clear under way runs to its end" : ""}.`}
          confirmLabel="Cancel the deletion"
          pendingLabel="Cancelling…"
          pending={cancel.isPending}
          onConfirm={() => cancel.mutate(undefined, { onSettled: closeConfirm })}
          onCancel={closeConfirm}
          testId="cancel-decommission"
        />
      ) : (
        <button ref={openerRef} type="button" className="btn-secondary" onClick={open} data-testid="cancel-decommission-open">
          Cancel the deletion…
        </button>
      )}
      {cancel.isError && (
        <p role="alert" className="text-sm text-bad" data-testid="cancel-decommission-error">
          Could not cancel: {errorMessage(cancel.error)}
        </p>
      )}
    </div>
  );
}
