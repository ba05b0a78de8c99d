// Cron rules of §1: five fields, an IANA timezone, and no two runs closer than the minimum.
import { Cron } from "croner";
import { env } from "@/lib/env";
import { invalid } from "./errors";

// Enough upcoming runs to see the tightest gap of any cron that repeats within a year.
const RUNS_CHECKED = 1000;

export function minScheduleIntervalSeconds(): number {
  return env().MIN_SCHEDULE_INTERVAL_SECONDS;
}

export function isValidTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

function parse(cron: string, timezone: string): Cron {
  return new Cron(cron, { timezone, paused: true, mode: "5-part" });
}

function describeInterval(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** Throws a validation error on cron_string when the schedule is malformed or too frequent. */
export function assertValidSchedule(cron: string, timezone: string): void {
  const fields = cron.trim().split(/\s+/);
  let schedule: Cron;
  try {
    if (fields.length !== 5) throw new Error("not five fields");
    schedule = parse(cron.trim(), timezone);
  } catch {
    throw invalid("Invalid cron string format.", "cron_string");
  }
  const minimum = minScheduleIntervalSeconds();
  const tooFrequent = () =>
    invalid(
      `Schedules must be at least ${describeInterval(minimum)} apart (${minimum} seconds); this cron runs more often.`,
      "cron_string",
    );
  if (fields[0] === "*" && minimum > 60) throw tooFrequent();
  const runs = schedule.nextRuns(RUNS_CHECKED, new Date());
  for (let i = 1; i < runs.length; i++) {
    const gap = ((runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0)) / 1000;
    if (gap < minimum) throw tooFrequent();
  }
}

/** The next `count` fire times after `after`, in UTC instants. */
export function nextRuns(cron: string, timezone: string, count: number, after = new Date()): Date[] {
  try {
    return parse(cron, timezone).nextRuns(count, after);
  } catch {
    return [];
  }
}

/**
 * The first fire time of each (cron, timezone) found, and the instant it was computed from.
 * A list page of 50 scheduled pipelines, or a scheduler batch of thousands due at once,
 * mostly shares a few schedules, and one computation costs ~50 µs of timezone arithmetic.
 */
const nextFireCache = new Map<string, { from: number; next: number }>();
const NEXT_FIRE_CACHE_SIZE = 10_000;

export function nextRun(cron: string | null, timezone: string, after = new Date()): Date | null {
  if (!cron) return null;
  const key = `${timezone}\u0000${cron}`;
  const at = after.getTime();
  const hit = nextFireCache.get(key);
  // No fire time lies between `from` and `next`, so `next` is also the first after any `at` in that span.
  if (hit && hit.from <= at && at < hit.next) return new Date(hit.next);
  const next = nextRuns(cron, timezone, 1, after)[0] ?? null;
  if (!next) return null;
  if (nextFireCache.size >= NEXT_FIRE_CACHE_SIZE) nextFireCache.clear();
  nextFireCache.set(key, { from: at, next: next.getTime() });
  return next;
}
