// The cron rules of §1, for the server and the form alike (no server imports; croner runs in the
// browser too): five fields, each value within its field's range, a schedule that fires at all,
// runs no closer than the minimum interval, and a timezone by its IANA name. The server adds only
// its setting and its error type (lib/domain/schedule-rules.ts); the cron editor checks as you type.
import { Cron } from "croner";
import { tooFrequentMessage } from "./schedule-interval";
import { canonicalTimezone } from "./timezones";

export { DEFAULT_MIN_SCHEDULE_INTERVAL_SECONDS, tooFrequentMessage } from "./schedule-interval";
/** Enough upcoming runs to see the tightest gap of any cron that repeats within a year. */
const RUNS_CHECKED = 1000;
/** A run this far ahead or more is worth a warning: the schedule is almost never. */
const RARE_AFTER_MS = 366 * 24 * 3600 * 1000;

export const INVALID_CRON = "Invalid cron string format.";
export const NEVER_FIRES = "This schedule never fires.";

export interface ScheduleProblem {
  /** The request field at fault: "cron_string" or "timezone". */
  attr: "cron_string" | "timezone";
  detail: string;
}

export interface ScheduleCheck {
  errors: ScheduleProblem[];
  /** A caution that does not stop the save (a schedule that fires less than once a year). */
  warning?: string;
  /** The next runs (up to `runs`, default 5) when the cron parses; [] otherwise. */
  nextRuns: Date[];
  /** The canonical name of the timezone, or null when it is unknown. */
  timezone: string | null;
}

interface Field {
  name: string;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"] as const;
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"] as const;
const MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];

const FIELDS: readonly Field[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 0, max: 7, names: DAYS },
];

const range = (field: Field) => `${field.min}–${field.max}`;

/** A value of a field: a number, or a month/day name (which is always in range). */
function valueOf(field: Field, text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase() as never) ?? -1;
  if (index < 0) return null;
  return field === FIELDS[3] ? index + 1 : index;
}

/** The problems of one field's text: every value, range end and step checked against its range. */
function fieldProblems(field: Field, text: string): string[] {
  const problems: string[] = [];
  for (const part of text.split(",")) {
    // croner's extensions, kept as they are: ?, L, LW, nW in a day of month; nL, n#k in a day of week.
    if (part === "?" || (field.name === "day of month" && /^(L|LW|\d{1,2}W)$/i.test(part))) continue;
    if (field.name === "day of week" && /^\w+(#[1-5]|L)$/i.test(part)) {
      const day = valueOf(field, part.replace(/(#\d|L)$/i, ""));
      if (day === null || day > field.max) problems.push(`${field.name} ${part} is not a day of the week (${range(field)}).`);
      continue;
    }
    const [base = "", step, extra] = part.split("/");
    if (extra !== undefined || base === "") {
      problems.push(`${field.name} "${part}" is not a value, a range or a step.`);
      continue;
    }
    if (step !== undefined) {
      if (!/^\d+$/.test(step)) problems.push(`${field.name} step "${step}" is not a number.`);
      else if (Number(step) < 1 || Number(step) > field.max) problems.push(`${field.name} step ${step} is outside 1–${field.max}.`);
    }
    if (base === "*") continue;
    const ends = base.split("-");
    if (ends.length > 2) {
      problems.push(`${field.name} "${part}" is not a value, a range or a step.`);
      continue;
    }
    const values = ends.map((end) => ({ end, value: valueOf(field, end) }));
    let inRange = true;
    for (const { end, value } of values) {
      if (value === null) {
        problems.push(`${field.name} "${end}" is not a number${field.names ? " or a name" : ""}.`);
        inRange = false;
      } else if (value < field.min || value > field.max) {
        problems.push(`${field.name} ${end} is outside ${range(field)}.`);
        inRange = false;
      }
    }
    const [from, to] = values.map((v) => v.value);
    if (inRange && from != null && to != null && from > to) problems.push(`${field.name} range ${base} runs backwards: ${from} is after ${to}.`);
  }
  return problems;
}

const ordinal = (n: number) => `${n}${n % 10 === 1 && n !== 11 ? "st" : n % 10 === 2 && n !== 12 ? "nd" : n % 10 === 3 && n !== 13 ? "rd" : "th"}`;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Why a cron never fires, when the reason is plain: a day of month that none of its months has. */
function neverFiresReason(fields: string[]): string | null {
  const [, , dom = "", month = "", dow = ""] = fields;
  if (!/^\d+(,\d+)*$/.test(dom) || !/^\d+(,\d+)*$/.test(month) || !(dow === "*" || dow === "?")) return null;
  const days = dom.split(",").map(Number);
  const months = month.split(",").map(Number);
  const first = Math.min(...days);
  if (!months.every((m) => first > (DAYS_IN_MONTH[m - 1] ?? 31))) return null;
  const names = months.map((m) => MONTH_NAMES[m - 1]);
  const day = days.length === 1 ? `a ${ordinal(first)}` : `any of the days ${dom}`;
  return names.length === 1 ? `${names[0]} has no ${day.replace(/^a /, "")}` : `none of ${names.join(", ")} has ${day}`;
}

/** Parses a five-field cron read in `timezone`; throws on a malformed one. */
export function parseCron(cron: string, timezone: string): Cron {
  return new Cron(cron.trim(), { timezone, paused: true, mode: "5-part" });
}

export interface CheckOptions {
  /** The instant the runs are counted from (now by default). */
  now?: Date;
  /** How many upcoming runs to return in `nextRuns` (5 by default). */
  runs?: number;
}

/**
 * Every problem of a schedule at once, each on its field: the cron's five fields and their
 * ranges, whether it ever fires, the minimum interval, and the timezone. An empty cron is no
 * schedule and has no problem but a bad timezone.
 */
export function checkSchedule(cron: string | null | undefined, timezone: string, minIntervalSeconds: number, options: CheckOptions = {}): ScheduleCheck {
  const now = options.now ?? new Date();
  const canonical = canonicalTimezone(timezone);
  const errors: ScheduleProblem[] = [];
  if (canonical === null) errors.push({ attr: "timezone", detail: `"${timezone}" is not a valid IANA timezone.` });
  const text = (cron ?? "").trim();
  const result = (nextRuns: Date[] = [], warning?: string): ScheduleCheck => ({ errors, nextRuns, timezone: canonical, ...(warning ? { warning } : {}) });
  if (!text) return result();

  const fields = text.split(/\s+/);
  if (fields.length !== 5) {
    errors.push({ attr: "cron_string", detail: INVALID_CRON });
    return result();
  }
  const fieldErrors = FIELDS.flatMap((field, i) => fieldProblems(field, fields[i] ?? ""));
  if (fieldErrors.length) {
    errors.push(...fieldErrors.map((detail) => ({ attr: "cron_string" as const, detail })));
    return result();
  }
  let schedule: Cron;
  try {
    schedule = parseCron(text, canonical ?? "UTC");
  } catch {
    errors.push({ attr: "cron_string", detail: INVALID_CRON });
    return result();
  }
  const first = schedule.nextRuns(1, now);
  if (first.length === 0) {
    const why = neverFiresReason(fields);
    errors.push({ attr: "cron_string", detail: why ? `${fields.join(" ")} never fires: ${why}.` : NEVER_FIRES });
    return result();
  }
  if (minIntervalSeconds > 60 && fields[0] === "*") {
    errors.push({ attr: "cron_string", detail: tooFrequentMessage(minIntervalSeconds) });
  } else {
    const runs = schedule.nextRuns(RUNS_CHECKED, now);
    for (let i = 1; i < runs.length; i++) {
      const gap = ((runs[i]?.getTime() ?? 0) - (runs[i - 1]?.getTime() ?? 0)) / 1000;
      if (gap < minIntervalSeconds) {
        errors.push({ attr: "cron_string", detail: tooFrequentMessage(minIntervalSeconds) });
        break;
      }
    }
  }
  const upcoming = schedule.nextRuns(options.runs ?? 5, now);
  const next = upcoming[0];
  const rare = next && next.getTime() - now.getTime() >= RARE_AFTER_MS;
  return result(upcoming, rare ? `This schedule next fires on ${next.toISOString().slice(0, 10)}, more than a year from now.` : undefined);
}
