// A job as a form holds it while it is typed, and the checks of its config: apart from the
// jobs' fields so the pipeline page can check and save jobs without loading the editor, which
// it fetches only when the user edits them.
import type { FieldErrors } from "./form-issues";

export interface JobDraft {
  key: number;
  /** An existing job being edited (the pipeline page): it keeps its identity and state. */
  id?: string;
  name: string;
  source: string;
  destination: string;
  /** The job's own config as typed: a JSON object, or empty for none. */
  configText: string;
}

const CONFIG_RULE = 'a JSON object, for example {"batch_size": 500}';

/** A job's config as the form shows it: compact JSON, empty for none. */
export function configTextOf(config: Record<string, unknown> | undefined): string {
  return config && Object.keys(config).length > 0 ? JSON.stringify(config) : "";
}

/** The config typed for a job, or null when it is not a JSON object. */
export function configOf(text: string): Record<string, unknown> | null {
  if (text.trim() === "") return {};
  try {
    const value: unknown = JSON.parse(text);
    return value !== null && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/** The jobs' configs that are not JSON objects, as field errors under each (jobs.N.config). */
export function configErrors(jobs: JobDraft[]): FieldErrors {
  return Object.fromEntries(jobs.flatMap((job, i) => (configOf(job.configText) ? [] : [[`jobs.${i}.config`, `The config must be ${CONFIG_RULE}.`]])));
}

let nextKey = 1;

/** A key no draft on the page has: React tells the drafts apart by it. */
export function newJobKey(): number {
  return nextKey++;
}
