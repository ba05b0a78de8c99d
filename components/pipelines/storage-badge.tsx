"use client";

// A pipeline's storage state. On the pipeline page the header passes the one storage state the
// clear panel and Run now also read (useStorageProgress), so the three always agree; in the list,
// the live progress the event stream writes into the cache (["storage-live", org, id]) makes the
// badge count up without a read per row.
import { useQuery } from "@tanstack/react-query";
import type { StorageProgressEvent } from "@/components/live/live-events";
import type { StorageStatus } from "./types";

const LOOK: Record<StorageStatus, { label: string; className: string; hint: string }> = {
  Cleared: { label: "Cleared", className: "bg-gray-100 text-gray-700", hint: "Storage is empty." },
  InUse: { label: "In use", className: "bg-brand-50 text-brand-700", hint: "Runs have left records in storage." },
  Clearing: { label: "Clearing", className: "bg-amber-50 text-warn", hint: "Storage is being cleared." },
};

/** The badge itself: the status, and while clearing its percent when known. */
export function StorageBadge({ status, percent }: { status: StorageStatus; percent: number | null }) {
  const look = LOOK[status] ?? { label: status, className: "bg-gray-100 text-gray-700", hint: "" };
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${look.className}`}
      title={look.hint}
      data-testid="storage-badge"
      data-status={status}
    >
      <span className="sr-only">Storage: </span>
      {look.label}
      {status === "Clearing" && percent !== null && <span className="ml-1 tabular-nums">{percent}%</span>}
    </span>
  );
}

function useLiveProgress(org: string, pipelineId: string) {
  return useQuery<StorageProgressEvent | null>({
    queryKey: ["storage-live", org, pipelineId],
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  }).data;
}

/** A list row's badge: the row's status, moved on by the live progress events. */
export function LiveStorageBadge({ org, pipelineId, status }: { org: string; pipelineId: string; status: StorageStatus }) {
  const progress = useLiveProgress(org, pipelineId);
  const percent =
    status === "Clearing" && progress?.storage_status === "Clearing" && progress.total_rows
      ? Math.min(99, Math.floor(((progress.done_rows ?? 0) / progress.total_rows) * 100))
      : null;
  return <StorageBadge status={status} percent={percent} />;
}
