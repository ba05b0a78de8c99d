"use client";

// An on/off switch (role="switch"). When it may not be used it stays focusable and says why:
// the reason is its title and its description, so keyboard and screen-reader users hear it too.
import { useId } from "react";

interface SwitchProps {
  checked: boolean;
  onChange: (next: boolean) => void;
  /** The accessible name: what the switch turns on, e.g. "Active: nightly_sync". */
  label: string;
  /** Shown beside the switch; without it the label is for screen readers only. */
  visibleLabel?: string;
  /** Why the switch cannot be used now; null when it can. */
  refusal?: string | null;
  /** The id of a visible element that already says the refusal (else one is rendered). */
  refusalId?: string;
  pending?: boolean;
  testId?: string;
}

export function Switch({ checked, onChange, label, visibleLabel, refusal, refusalId, pending = false, testId }: SwitchProps) {
  const ownId = useId();
  const reasonId = refusalId ?? `${ownId}-reason`;
  const blocked = !!refusal || pending;
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        role="switch"
        aria-checked={checked}
        aria-label={label}
        aria-disabled={blocked || undefined}
        aria-describedby={refusal ? reasonId : undefined}
        aria-busy={pending || undefined}
        title={refusal ?? undefined}
        data-testid={testId}
        onClick={() => {
          if (!blocked) onChange(!checked);
        }}
        className={`relative inline-flex h-6 w-11 shrink-0 items-center rounded-full border-2 border-transparent transition-colors ${
          checked ? "bg-brand-600" : "bg-gray-400"
        } ${blocked ? "cursor-not-allowed opacity-50" : "cursor-pointer"}`}
      >
        <span
          aria-hidden
          className={`inline-block h-5 w-5 rounded-full bg-white shadow transition-transform ${checked ? "translate-x-5" : "translate-x-0"}`}
        />
      </button>
      {visibleLabel && (
        <span aria-hidden className="text-sm">
          {visibleLabel}
        </span>
      )}
      {refusal && !refusalId && (
        <span id={reasonId} className="sr-only">
          {refusal}
        </span>
      )}
    </span>
  );
}
