"use client";

// The progress bar of a storage clear: percent, rows and bytes done of total, and the time left
// at the rate so far. It re-renders every second so the estimate keeps moving between events.
import { useEffect, useState } from "react";
import { formatBytes, formatCount } from "@/components/format";
import { formatDuration, percentOf, secondsLeft, type ClearProgress } from "./progress-math";

function useNow(everyMs: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, active]);
  return now;
}

export function StorageProgress({ progress, pipelineName, finishedAt }: { progress: ClearProgress; pipelineName: string; finishedAt: string | null }) {
  const clearing = progress.status === "Clearing";
  const now = useNow(1000, clearing);
  const percent = percentOf(progress);
  const left = secondsLeft(progress, now);
  const rows = `${formatCount(progress.doneRows)} of ${formatCount(progress.totalRows)} rows`;
  const bytes = `${formatBytes(progress.doneBytes)} of ${formatBytes(progress.totalBytes)}`;
  const timeText = clearing ? (left === null ? "estimating time left…" : `about ${formatDuration(left)} left`) : finishedAt ? "done" : "";
  const summary = [`${percent}%`, rows, bytes, timeText].filter(Boolean).join(" · ");

  return (
    <div className="space-y-1.5" data-testid="storage-progress" data-status={progress.status}>
      <div className="flex flex-wrap items-baseline justify-between gap-x-3 text-sm">
        <span className="font-medium">{clearing ? "Clearing storage…" : "Storage cleared"}</span>
        <span className="tabular-nums text-ink-muted" data-testid="storage-progress-percent">
          {percent}%
        </span>
      </div>
      <div
        role="progressbar"
        aria-label={`Clearing the storage of ${pipelineName}`}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={summary}
        className="h-2.5 w-full overflow-hidden rounded-full bg-surface-sunken"
        data-testid="storage-progressbar"
      >
        <div
          className={`h-full rounded-full transition-[width] duration-300 ${clearing ? "bg-brand-500" : "bg-ok"}`}
          style={{ width: `${percent}%` }}
        />
      </div>
      <p className="text-xs tabular-nums text-ink-muted" data-testid="storage-progress-text">
        {rows} · {bytes}
        {timeText && ` · ${timeText}`}
      </p>
    </div>
  );
}
