"use client";

// Filters behind a "Filters" button on a phone, so the first screen shows rows, not form fields;
// from sm up they are always open and the button is gone. The button says how many filters
// are on, so a closed panel never hides that the list is filtered.
import { useId, useState, type ReactNode } from "react";

interface FiltersDisclosureProps {
  /** How many filters are on now. */
  active: number;
  children: ReactNode;
  /** Classes of the panel, its display included (hidden below sm while closed). */
  className?: string;
}

export function FiltersDisclosure({ active, children, className = "" }: FiltersDisclosureProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <>
      <button
        type="button"
        className="btn-secondary w-full justify-between sm:hidden"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen((now) => !now)}
        data-testid="filters-toggle"
      >
        <span>
          Filters
          {active > 0 && <span className="ml-1 text-ink-muted">({active} on)</span>}
        </span>
        <span aria-hidden>{open ? "▴" : "▾"}</span>
      </button>
      <div id={id} className={`${open ? "" : "max-sm:hidden"} ${className}`}>
        {children}
      </div>
    </>
  );
}
