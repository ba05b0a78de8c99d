// Numbers of a storage clear as a person reads them: percent and the time left (counts and sizes:
// components/format.ts).
import type { StorageStatus } from "@/lib/vocabulary";

/** 75 → "1 min 15 s"; rounded up so "0 s" is never promised while work is left. */
export function formatDuration(seconds: number): string {
  const s = Math.max(1, Math.ceil(seconds));
  if (s < 60) return `${s} s`;
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return `${minutes} min ${s % 60} s`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}

export interface ClearProgress {
  status: StorageStatus;
  doneRows: number;
  totalRows: number;
  doneBytes: number;
  totalBytes: number;
  /** When this clear started (ms since the epoch), if known. */
  startedAt: number | null;
}

/** 0–100, by rows (by bytes when there were no rows); a finished clear is 100. */
export function percentOf(progress: ClearProgress): number {
  if (progress.status === "Cleared") return 100;
  const ratio = progress.totalRows > 0 ? progress.doneRows / progress.totalRows : progress.totalBytes > 0 ? progress.doneBytes / progress.totalBytes : 0;
  // Never 100 while the server still says Clearing: the last step is the status change.
  return Math.min(99, Math.max(0, Math.floor(ratio * 100)));
}

/** One observation of a clear: rows done, and when this browser saw it (its own clock). */
export interface RateSample {
  at: number;
  doneRows: number;
}

/** How much history the rate is measured over, and what makes an estimate worth showing. */
export const RATE_WINDOW_MS = 5000;
export const STABLE_AFTER_MS = 2000;
export const STABLE_AFTER_PERCENT = 5;

/**
 * The samples with a new one added: only when the count moved, and only the recent window (plus
 * the one just before it, so the window always spans its full width).
 */
export function addSample(samples: readonly RateSample[], sample: RateSample): RateSample[] {
  const last = samples[samples.length - 1];
  // A count going back is another clear (or a late read): start over from it.
  if (last && sample.doneRows < last.doneRows) return [sample];
  if (last && sample.doneRows === last.doneRows) return [...samples];
  const all = [...samples, sample];
  const firstInside = all.findIndex((s) => s.at >= sample.at - RATE_WINDOW_MS);
  return all.slice(Math.max(0, firstInside - 1));
}

/**
 * Seconds left at the rate measured over the recent samples, all timed by this browser: the
 * server's start time is not used, so a clock that differs or a slow start cannot skew it.
 * Null until the estimate is stable: watched for ≥ 2 s, ≥ 5 % done, and a rate measured.
 */
export function secondsLeft(progress: ClearProgress, samples: readonly RateSample[], now: number): number | null {
  if (progress.status !== "Clearing" || progress.totalRows <= 0) return null;
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (!first || !last || last.at <= first.at) return null;
  if (now - first.at < STABLE_AFTER_MS || (last.doneRows / progress.totalRows) * 100 < STABLE_AFTER_PERCENT) return null;
  const rate = (last.doneRows - first.doneRows) / (last.at - first.at); // rows per ms
  if (rate <= 0) return null;
  const left = (progress.totalRows - last.doneRows) / rate - (now - last.at);
  return Math.max(0, left / 1000);
}

/**
 * The storage as it is now, from the last read and the last live event: whichever is newer;
 * while both speak of one clear (named by when it started), the further of the two, since
 * reads and events may cross. Null when there is neither.
 */
export function currentProgress(read: ClearProgress | null, event: ClearProgress | null, eventIsNewer: boolean): ClearProgress | null {
  if (!read || !event) return read ?? event;
  const sameClear =
    read.startedAt !== null && event.startedAt !== null
      ? read.startedAt === event.startedAt
      : read.status === "Clearing" && event.totalRows === read.totalRows;
  const startedAt = read.startedAt ?? (sameClear ? event.startedAt : null);
  const newer = eventIsNewer ? { ...event, startedAt: event.startedAt ?? (sameClear ? read.startedAt : null) } : read;
  if (!sameClear || newer.status !== "Clearing") return newer;
  // One clear only moves forward: once either side saw it end, a late read or event of its
  // progress does not bring it back; while it runs, the further of the two counts.
  const ended = [read, event].find((p) => p.status === "Cleared");
  if (ended) return { ...ended, startedAt };
  return {
    ...newer,
    doneRows: Math.max(read.doneRows, event.doneRows),
    doneBytes: Math.max(read.doneBytes, event.doneBytes),
    startedAt,
  };
}
