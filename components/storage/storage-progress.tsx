"use client";

// The progress bar of a storage clear: percent, rows and bytes done of total, and the time left
// at the rate measured here. It re-renders every second so the estimate keeps moving between events.
import { useEffect, useState } from "react";
import { formatBytes, formatCount } from "@/components/format";
import { addSample, formatDuration, percentOf, secondsLeft, type ClearProgress, type RateSample } from "./progress-math";

function useNow(everyMs: number, active: boolean): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = setInterval(() => setNow(Date.now()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs, active]);
  return now;
}

/**
 * The counts this view saw the clear reach, each timed by when it arrived in this browser
 * (`seenAt`, this browser's clock): kept across renders, started afresh for another clear.
 */
function useRateSamples(progress: ClearProgress, seenAt: number): RateSample[] {
  const [seen, setSeen] = useState<{ at: number; clear: number | null; samples: RateSample[] }>({ at: 0, clear: null, samples: [] });
  const clearing = progress.status === "Clearing";
  if (!clearing && seen.samples.length > 0) setSeen({ at: 0, clear: null, samples: [] });
  if (clearing && seen.at !== seenAt) {
    const sample = { at: seenAt, doneRows: progress.doneRows };
    setSeen({ at: seenAt, clear: progress.startedAt, samples: seen.clear === progress.startedAt ? addSample(seen.samples, sample) : [sample] });
  }
  return seen.samples;
}

interface StorageProgressProps {
  progress: ClearProgress;
  /** When the figures arrived here (ms, this browser's clock): what the rate is timed by. */
  seenAt: number;
  pipelineName: string;
  finishedAt: string | null;
}

export function StorageProgress({ progress, seenAt, pipelineName, finishedAt }: StorageProgressProps) {
  const clearing = progress.status === "Clearing";
  const now = useNow(1000, clearing);
  const samples = useRateSamples(progress, seenAt);
  const percent = percentOf(progress);
  const left = secondsLeft(progress, samples, now);
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
