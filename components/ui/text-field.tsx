// A labelled input whose error is announced and tied to it through aria-describedby.
import type { InputHTMLAttributes, Ref } from "react";
import { FieldError } from "./status";

interface TextFieldProps extends InputHTMLAttributes<HTMLInputElement> {
  /** The input's (React 19 passes it as a prop, spread onto the input below), to focus it on an error. */
  ref?: Ref<HTMLInputElement>;
  id: string;
  label: string;
  error?: string;
  hint?: string;
}

export function TextField({ id, label, error, hint, className = "", ...input }: TextFieldProps) {
  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  const describedBy = [hint ? hintId : null, error ? errorId : null].filter(Boolean).join(" ") || undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="label">
        {label}
      </label>
      <input
        id={id}
        className={`input ${error ? "border-bad" : ""}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={id}
        {...input}
      />
      {hint && (
        <p id={hintId} className="mt-1 text-xs text-ink-faint">
          {hint}
        </p>
      )}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
