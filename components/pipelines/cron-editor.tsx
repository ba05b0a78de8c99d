"use client";

// A cron string with everything needed to trust it before saving: the schedule in words, the
// next five runs in the pipeline's timezone, and the server's rules said ahead (five fields,
// runs at least 30 minutes apart). croner and cronstrue load only with this editor.
import { Cron } from "croner";
import cronstrue from "cronstrue";
import { useMemo } from "react";

/** The server's default minimum gap between runs (MIN_SCHEDULE_INTERVAL_SECONDS). */
const MIN_GAP_MINUTES = 30;
const RUNS_CHECKED = 200;

const PRESETS = [
  { label: "Every hour", cron: "0 * * * *" },
  { label: "Every 6 hours", cron: "0 */6 * * *" },
  { label: "Daily at 02:00", cron: "0 2 * * *" },
  { label: "Weekdays at 09:00", cron: "0 9 * * 1-5" },
  { label: "Mondays at 06:00", cron: "0 6 * * 1" },
] as const;

export interface CronEditorProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  timezone: string;
  /** The server's (or the form's) message about this field. */
  error?: string;
  /** Why the schedule cannot be changed, when it cannot. */
  refusal?: string | null;
}

type Analysis =
  | { kind: "empty" }
  | { kind: "invalid"; message: string }
  | { kind: "valid"; words: string; runs: Date[]; tooFrequent: boolean };

function analyse(cron: string, timezone: string): Analysis {
  const text = cron.trim();
  if (!text) return { kind: "empty" };
  const fields = text.split(/\s+/);
  if (fields.length !== 5) return { kind: "invalid", message: "Invalid cron string format. A cron has five fields: minute hour day month weekday." };
  let runs: Date[];
  try {
    runs = new Cron(text, { timezone, paused: true, mode: "5-part" }).nextRuns(RUNS_CHECKED);
  } catch {
    return { kind: "invalid", message: "Invalid cron string format." };
  }
  let words: string;
  try {
    words = cronstrue.toString(text, { use24HourTimeFormat: true, throwExceptionOnParseError: true });
  } catch {
    words = text;
  }
  const gaps = runs.slice(1).map((run, i) => run.getTime() - (runs[i]?.getTime() ?? 0));
  const tooFrequent = fields[0] === "*" || gaps.some((gap) => gap < MIN_GAP_MINUTES * 60_000);
  return { kind: "valid", words, runs: runs.slice(0, 5), tooFrequent };
}

function runFormatter(timezone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: timezone, dateStyle: "full", timeStyle: "short", hourCycle: "h23" });
  } catch {
    return new Intl.DateTimeFormat("en", { timeZone: "UTC", dateStyle: "full", timeStyle: "short", hourCycle: "h23" });
  }
}

export function CronEditor({ id, value, onChange, timezone, error, refusal }: CronEditorProps) {
  const analysis = useMemo(() => analyse(value, timezone), [value, timezone]);
  const format = useMemo(() => runFormatter(timezone), [timezone]);
  const problem = error ?? (analysis.kind === "invalid" ? analysis.message : undefined);
  const ids = { hint: `${id}-hint`, rule: `${id}-rule`, error: `${id}-error`, words: `${id}-words` };
  const describedBy = [ids.hint, ids.rule, problem ? ids.error : null, analysis.kind === "valid" ? ids.words : null].filter(Boolean).join(" ");
  const locked = !!refusal;

  return (
    <div className="space-y-2" data-testid="cron-editor">
      <label htmlFor={id} className="label">
        Schedule (cron)
      </label>
      <input
        id={id}
        className={`input font-mono ${problem ? "border-bad" : ""}`}
        value={value}
        placeholder="e.g. 0 2 * * *"
        autoComplete="off"
        spellCheck={false}
        readOnly={locked}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
        data-testid="cron-input"
      />
      <p id={ids.hint} className="text-xs text-ink-faint">
        Five fields: minute, hour, day of month, month, day of week. Leave empty to run only when started.
      </p>
      <div role="group" aria-label="Schedule presets" className="flex flex-wrap gap-1.5">
        {PRESETS.map((preset) => (
          <button
            key={preset.cron}
            type="button"
            className={`rounded-full border px-2.5 py-1 text-xs font-medium ${
              value.trim() === preset.cron ? "border-brand-500 bg-brand-50 text-brand-700" : "border-gray-300 bg-white text-ink hover:bg-surface-sunken"
            } disabled:cursor-not-allowed disabled:opacity-50`}
            aria-pressed={value.trim() === preset.cron}
            disabled={locked}
            title={refusal ?? preset.cron}
            onClick={() => onChange(preset.cron)}
          >
            {preset.label}
          </button>
        ))}
        <button
          type="button"
          className={`rounded-full border px-2.5 py-1 text-xs font-medium ${
            !value.trim() ? "border-brand-500 bg-brand-50 text-brand-700" : "border-gray-300 bg-white text-ink hover:bg-surface-sunken"
          } disabled:cursor-not-allowed disabled:opacity-50`}
          aria-pressed={!value.trim()}
          disabled={locked}
          title={refusal ?? undefined}
          onClick={() => onChange("")}
        >
          No schedule
        </button>
      </div>
      <p id={ids.rule} className="text-xs text-ink-muted">
        Runs must be at least {MIN_GAP_MINUTES} minutes apart; the server refuses a schedule that runs more often.
      </p>
      <p id={ids.error} aria-live="polite" className="text-sm text-bad" data-testid="cron-error">
        {problem}
      </p>
      {analysis.kind === "empty" && <p className="text-sm text-ink-muted">No schedule: the pipeline runs only when started.</p>}
      {analysis.kind === "valid" && (
        <div className="rounded-md bg-surface-muted px-3 py-2 text-sm">
          <p id={ids.words} className="font-medium" data-testid="cron-words">
            {analysis.words}
            <span className="font-normal text-ink-muted"> ({timezone})</span>
          </p>
          {analysis.tooFrequent && (
            <p className="mt-1 text-warn" data-testid="cron-too-frequent">
              This runs more often than every {MIN_GAP_MINUTES} minutes: the server will refuse it.
            </p>
          )}
          <p className="mt-2 text-xs font-medium uppercase tracking-wide text-ink-faint">Next five runs</p>
          <ol className="mt-1 space-y-0.5 tabular-nums" data-testid="cron-next-runs">
            {analysis.runs.map((run) => (
              <li key={run.getTime()}>
                <time dateTime={run.toISOString()}>{format.format(run)}</time>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
