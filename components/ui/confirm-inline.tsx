"use client";

import { useEffect, useRef } from "react";

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
