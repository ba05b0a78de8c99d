"use client";

// The small form every pause goes through (list switch, bulk bar, danger zone, wizard): an
// optional reason, an optional time to resume by itself, Enter to confirm, Esc to cancel.
// Resuming takes a reason only.
import { useEffect, useId, useRef, useState, type FormEvent } from "react";

export interface PauseChoice {
  reason: string;
  /** ISO time the scheduler resumes it at; null: until someone resumes it. */
  resumeAt: string | null;
}

type When = "never" | "1h" | "4h" | "tomorrow" | "custom";

const WHEN_LABELS: Record<When, string> = {
  never: "Until someone resumes it",
  "1h": "In 1 hour",
  "4h": "In 4 hours",
  tomorrow: "Tomorrow at 09:00",
  custom: "At a time I choose…",
};

/** The resume time a choice means, from `now`; null for none, undefined when a custom time is missing or past. */
export function resumeTime(when: When, custom: string, now = new Date()): string | null | undefined {
  switch (when) {
    case "never":
      return null;
    case "1h":
      return new Date(now.getTime() + 3600_000).toISOString();
    case "4h":
      return new Date(now.getTime() + 4 * 3600_000).toISOString();
    case "tomorrow": {
      const at = new Date(now);
      at.setDate(at.getDate() + 1);
      at.setHours(9, 0, 0, 0);
      return at.toISOString();
    }
    case "custom": {
      const at = custom ? new Date(custom) : null;
      return at && !Number.isNaN(at.getTime()) && at.getTime() > now.getTime() ? at.toISOString() : undefined;
    }
  }
}

interface PauseFormProps {
  /** "Pause nightly_sync?", "Pause 3 pipelines?", "Resume nightly_sync?" */
  question: string;
  detail: string;
  /** Resuming asks no resume time. */
  verb: "Pause" | "Resume";
  /** The confirm button's text, e.g. "Pause pipeline", "Pause 3 pipelines". */
  confirmLabel: string;
  onConfirm: (choice: PauseChoice) => void;
  onCancel: () => void;
  testId: string;
}

export function PauseForm({ question, detail, verb, confirmLabel, onConfirm, onCancel, testId }: PauseFormProps) {
  const id = useId();
  const [reason, setReason] = useState("");
  const [when, setWhen] = useState<When>("never");
  const [custom, setCustom] = useState("");
  const reasonRef = useRef<HTMLInputElement>(null);
  const resumeAt = resumeTime(when, custom);
  const invalidTime = verb === "Pause" && resumeAt === undefined;

  useEffect(() => reasonRef.current?.focus(), []);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (invalidTime) return;
    onConfirm({ reason: reason.trim(), resumeAt: verb === "Pause" ? (resumeAt ?? null) : null });
  }

  return (
    <form
      role="dialog"
      aria-labelledby={`${id}-question`}
      aria-describedby={`${id}-detail`}
      className="w-80 max-w-[calc(100vw-2rem)] space-y-3 rounded-md border border-gray-200 bg-white p-3 text-left shadow-lg"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === "Escape") {
          event.stopPropagation();
          onCancel();
        }
      }}
      data-testid={testId}
    >
      <p id={`${id}-question`} className="text-sm font-medium">
        {question}
      </p>
      <p id={`${id}-detail`} className="text-sm text-ink-muted">
        {detail}
      </p>
      <div>
        <label htmlFor={`${id}-reason`} className="label">
          Reason <span className="font-normal text-ink-faint">(optional, shown on the pipeline)</span>
        </label>
        <input
          ref={reasonRef}
          id={`${id}-reason`}
          className="input"
          value={reason}
          maxLength={500}
          autoComplete="off"
          onChange={(event) => setReason(event.target.value)}
          data-testid={`${testId}-reason`}
        />
      </div>
      {verb === "Pause" && (
        <div className="space-y-2">
          <label htmlFor={`${id}-when`} className="label">
            Resume
          </label>
          <select id={`${id}-when`} className="input" value={when} onChange={(event) => setWhen(event.target.value as When)} data-testid={`${testId}-when`}>
            {Object.entries(WHEN_LABELS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
          {when === "custom" && (
            <div>
              <label htmlFor={`${id}-at`} className="sr-only">
                Resume at (your local time)
              </label>
              <input
                id={`${id}-at`}
                type="datetime-local"
                className="input"
                value={custom}
                onChange={(event) => setCustom(event.target.value)}
                aria-invalid={invalidTime || undefined}
                aria-describedby={invalidTime ? `${id}-at-why` : undefined}
                data-testid={`${testId}-at`}
              />
              {invalidTime && (
                <p id={`${id}-at-why`} className="mt-1 text-xs text-bad">
                  Choose a time in the future.
                </p>
              )}
            </div>
          )}
        </div>
      )}
      <div className="flex flex-wrap justify-end gap-2">
        <button type="button" className="btn-secondary" onClick={onCancel} data-testid={`${testId}-cancel`}>
          Cancel
        </button>
        <button type="submit" className="btn-primary" disabled={invalidTime} data-testid={`${testId}-yes`}>
          {confirmLabel}
        </button>
      </div>
    </form>
  );
}
