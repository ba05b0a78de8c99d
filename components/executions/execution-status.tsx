// How an execution's status looks everywhere: the same words and colours in tables, pills and
// the run-history chart. Colours are paired with text, never the only signal.
import type { ExecutionStatus as ExecutionStatusName } from "@/lib/vocabulary";

interface StatusLook {
  label: string;
  /** Badge classes (text on a light background: 4.5:1 contrast). */
  badge: string;
  /** A solid fill for pills and bars. */
  fill: string;
}

const LOOKS: Record<ExecutionStatusName, StatusLook> = {
  PENDING: { label: "Pending", badge: "bg-gray-100 text-gray-700", fill: "#9ca3af" },
  EXECUTING: { label: "Executing", badge: "bg-brand-50 text-brand-700", fill: "#2f7ae5" },
  COMPLETED: { label: "Completed", badge: "bg-green-50 text-ok", fill: "#16a34a" },
  STOPPED: { label: "Stopped", badge: "bg-amber-50 text-warn", fill: "#d97706" },
  ERROR: { label: "Error", badge: "bg-red-50 text-bad", fill: "#dc2626" },
};

const UNKNOWN: StatusLook = { label: "Unknown", badge: "bg-gray-100 text-gray-700", fill: "#6b7280" };

export function statusLook(status: string): StatusLook {
  return LOOKS[status as ExecutionStatusName] ?? { ...UNKNOWN, label: status };
}

export function isRunning(status: string): boolean {
  return status === "PENDING" || status === "EXECUTING";
}

export function ExecutionStatusBadge({ status }: { status: string }) {
  const look = statusLook(status);
  return (
    <span className={`inline-flex items-center gap-1 rounded-full px-2 py-0.5 text-xs font-medium ${look.badge}`} data-testid="execution-status">
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${isRunning(status) ? "animate-pulse" : ""}`} style={{ background: look.fill }} />
      {look.label}
    </span>
  );
}
