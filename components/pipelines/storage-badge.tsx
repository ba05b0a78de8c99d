"use client";

// A pipeline's storage state; while clearing, the live progress the event stream writes into
// the cache (["storage-live", org, id]) makes the badge count up without refetching.
import { useQuery } from "@tanstack/react-query";
import type { StorageProgressEvent } from "@/components/live/live-events";
import type { StorageStatus } from "./types";

const LOOK: Record<StorageStatus, { label: string; className: string; hint: string }> = {
  Cleared: { label: "Cleared", className: "bg-gray-100 text-gray-700", hint: "Storage is empty." },
  InUse: { label: "In use", className: "bg-brand-50 text-brand-700", hint: "Runs have left records in storage." },
  Clearing: { label: "Clearing", className: "bg-amber-50 text-warn", hint: "Storage is being cleared." },
};

function useStorageProgress(org: string, pipelineId: string) {
  return useQuery<StorageProgressEvent | null>({
    queryKey: ["storage-live", org, pipelineId],
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  }).data;
}

export function StorageBadge({ org, pipelineId, status }: { org: string; pipelineId: string; status: StorageStatus }) {
  const progress = useStorageProgress(org, pipelineId);
  const look = LOOK[status] ?? { label: status, className: "bg-gray-100 text-gray-700", hint: "" };
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
    >
      <span className="sr-only">Storage: </span>
      {look.label}
      {percent !== null && <span className="ml-1 tabular-nums">{percent}%</span>}
    </span>
  );
}
