"use client";

// A cron string with everything needed to trust it before saving: the schedule in words, the
// next five runs in the pipeline's timezone, and the server's own rules (lib/schedule-rules.ts)
// checked as you type, in the server's words. croner and cronstrue load only when a schedule is
// edited (use-cron-analysis.ts).
import { useMemo } from "react";
import { DEFAULT_MIN_SCHEDULE_INTERVAL_SECONDS, tooFrequentMessage } from "@/lib/schedule-interval";
import type { AnalysedCron } from "./cron-analysis";
import { useCronAnalysis } from "./use-cron-analysis";

/** The server's default minimum gap between runs (MIN_SCHEDULE_INTERVAL_SECONDS). */
const MIN_GAP_SECONDS = DEFAULT_MIN_SCHEDULE_INTERVAL_SECONDS;
const TOO_FREQUENT = tooFrequentMessage(MIN_GAP_SECONDS);

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
  /** The saved schedule, analysed on the server: shown without fetching croner and cronstrue. */
  initial?: AnalysedCron;
}

function runFormatter(timezone: string): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat("en", { timeZone: timezone, dateStyle: "full", timeStyle: "short", hourCycle: "h23" });
  } catch {
    return new Intl.DateTimeFormat("en", { timeZone: "UTC", dateStyle: "full", timeStyle: "short", hourCycle: "h23" });
  }
}

export function CronEditor({ id, value, onChange, timezone, error, refusal, initial }: CronEditorProps) {
  const { analysis, preload } = useCronAnalysis(value, timezone, initial);
  const format = useMemo(() => runFormatter(analysis.timezone), [analysis.timezone]);
  // The server's answer (after a submit) or, until then, the same rules checked here: one list.
  const problems = error ? [error] : analysis.problems;
  const problem = problems.length > 0;
  // The rule is said once: as the hint, or as the refusal when this cron breaks it.
  const breaksRule = problems.some((p) => p.startsWith("Schedules must be at least"));
  const ids = { hint: `${id}-hint`, rule: `${id}-rule`, error: `${id}-error`, words: `${id}-words`, warning: `${id}-warning` };
  const describedBy = [ids.hint, breaksRule ? null : ids.rule, problem ? ids.error : null, analysis.words ? ids.words : null, analysis.warning ? ids.warning : null]
    .filter(Boolean)
    .join(" ");
  const locked = !!refusal;

  return (
    // Reaching for the editor fetches what checks a new value, before the first keystroke.
    <div className="space-y-2" data-testid="cron-editor" onPointerEnter={locked ? undefined : preload} onFocus={locked ? undefined : preload}>
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
      {!breaksRule && (
        <p id={ids.rule} className="text-xs text-ink-muted" data-testid="cron-rule">
          {TOO_FREQUENT.split(";")[0]}: the server refuses a schedule that runs more often.
        </p>
      )}
      <div id={ids.error} aria-live="polite" className="text-sm text-bad" data-testid="cron-error">
        {problems.length === 1 ? problems[0] : problems.length > 1 && (
          <ul className="list-disc pl-5">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        )}
      </div>
      {analysis.warning && !problem && (
        <p id={ids.warning} className="text-sm text-warn" data-testid="cron-warning">
          {analysis.warning}
        </p>
      )}
      {analysis.empty && <p className="text-sm text-ink-muted">No schedule: the pipeline runs only when started.</p>}
      {analysis.words && (
        <div className="rounded-md bg-surface-muted px-3 py-2 text-sm">
          <p id={ids.words} className="font-medium" data-testid="cron-words">
            {analysis.words}
            <span className="font-normal text-ink-muted"> ({analysis.timezone})</span>
          </p>
          <p className="mt-2 text-xs font-medium uppercase tracking-wide text-ink-faint">Next five runs</p>
          <ol className="mt-1 space-y-0.5 tabular-nums" data-testid="cron-next-runs">
            {analysis.runs.map((run) => (
              <li key={run}>
                <time dateTime={run}>{format.format(new Date(run))}</time>
              </li>
            ))}
          </ol>
        </div>
      )}
    </div>
  );
}
