// Times said the way people say them: "in 25 minutes", "3 hours ago", "1m 05s".
const relative = new Intl.RelativeTimeFormat("en", { numeric: "auto" });

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * "in 25 minutes", "in 2 hours", "tomorrow", "5 minutes ago". Days are counted on the reader's
 * calendar (or `timeZone`'s): Monday 08:00 seen on Saturday evening is "in 2 days", not the
 * "tomorrow" that 36 hours rounded down would say.
 */
export function timeInWords(iso: string, now: number, timeZone?: string): string {
  const then = new Date(iso).getTime();
  const seconds = Math.round((then - now) / 1000);
  const size = Math.abs(seconds);
  if (size < 45) return seconds >= 0 ? "in less than a minute" : "just now";
  if (size < 45 * MINUTE) return relative.format(Math.round(seconds / MINUTE), "minute");
  const days = calendarDaysBetween(now, then, timeZone);
  if (size < 22 * HOUR || days === 0) return relative.format(Math.round(seconds / HOUR), "hour");
  if (size < 26 * DAY) return relative.format(days, "day");
  if (size < 320 * DAY) return relative.format(Math.round(seconds / (30 * DAY)), "month");
  return relative.format(Math.round(seconds / (365 * DAY)), "year");
}

// A table of 1,000 pipelines asks once per row: one formatter per zone, not one per call.
const dayFormats = new Map<string | undefined, Intl.DateTimeFormat>();
function dayFormat(timeZone: string | undefined): Intl.DateTimeFormat {
  let format = dayFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    dayFormats.set(timeZone, format);
  }
  return format;
}

/** How many midnights lie between two moments on the calendar of `timeZone` (negative into the past). */
function calendarDaysBetween(from: number, to: number, timeZone: string | undefined): number {
  const day = dayFormat(timeZone);
  // en-CA writes YYYY-MM-DD; read as UTC dates, their difference is a whole number of days.
  return Math.round((Date.parse(day.format(to)) - Date.parse(day.format(from))) / (DAY * 1000));
}

/** When something already happened: a moment the clock of this page has not reached yet is "just now". */
export function sinceInWords(iso: string, now: number): string {
  const at = new Date(iso).getTime();
  return now - at < 45_000 ? "just now" : timeInWords(iso, now);
}

/** A run's length: "42s", "3m 07s", "1h 02m". */
export function durationInWords(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return "—";
  const whole = Math.max(0, Math.round(seconds));
  if (whole < MINUTE) return `${whole}s`;
  const pad = (n: number) => String(n).padStart(2, "0");
  if (whole < HOUR) return `${Math.floor(whole / MINUTE)}m ${pad(whole % MINUTE)}s`;
  return `${Math.floor(whole / HOUR)}h ${pad(Math.floor((whole % HOUR) / MINUTE))}m`;
}
