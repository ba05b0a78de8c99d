"use client";

// The second step of a lifecycle action, in place: what will happen, an optional reason for the
// audit log, and the choice. Focus starts on Cancel, so a stray Enter changes nothing.
import { useEffect, useId, useRef, useState } from "react";

interface ReasonConfirmProps {
  question: string;
  detail?: string;
  confirmLabel: string;
  pendingLabel: string;
  pending: boolean;
  danger?: boolean;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  testId: string;
}

export function ReasonConfirm({ question, detail, confirmLabel, pendingLabel, pending, danger = false, onConfirm, onCancel, testId }: ReasonConfirmProps) {
  const id = useId();
  const [reason, setReason] = useState("");
  const cancelRef = useRef<HTMLButtonElement>(null);
  useEffect(() => cancelRef.current?.focus(), []);

  return (
    <div
      role="alertdialog"
      aria-modal="false"
      aria-labelledby={`${id}-question`}
      aria-describedby={detail ? `${id}-detail` : undefined}
      data-testid={testId}
      className="space-y-3 rounded-md border border-gray-200 bg-surface-muted p-3"
      onKeyDown={(event) => {
        if (event.key === "Escape" && !pending) {
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <p id={`${id}-question`} className="text-sm font-medium">
        {question}
      </p>
      {detail && (
        <p id={`${id}-detail`} className="text-sm text-ink-muted">
          {detail}
        </p>
      )}
      <div>
        <label htmlFor={`${id}-reason`} className="label">
          Reason <span className="font-normal text-ink-faint">(optional, kept in the audit log)</span>
        </label>
        <input
          id={`${id}-reason`}
          className="input"
          value={reason}
          maxLength={500}
          onChange={(event) => setReason(event.target.value)}
          data-testid={`${testId}-reason`}
        />
      </div>
      <div className="flex flex-wrap justify-end gap-2">
        <button ref={cancelRef} type="button" className="btn-secondary" onClick={onCancel} disabled={pending} data-testid={`${testId}-cancel`}>
          Cancel
        </button>
        <button
          type="button"
          className={danger ? "btn-danger" : "btn-primary"}
          onClick={() => onConfirm(reason.trim())}
          disabled={pending}
          data-testid={`${testId}-yes`}
        >
          {pending ? pendingLabel : confirmLabel}
        </button>
      </div>
    </div>
  );
}
