"use client";

// The optional steps of a new pipeline: each reads a source connection and may write to a
// destination. The choices come from GET /resources.
import { ApiError } from "@/components/api-client";
import { useResources } from "@/components/connections/use-resources";
import { ErrorNotice, FieldError, Loading } from "@/components/ui/status";
import type { FieldErrors } from "./form-issues";
import { newJobKey, type JobDraft } from "./jobs-drafts";

export { configErrors, configOf, configTextOf, newJobKey, type JobDraft } from "./jobs-drafts";

interface JobsFieldsProps {
  org: string;
  jobs: JobDraft[];
  onChange: (jobs: JobDraft[]) => void;
  errors: FieldErrors;
}

export function JobsFields({ org, jobs, onChange, errors }: JobsFieldsProps) {
  const resources = useResources(org);

  // Without a resources API there is nothing to pick from: the pipeline starts without jobs.
  if (resources.isError && resources.error instanceof ApiError && resources.error.status === 404) return null;

  const sources = resources.data?.rows.filter((r) => r.kind === "source") ?? [];
  const destinations = resources.data?.rows.filter((r) => r.kind === "destination") ?? [];
  const noSources = resources.isSuccess && sources.length === 0;

  function edit(key: number, change: Partial<JobDraft>) {
    onChange(jobs.map((job) => (job.key === key ? { ...job, ...change } : job)));
  }

  return (
    <fieldset className="space-y-4 rounded-md border border-gray-200 p-4" data-testid="jobs">
      <legend className="px-1 text-sm font-semibold">
        Jobs <span className="font-normal text-ink-faint">(optional)</span>
      </legend>
      <p className="text-sm text-ink-muted">
        A run executes its jobs in order. Without jobs a pipeline runs and completes with nothing to move.
      </p>
      {resources.isPending && <Loading label="Loading connections…" />}
      {resources.isError && <ErrorNotice title="Could not load the connections." error={resources.error} onRetry={() => void resources.refetch()} />}
      {jobs.map((job, i) => {
        const id = `job-${job.key}`;
        const err = (field: string) => errors[`jobs.${i}.${field}`];
        return (
          <fieldset key={job.key} className="space-y-3 rounded-md bg-surface-muted p-3" data-testid="job">
            <legend className="sr-only">Job {i + 1}</legend>
            <div className="flex items-center justify-between gap-2">
              <p aria-hidden className="text-sm font-medium">
                Job {i + 1}
              </p>
              <button type="button" className="btn-secondary py-1" onClick={() => onChange(jobs.filter((j) => j.key !== job.key))}>
                Remove<span className="sr-only"> job {i + 1}</span>
              </button>
            </div>
            <div className="grid gap-3 sm:grid-cols-3">
              <div>
                <label htmlFor={`${id}-name`} className="label">
                  Job name
                </label>
                <input
                  id={`${id}-name`}
                  className={`input ${err("name") ? "border-bad" : ""}`}
                  value={job.name}
                  onChange={(event) => edit(job.key, { name: event.target.value })}
                  aria-invalid={err("name") ? true : undefined}
                  aria-describedby={err("name") ? `${id}-name-error` : undefined}
                />
                <FieldError id={`${id}-name-error`} message={err("name")} />
              </div>
              <div>
                <label htmlFor={`${id}-source`} className="label">
                  Source
                </label>
                <select
                  id={`${id}-source`}
                  className={`input ${err("source") ? "border-bad" : ""}`}
                  value={job.source}
                  onChange={(event) => edit(job.key, { source: event.target.value })}
                  aria-invalid={err("source") ? true : undefined}
                  aria-describedby={err("source") ? `${id}-source-error` : undefined}
                  data-testid="job-source"
                >
                  <option value="">Choose a source…</option>
                  {sources.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name} ({r.connector})
                    </option>
                  ))}
                </select>
                <FieldError id={`${id}-source-error`} message={err("source") && (job.source ? err("source") : "Choose a source connection.")} />
              </div>
              <div>
                <label htmlFor={`${id}-destination`} className="label">
                  Destination <span className="font-normal text-ink-faint">(optional)</span>
                </label>
                <select
                  id={`${id}-destination`}
                  className={`input ${err("destination") ? "border-bad" : ""}`}
                  value={job.destination}
                  onChange={(event) => edit(job.key, { destination: event.target.value })}
                  aria-invalid={err("destination") ? true : undefined}
                  aria-describedby={err("destination") ? `${id}-destination-error` : undefined}
                  data-testid="job-destination"
                >
                  <option value="">None: storage only</option>
                  {destinations.map((r) => (
                    <option key={r.id} value={r.id}>
                      {r.name} ({r.connector})
                    </option>
                  ))}
                </select>
                <FieldError id={`${id}-destination-error`} message={err("destination")} />
              </div>
            </div>
            <div>
              <label htmlFor={`${id}-config`} className="label">
                Config <span className="font-normal text-ink-faint">(optional JSON; its keys override the connection&apos;s)</span>
              </label>
              <textarea
                id={`${id}-config`}
                className={`input min-h-10 font-mono text-xs ${err("config") ? "border-bad" : ""}`}
                rows={2}
                value={job.configText}
                placeholder='{"batch_size": 500}'
                spellCheck={false}
                onChange={(event) => edit(job.key, { configText: event.target.value })}
                aria-invalid={err("config") ? true : undefined}
                aria-describedby={err("config") ? `${id}-config-error` : undefined}
              />
              <FieldError id={`${id}-config-error`} message={err("config")} />
            </div>
          </fieldset>
        );
      })}
      <FieldError id="jobs-error" message={errors.jobs} />
      <div>
        <button
          type="button"
          className="btn-secondary"
          aria-disabled={noSources || undefined}
          aria-describedby={noSources ? "jobs-no-sources" : undefined}
          title={noSources ? "There is no source connection to read from." : undefined}
          onClick={() => {
            if (noSources) return;
            onChange([...jobs, { key: newJobKey(), name: `Job ${jobs.length + 1}`, source: "", destination: "", configText: "" }]);
          }}
          data-testid="add-job"
        >
          Add a job
        </button>
        {noSources && (
          <p id="jobs-no-sources" className="mt-1 text-sm text-ink-muted">
            There is no source connection to read from yet: add one on the Connections page first.
          </p>
        )}
      </div>
    </fieldset>
  );
}
