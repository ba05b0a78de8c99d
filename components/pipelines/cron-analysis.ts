// A cron string as the schedule editor shows it: its problems in the server's words, the schedule
// in words and its next five runs. The only place croner and cronstrue meet the editor: the
// browser fetches this module when a schedule is edited, and the pipeline page's server work
// answers it for the saved schedule, so a visit that only looks does not download either.
import cronstrue from "cronstrue";
import { checkSchedule } from "@/lib/schedule-rules";
import { DEFAULT_MIN_SCHEDULE_INTERVAL_SECONDS } from "@/lib/schedule-interval";

export interface CronAnalysis {
  empty: boolean;
  /** Every problem of the cron, in the server's words. */
  problems: string[];
  warning?: string;
  /** The schedule in words and its next runs (ISO instants), when it parses and fires. */
  words: string | null;
  runs: string[];
  timezone: string;
}

/** An analysis made elsewhere (on the server), with the value and timezone it is about. */
export interface AnalysedCron {
  cron: string;
  timezone: string;
  analysis: CronAnalysis;
}

export function analyseCron(cron: string, timezone: string): CronAnalysis {
  const text = cron.trim();
  const check = checkSchedule(text, timezone, DEFAULT_MIN_SCHEDULE_INTERVAL_SECONDS);
  const problems = check.errors.filter((e) => e.attr === "cron_string").map((e) => e.detail);
  let words: string | null = null;
  if (text && check.nextRuns.length) {
    try {
      words = cronstrue.toString(text, { use24HourTimeFormat: true, throwExceptionOnParseError: true });
    } catch {
      words = text;
    }
  }
  return {
    empty: !text,
    problems,
    ...(check.warning ? { warning: check.warning } : {}),
    words,
    runs: check.nextRuns.map((run) => run.toISOString()),
    timezone: check.timezone ?? timezone,
  };
}
