// Cron rules of §1 on the server: the shared rules (lib/schedule-rules.ts, which the form checks
// with as you type) with this server's minimum interval, refused as the domain's error.
import { checkSchedule, parseCron } from "@/lib/schedule-rules";
import { env } from "@/lib/env";
import { canonicalTimezone, isValidTimezone } from "@/lib/timezones";
import { InvalidFields } from "./errors";

export { canonicalTimezone, isValidTimezone };

export function minScheduleIntervalSeconds(): number {
  return env().MIN_SCHEDULE_INTERVAL_SECONDS;
}

/** Every problem of a schedule (timezone, then the cron), each with its field; [] when it is fine. */
export function scheduleProblems(cron: string | null | undefined, timezone: string): { message: string; field: string }[] {
  return checkSchedule(cron, timezone, minScheduleIntervalSeconds(), { runs: 0 }).errors.map((e) => ({ message: e.detail, field: e.attr }));
}

/**
 * The canonical name of `timezone` when the schedule is valid; otherwise throws every problem at
 * once (a malformed cron, a value out of its field's range, a cron that never fires, one too
 * frequent, an unknown timezone), each on its field.
 */
export function assertValidSchedule(cron: string | null | undefined, timezone: string): string {
  const problems = scheduleProblems(cron, timezone);
  if (problems.length) throw new InvalidFields(problems);
  return canonicalTimezone(timezone) ?? timezone;
}

/** The next `count` fire times after `after`, in UTC instants. */
export function nextRuns(cron: string, timezone: string, count: number, after = new Date()): Date[] {
  try {
    return parseCron(cron, timezone).nextRuns(count, after);
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
