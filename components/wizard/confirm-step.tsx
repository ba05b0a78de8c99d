"use client";

// Step 4: the last look, then the typed-name confirmation and the delete itself.
import { useState } from "react";
import { errorMessage } from "@/components/api-client";
import { ActionWithReason } from "@/components/danger-zone/action-with-reason";
import { formatCount } from "@/components/storage/progress-math";
import { TypedConfirmDialog } from "@/components/ui/typed-confirm-dialog";
import type { DeletionImpact } from "./use-deletion-impact";
import { useDeletePipeline } from "./use-deletion-impact";
import { deleteBlockedReason, type WizardState } from "./wizard-steps";

interface ConfirmStepProps {
  org: string;
  impact: DeletionImpact;
  state: WizardState;
  onDeleted: (name: string) => void;
}

function Check({ ok, children, testId }: { ok: boolean; children: string; testId: string }) {
  return (
    <li className="flex items-start gap-2" data-testid={testId} data-ok={ok}>
      <span aria-hidden className={`mt-0.5 flex h-5 w-5 shrink-0 items-center justify-center rounded-full text-xs ${ok ? "bg-ok text-white" : "bg-surface-sunken text-ink-muted"}`}>
        {ok ? "✓" : "–"}
      </span>
      <span>
        {children}
        <span className="sr-only">{ok ? " (done)" : " (not yet)"}</span>
      </span>
    </li>
  );
}

export function ConfirmStep({ org, impact, state, onDeleted }: ConfirmStepProps) {
  const name = impact.pipeline.name;
  const remove = useDeletePipeline(org, impact.pipeline.id);
  const [open, setOpen] = useState(false);
  const blocked = deleteBlockedReason(state);

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
      <p className="text-sm text-ink-muted">
        Deleting removes {formatCount(impact.removed.executions)} {impact.removed.executions === 1 ? "execution" : "executions"}, its jobs, keys, shares
        {impact.removed.schedule ? " and schedule" : ""}. Connections and destination tables stay. This cannot be undone.
      </p>
      <ActionWithReason testId="open-delete-dialog" variant="danger" align="start" disabledReason={blocked} onClick={() => setOpen(true)}>
        Delete pipeline…
      </ActionWithReason>
      <TypedConfirmDialog
        open={open}
        title={`Delete pipeline ${name}?`}
        consequence={
          <>
            <p>
              The pipeline, its jobs and job states, {formatCount(impact.removed.executions)} {impact.removed.executions === 1 ? "execution" : "executions"} with
              their logs, its keys and shares are removed for good. Connections and destination tables stay.
            </p>
          </>
        }
        name={name}
        verb="Delete"
        reasonLabel="Reason (optional, kept in the audit log)"
        pending={remove.isPending}
        error={remove.isError ? `Could not delete ${name}: ${errorMessage(remove.error)}` : null}
        onCancel={() => {
          remove.reset();
          setOpen(false);
        }}
        onConfirm={(reason) => remove.mutate(reason, { onSuccess: () => onDeleted(name) })}
        testId="delete-dialog"
      />
    </div>
  );
}
