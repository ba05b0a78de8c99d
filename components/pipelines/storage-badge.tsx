"use client";

// A pipeline's storage state; while clearing, the live progress the event stream writes into
// the cache (["storage-live", org, id]) makes the badge count up without refetching.
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

function useStorageProgress(org: string, pipelineId: string) {
  return useQuery<StorageProgressEvent | null>({
    queryKey: ["storage-live", org, pipelineId],
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  }).data;
}

interface StorageBadgeProps {
  org: string;
  pipelineId: string;
  status: StorageStatus;
  /** The pipeline's runs: none means its storage was never used, not cleared. */
  runCount: number;
}

export function StorageBadge({ org, pipelineId, status, runCount }: StorageBadgeProps) {
  const progress = useStorageProgress(org, pipelineId);
  const kind = storageKindOf(status, runCount);
  const look = LOOK[kind] ?? { className: "bg-gray-100 text-gray-700", hint: "" };
  const percent =
    status === "Clearing" && progress?.storage_status === "Clearing" && progress.total_rows
      ? Math.min(100, Math.round(((progress.done_rows ?? 0) / progress.total_rows) * 100))
      : null;
  return (
    <span
      className={`inline-flex items-center whitespace-nowrap rounded-full px-2 py-0.5 text-xs font-medium ${look.className}`}
      title={look.hint}
      data-testid="storage-badge"
      data-status={status}
      data-kind={kind}
    >
      <span className="sr-only">Storage: </span>
      {STORAGE_LABELS[kind] ?? status}
      {percent !== null && <span className="ml-1 tabular-nums">{percent}%</span>}
    </span>
  );
}
