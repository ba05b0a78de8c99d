const COLOURS: Record<string, string> = {
  get: "bg-brand-50 text-brand-700 ring-brand-100",
  post: "bg-green-50 text-ok ring-green-200",
  put: "bg-amber-50 text-warn ring-amber-200",
  patch: "bg-amber-50 text-warn ring-amber-200",
  delete: "bg-red-50 text-bad ring-red-200",
};

export function MethodBadge({ method }: { method: string }) {
  return (
    <span
      className={`inline-flex w-16 shrink-0 justify-center rounded px-1.5 py-0.5 font-mono text-xs font-semibold uppercase ring-1 ring-inset ${COLOURS[method] ?? "bg-surface-sunken text-ink"}`}
      data-testid="method-badge"
    >
      {method}
    </span>
  );
}

export function StatusBadge({ status }: { status: string }) {
  const colour = status.startsWith("2")
    ? "bg-green-50 text-ok"
    : status.startsWith("4")
      ? "bg-amber-50 text-warn"
      : status.startsWith("5")
        ? "bg-red-50 text-bad"
        : "bg-surface-sunken text-ink-muted";
  return <span className={`inline-block w-11 shrink-0 rounded px-1.5 py-0.5 text-center font-mono text-xs font-semibold ${colour}`}>{status}</span>;
}
