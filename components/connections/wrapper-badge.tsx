// A wrapper's status as a badge; a running wrapper's dot pulses, for a status that is live.
import { WRAPPER_STATUS_LABELS } from "@/components/labels";
import type { Resource } from "./use-resources";

type WrapperStatus = NonNullable<Resource["wrapper"]>["status"];

const STYLE: Record<WrapperStatus, { badge: string; dot: string }> = {
  RUNNING: { badge: "bg-green-50 text-ok", dot: "bg-ok animate-pulse" },
  STARTING: { badge: "bg-amber-50 text-warn", dot: "bg-warn animate-pulse" },
  PENDING: { badge: "bg-amber-50 text-warn", dot: "bg-warn" },
  STOPPED: { badge: "bg-surface-sunken text-ink-muted", dot: "bg-gray-400" },
  FAILED: { badge: "bg-red-50 text-bad", dot: "bg-bad" },
};

export function WrapperBadge({ wrapper }: { wrapper: Resource["wrapper"] }) {
  if (!wrapper) return <span className="text-ink-faint">no wrapper</span>;
  const style = STYLE[wrapper.status];
  return (
    <span className={`inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium ${style.badge}`} data-testid="wrapper-status" data-status={wrapper.status}>
      <span aria-hidden className={`h-1.5 w-1.5 rounded-full ${style.dot}`} />
      {WRAPPER_STATUS_LABELS[wrapper.status]}
    </span>
  );
}
