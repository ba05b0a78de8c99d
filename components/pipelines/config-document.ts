// The pipeline configuration document (GET …/export, and the snapshot a deletion keeps in the
// audit log) as the console handles it before sending it to POST …/pipelines/import. No zod
// here: the audit page only needs to recognise a snapshot, not to check it.
import { ApiError, errorMessage } from "@/components/api-client";

export const CONFIG_FORMAT = "sluice.pipeline/1";

/** What the console knows of a document before the server reads it: its format and name. */
export interface ConfigSnapshot {
  format: typeof CONFIG_FORMAT;
  pipeline_name: string;
  [field: string]: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null && !Array.isArray(value);

export function isConfigSnapshot(value: unknown): value is ConfigSnapshot {
  return isObject(value) && value.format === CONFIG_FORMAT && typeof value.pipeline_name === "string";
}

/** The configuration an audit entry's details kept (`details.snapshot` of a pipeline.delete), if any. */
export function snapshotOf(details: Record<string, unknown> | null): ConfigSnapshot | null {
  const snapshot = details?.snapshot;
  return isConfigSnapshot(snapshot) ? snapshot : null;
}

/** The job names of a snapshot, by position, to say which job an error is about. */
export function snapshotJobNames(snapshot: ConfigSnapshot): string[] {
  const jobs = Array.isArray(snapshot.jobs) ? snapshot.jobs : [];
  return jobs.map((job, i) => (isObject(job) && typeof job.name === "string" ? job.name : `Job ${i + 1}`));
}

/** A refused import's messages, each where the user reads it. */
export interface ImportErrors {
  /** About the new pipeline's name: a taken name, or one the rules refuse. */
  name: string | undefined;
  /** About the cron string or the timezone. */
  schedule: string[];
  /** By the job's position in the configuration. */
  jobs: Record<number, string[]>;
  /** About nothing the user can point at: shown in one list. */
  general: string[];
}

export const NO_IMPORT_ERRORS: ImportErrors = { name: undefined, schedule: [], jobs: {}, general: [] };

const JOB_ATTR = /^jobs\.(\d+)(?:\.|$)/;

/**
 * Sorts the API's {attr, detail} items. The server names the document's own fields both bare
 * ("jobs.0.source", from its checks against this org) and under "config." (from the request
 * schema), so both read the same here.
 */
export function placeImportErrors(error: unknown): ImportErrors {
  if (!(error instanceof ApiError) || error.errors.length === 0) return { ...NO_IMPORT_ERRORS, general: [errorMessage(error)] };
  const placed: ImportErrors = { name: undefined, schedule: [], jobs: {}, general: [] };
  for (const { attr, detail } of error.errors) {
    const field = attr?.replace(/^config\./, "") ?? null;
    const job = field ? JOB_ATTR.exec(field) : null;
    if (field === "pipeline_name" && placed.name === undefined) placed.name = detail;
    else if (job) (placed.jobs[Number(job[1])] ??= []).push(detail);
    else if (field === "cron_string" || field === "timezone") placed.schedule.push(detail);
    else placed.general.push(detail);
  }
  return placed;
}
