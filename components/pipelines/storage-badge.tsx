"use client";

// A pipeline's storage state. On the pipeline page the header passes the one storage state the
// clear panel and Run now also read (useStorageProgress), so the three always agree; in the list,
// the live progress the event stream writes into the cache (["storage-live", org, id]) makes the
// badge count up without a read per row.
import { useQuery } from "@tanstack/react-query";
import type { StorageProgressEvent } from "@/components/live/live-events";
import { STORAGE_LABELS, storageKindOf } from "@/components/labels";
import type { StorageStatus } from "./types";

const LOOK: Record<keyof typeof STORAGE_LABELS, { className: string; hint: string }> = {
  NeverUsed: { className: "bg-gray-100 text-gray-700", hint: "The pipeline has never run, so nothing was ever stored." },
  Cleared: { className: "bg-gray-100 text-gray-700", hint: "Storage is empty." },
  InUse: { className: "bg-brand-50 text-brand-700", hint: "Runs have left records in storage." },
  Clearing: { className: "bg-amber-50 text-warn", hint: "Storage is being cleared." },
};

interface StorageBadgeProps {
  status: StorageStatus;
  /** While clearing, its percent when known. */
  percent: number | null;
  /** The pipeline's runs: none means its storage was never used, not cleared. */
  runCount: number;
}

/** The badge itself: the status in words, and while clearing its percent when known. */
export function StorageBadge({ status, percent, runCount }: StorageBadgeProps) {
  const kind = storageKindOf(status, runCount);
  const look = LOOK[kind] ?? { className: "bg-gray-100 text-gray-700", hint: "" };
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${look.className}`}
      title={look.hint}
      data-testid="storage-badge"
      data-status={status}
    >
      <span className="sr-only">Storage: </span>
      {STORAGE_LABELS[kind] ?? status}
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
export function LiveStorageBadge({ org, pipelineId, status, runCount }: { org: string; pipelineId: string; status: StorageStatus; runCount: number }) {
  const progress = useLiveProgress(org, pipelineId);
  const percent =
    status === "Clearing" && progress?.storage_status === "Clearing" && progress.total_rows
      ? Math.min(99, Math.floor(((progress.done_rows ?? 0) / progress.total_rows) * 100))
      : null;
  return <StorageBadge status={status} percent={percent} runCount={runCount} />;
}
