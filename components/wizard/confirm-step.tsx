"use client";

// Step 3: the last look (what the server will still do, what goes), then the typed-name
// confirmation that starts the decommission on the server.
import { useState } from "react";
import { errorMessage } from "@/components/api-client";
import { ActionWithReason } from "@/components/danger-zone/action-with-reason";
import { formatCount } from "@/components/format";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import type { DeletionImpact } from "./use-deletion-impact";
import { useStartDecommission, type Decommission } from "./use-decommission";
import { deleteBlockedReason, remainingWork, type WizardState } from "./wizard-steps";

interface ConfirmStepProps {
  org: string;
  impact: DeletionImpact;
  state: WizardState;
  onStarted: (plan: Decommission) => void;
}

function Check({ ok, children, testId }: { ok: boolean; children: string; testId: string }) {
  return (
    <li className="flex items-start gap-2" data-testid={testId} data-ok={ok}>
      <span aria-hidden className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs ${ok ? "bg-ok text-white" : "bg-surface-sunken text-ink-muted"}`}>
        {ok ? "✓" : "–"}
      </span>
      <span>
        {children}
        <span className="sr-only">{ok ? " (done)" : " (the server will do it)"}</span>
      </span>
    </li>
  );
}

export function ConfirmStep({ org, impact, state, onStarted }: ConfirmStepProps) {
  const name = impact.pipeline.name;
  const start = useStartDecommission(org, impact.pipeline.id);
  const [open, setOpen] = useState(false);
  const blocked = deleteBlockedReason(state);
  const runs = impact.removed.executions;
  const records = impact.removed.storage_records;

  return (
    <div className="space-y-4">
      <ul className="space-y-2 text-sm">
        <Check ok={!state.active} testId="check-paused">
          The pipeline is paused.
        </Check>
        <Check ok={state.running === 0} testId="check-no-runs">
          No execution is pending or executing.
        </Check>
        <Check ok={state.storageStatus === "Cleared"} testId="check-cleared">
          Its storage is cleared.
        </Check>
      </ul>
      <p className="text-sm" data-testid="remaining-work">
        On confirming, the server will {remainingWork(state).join(", then ")}; you can follow it here or close the page.
      </p>
      <p className="text-sm text-ink-muted">
        Deleting removes {formatCount(runs)} {runs === 1 ? "execution" : "executions"}, its jobs, keys, shares
        {impact.removed.schedule ? " and schedule" : ""}
        {records ? ` and ${formatCount(records)} stored ${records === 1 ? "record" : "records"}` : ""}. Connections and destination tables stay. This
        cannot be undone (its configuration is kept in the audit log, to recreate it).
      </p>
      <ActionWithReason testId="open-delete-dialog" variant="danger" align="start" disabledReason={blocked} onClick={() => setOpen(true)}>
        Delete pipeline…
      </ActionWithReason>
      <TypedConfirmDialog
        open={open}
        title={`Delete pipeline ${name}?`}
        consequence={
          <p>
            The server pauses it, stops its runs, clears its storage, then removes the pipeline, its jobs and job states, {formatCount(runs)}{" "}
            {runs === 1 ? "execution" : "executions"} with their logs, its keys and shares for good. Connections and destination tables stay.
          </p>
        }
        name={name}
        verb="Delete"
        reasonLabel="Reason (optional, kept in the audit log)"
        pending={start.isPending}
        error={start.isError ? `Could not start deleting ${name}: ${errorMessage(start.error)}` : null}
        onCancel={() => {
          start.reset();
          setOpen(false);
        }}
        onConfirm={(reason) =>
          start.mutate(
            { confirmName: name, reason },
            {
              onSuccess: (plan) => {
                setOpen(false);
                onStarted(plan);
              },
            },
          )
        }
        testId="delete-dialog"
      />
    </div>
  );
}
