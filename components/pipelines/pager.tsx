// "Page 3 of 17" with First, Previous, Next and Last. Next and Previous walk the list's cursor
// (keyset paging: as fast on page 2,000 as on page 1); First drops the cursor, and Last asks
// the page by its number, the one place the list's `page` parameter is needed, because no
// cursor points at the end. The page number travels in the URL beside the cursor.

/** Where a pager button leads: a cursor, a page number, or both. */
export interface PageTarget {
  cursor: string | null;
  page: number;
}

interface PagerProps {
  page: number;
  pageSize: number;
  total: number;
  /** Cursors of the neighbours, null when there is none (or, before: when the API gave none). */
  previous: string | null;
  next: string | null;
  onPage: (target: PageTarget) => void;
}

export function pageCount(total: number, pageSize: number): number {
  return Math.max(1, Math.ceil(total / pageSize));
}

export function Pager({ page, pageSize, total, previous, next, onPage }: PagerProps) {
  const last = pageCount(total, pageSize);
  if (last === 1 && page === 1 && !next) return null;
  const atStart = page <= 1;
  const atEnd = !next || page >= last;
  // Back from a page asked by number (Last), the list answers no cursor: the number serves.
  const back: PageTarget = previous ? { cursor: previous, page: page - 1 } : { cursor: null, page: page - 1 };
  return (
    <nav aria-label="Pages" className="flex flex-wrap items-center justify-between gap-2" data-testid="pager">
      <div className="flex gap-2">
        <PagerButton label="First" edge="first" disabled={atStart} onClick={() => onPage({ cursor: null, page: 1 })} />
        <PagerButton label="Previous" edge="first" disabled={atStart} onClick={() => onPage(back)} />
      </div>
      <p className="text-sm text-ink-muted" aria-live="polite" data-testid="page-of">
        Page <span className="font-medium text-ink tabular-nums">{Math.min(page, last)}</span> of{" "}
        <span className="font-medium text-ink tabular-nums">{last}</span>
      </p>
      <div className="flex gap-2">
        <PagerButton label="Next" edge="last" disabled={atEnd} onClick={() => onPage({ cursor: next, page: page + 1 })} />
        <PagerButton label="Last" edge="last" disabled={atEnd} onClick={() => onPage({ cursor: null, page: last })} />
      </div>
    </nav>
  );
}

function PagerButton({ label, edge, disabled, onClick }: { label: string; edge: "first" | "last"; disabled: boolean; onClick: () => void }) {
  return (
    <button
      type="button"
      className="btn-secondary px-3"
      disabled={disabled}
      title={disabled ? `This is the ${edge} page.` : undefined}
      onClick={onClick}
      data-testid={`page-${label.toLowerCase()}`}
    >
      {label}
    </button>
  );
}
