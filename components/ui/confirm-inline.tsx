"use client";

import { useEffect, useRef, useState } from "react";

interface ConfirmInlineProps {
  /** What will happen, as a question: "Remove Mia from Acme Corp?" */
  question: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  testId: string;
}

/** The second step of a destructive action, in place of the button that started it. */
export function ConfirmInline({ question, confirmLabel, pendingLabel, pending, onConfirm, onCancel, testId }: ConfirmInlineProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  // Focus lands on the safe choice, so a second Enter does not destroy anything.
  useEffect(() => cancelRef.current?.focus(), []);
  return (
    <div
      role="alertdialog"
      aria-label={question}
      aria-modal="false"
      data-testid={testId}
      className="flex flex-wrap items-center justify-end gap-2"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) onCancel();
      }}
    >
      <span className="text-sm text-ink">{question}</span>
      <button type="button" className="btn-danger py-1" onClick={onConfirm} disabled={pending} data-testid={`${testId}-yes`}>
        {pending ? pendingLabel : confirmLabel}
      </button>
      <button ref={cancelRef} type="button" className="btn-secondary py-1" onClick={onCancel} disabled={pending} data-testid={`${testId}-no`}>
        Cancel
      </button>
    </div>
  );
}

/**
 * The state of a row's inline confirm step: open it from a button, and on cancel give the
 * focus back to that button (the step goes away with the focus in it).
 */
export function useConfirmStep() {
  const [confirming, setConfirming] = useState(false);
  const openerRef = useRef<HTMLButtonElement>(null);
  return {
    confirming,
    openerRef,
    open: () => setConfirming(true),
    cancel: () => {
      setConfirming(false);
      openerRef.current?.focus();
    },
  };
}

/** A table row under the row it confirms, holding the inline confirm step. */
export function ConfirmRow({ colSpan, ...props }: ConfirmInlineProps & { colSpan: number }) {
  return (
    <tr className="bg-red-50/60">
      <td colSpan={colSpan} className="px-2 py-2">
        <ConfirmInline {...props} />
      </td>
    </tr>
  );
}
