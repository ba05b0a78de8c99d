"use client";

// The confirmation of an action that cannot be undone: the person types the object's name.
// A modal alertdialog with its title and consequence as its name and description, focus kept
// inside while open and given back to the opener when it closes; Esc and Cancel change nothing.
import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import { createPortal } from "react-dom";

interface TypedConfirmDialogProps {
  open: boolean;
  /** The question the dialog asks: "Delete pipeline nightly_sync?" */
  title: string;
  /** What will happen, in a sentence or two. */
  consequence: ReactNode;
  /** What must be typed, exactly (case-sensitive, outer spaces ignored). */
  name: string;
  /** The action's verb: the button reads "<verb> <name>". */
  verb?: string;
  /** When given, an optional reason field with this label (kept in the audit log). */
  reasonLabel?: string;
  pending?: boolean;
  /** Why the last attempt failed, shown above the buttons. */
  error?: string | null;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
  testId?: string;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), textarea:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** Whether the typed text names the object: exact, case-sensitive, outer whitespace ignored. */
export function namesMatch(typed: string, name: string): boolean {
  return typed.trim() === name;
}

export function TypedConfirmDialog(props: TypedConfirmDialogProps) {
  if (!props.open || typeof document === "undefined") return null;
  // Mounted only while open: each opening starts with an empty field.
  return createPortal(<DialogBody {...props} />, document.body);
}

function DialogBody({ title, consequence, name, verb = "Delete", reasonLabel, pending = false, error, onConfirm, onCancel, testId = "typed-confirm" }: TypedConfirmDialogProps) {
  const id = useId();
  const titleId = `${id}-title`;
  const descriptionId = `${id}-description`;
  const inputId = `${id}-name`;
  const hintId = `${id}-hint`;
  const reasonId = `${id}-reason`;
  const [typed, setTyped] = useState("");
  const [reason, setReason] = useState("");
  const dialogRef = useRef<HTMLDivElement>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const matches = namesMatch(typed, name);

  useEffect(() => {
    // Whoever opened the dialog gets the focus back, whichever way it closes.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const overflow = document.body.style.overflow;
    document.body.style.overflow = "hidden";
    inputRef.current?.focus();
    return () => {
      document.body.style.overflow = overflow;
      if (opener?.isConnected) opener.focus();
    };
  }, []);

  function onKeyDown(event: React.KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.stopPropagation();
      if (!pending) onCancel();
      return;
    }
    if (event.key !== "Tab" || !dialogRef.current) return;
    const focusable = [...dialogRef.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  function submit(event: React.FormEvent) {
    event.preventDefault();
    if (matches && !pending) onConfirm(reason.trim());
  }

  return (
    <div className="fixed inset-0 z-50 flex items-center justify-center overflow-y-auto bg-gray-900/50 p-4">
      <div
        ref={dialogRef}
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={descriptionId}
        data-testid={testId}
        onKeyDown={onKeyDown}
        className="w-full max-w-lg rounded-lg bg-white shadow-xl"
      >
        <form onSubmit={submit} className="space-y-4 p-5 sm:p-6">
          <h2 id={titleId} className="break-words text-lg font-semibold text-ink">
            {title}
          </h2>
          <div id={descriptionId} className="break-words text-sm text-ink-muted">
            {consequence}
          </div>
          <div>
            <label htmlFor={inputId} className="label break-words">
              Type <span className="font-mono font-semibold text-bad">{name}</span> to confirm
            </label>
            <input
              ref={inputRef}
              id={inputId}
              className="input font-mono"
              value={typed}
              onChange={(event) => setTyped(event.target.value)}
              autoComplete="off"
              autoCapitalize="off"
              spellCheck={false}
              aria-describedby={hintId}
              data-testid={`${testId}-input`}
            />
            <p id={hintId} className="mt-1 text-xs text-ink-faint">
              {matches ? "The name matches." : "The button stays disabled until the name matches exactly (letter case counts)."}
            </p>
          </div>
          {reasonLabel && (
            <div>
              <label htmlFor={reasonId} className="label">
                {reasonLabel}
              </label>
              <textarea
                id={reasonId}
                className="input min-h-[4rem]"
                value={reason}
                maxLength={500}
                onChange={(event) => setReason(event.target.value)}
                data-testid={`${testId}-reason`}
              />
            </div>
          )}
          {error && (
            <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid={`${testId}-error`}>
              {error}
            </p>
          )}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" className="btn-secondary" onClick={onCancel} disabled={pending} data-testid={`${testId}-cancel`}>
              Cancel
            </button>
            <button
              type="submit"
              className="btn-danger max-w-full break-all"
              disabled={!matches || pending}
              aria-describedby={matches ? undefined : hintId}
              data-testid={`${testId}-confirm`}
            >
              {pending ? `${verb.replace(/e$/, "")}ing…` : `${verb} ${name}`}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
