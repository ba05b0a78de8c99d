"use client";

// A button that, when it cannot be used, says why in visible text tied to it by
// aria-describedby (a disabled button cannot take focus, so the reason must be seen).
import Link from "next/link";
import { forwardRef, useId, type ReactNode } from "react";

interface ActionWithReasonProps {
  children: ReactNode;
  /** Why the action cannot be used now; null when it can. */
  disabledReason: string | null;
  onClick?: () => void;
  /** A link instead of a button (navigation, when allowed). */
  href?: string;
  variant?: "primary" | "secondary" | "danger";
  pending?: boolean;
  testId: string;
  expanded?: boolean;
  align?: "start" | "end";
}

export const ActionWithReason = forwardRef<HTMLButtonElement, ActionWithReasonProps>(function ActionWithReason(
  { children, disabledReason, onClick, href, variant = "secondary", pending = false, testId, expanded, align = "end" },
  ref,
) {
  const reasonId = useId();
  const className = `btn-${variant}`;
  const disabled = disabledReason !== null || pending;
  return (
    <div className={`flex min-w-0 flex-col gap-1 ${align === "end" ? "items-start sm:items-end" : "items-start"}`}>
      {href && !disabled ? (
        <Link href={href} className={className} data-testid={testId}>
          {children}
        </Link>
      ) : (
        <button
          ref={ref}
          type="button"
          className={className}
          disabled={disabled}
          aria-describedby={disabledReason ? reasonId : undefined}
          aria-expanded={expanded}
          onClick={onClick}
          data-testid={testId}
        >
          {children}
        </button>
      )}
      {disabledReason && (
        <p id={reasonId} className={`max-w-xs text-xs text-ink-muted ${align === "end" ? "sm:text-right" : ""}`} data-testid={`${testId}-why`}>
          {disabledReason}
        </p>
      )}
    </div>
  );
});
