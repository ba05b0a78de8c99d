// One way to write dates, counts and sizes for the whole console, fixed to English so the tables
// read the same everywhere.
const dateTime = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeStyle: "short", hourCycle: "h23" });
const dateOnly = new Intl.DateTimeFormat("en", { dateStyle: "medium" });

export function formatDateTime(value: string | null, fallback = "never"): string {
  return value ? dateTime.format(new Date(value)) : fallback;
}

const clock = new Intl.DateTimeFormat("en", { hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** A log line's time to the millisecond, "14:03:27.041" (local time): lines a few ms apart stay apart. */
export function formatLogTime(value: string): string {
  const at = new Date(value);
  return `${clock.format(at)}.${String(at.getMilliseconds()).padStart(3, "0")}`;
}

export function formatDate(value: string): string {
  return dateOnly.format(new Date(value));
}

export function isPast(value: string | null): boolean {
  return value !== null && new Date(value).getTime() <= Date.now();
}

const UNITS = ["B", "KB", "MB", "GB", "TB"] as const;

// Counts are written the same way in the run logs the worker writes: one helper for both.
export { countOf, formatCount } from "@/lib/counts";

/** 1536 → "1.5 KB" (powers of 1024, one decimal below 10). */
export function formatBytes(bytes: number): string {
  let value = Math.max(0, bytes);
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = unit === 0 || value >= 10 ? 0 : 1;
  return `${value.toFixed(digits)} ${UNITS[unit]}`;
}
