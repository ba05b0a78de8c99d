// The minimum gap between a schedule's runs, and its refusal in words. Apart from
// schedule-rules.ts (which needs croner) so the browser can show the rule without croner.

/** The default of MIN_SCHEDULE_INTERVAL_SECONDS: what the form assumes the server requires. */
export const DEFAULT_MIN_SCHEDULE_INTERVAL_SECONDS = 1800;

function describeInterval(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} hour${seconds === 3600 ? "" : "s"}`;
  if (seconds % 60 === 0) return `${seconds / 60} minutes`;
  return `${seconds} seconds`;
}

/** The refusal of a schedule whose runs come closer than `minimum` seconds. */
export function tooFrequentMessage(minimum: number): string {
  return `Schedules must be at least ${describeInterval(minimum)} apart (${minimum} seconds); this cron runs more often.`;
}
