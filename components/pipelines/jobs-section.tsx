"use client";

// The pipeline's jobs on its page: each as source → destination with its config and state. The
// owner or an admin adds, edits, moves and removes them; every change saves the whole ordered
// list with §1 PATCH {jobs}, so ids keep their job and its cursor.
import { useState } from "react";
import type { Me } from "@/components/console/use-me";
import { formatCount, formatDateTime } from "@/components/format";
import { FormError } from "@/components/ui/status";
import type { PatchPipelineRequest } from "@/lib/api/unstract/schemas";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "./form-issues";
import { configErrors, configOf, configTextOf, newJobKey, type JobDraft } from "./jobs-drafts";
import { LazyJobsFields } from "./lazy-jobs-fields";
import { formSchemasOr, preloadFormSchemas } from "./load-form-schemas";
import { CHANGE_REFUSED, canChangePipeline } from "./permissions";
import type { PipelineDetail, PipelineJob } from "./types";
import { useUpdatePipeline } from "./use-pipelines";

type JobsBody = NonNullable<PatchPipelineRequest["jobs"]>;

const asRequest = (job: PipelineJob): JobsBody[number] => ({
  id: job.id,
  name: job.name,
  source: job.source?.id ?? "",
  destination: job.destination?.id ?? null,
  config: job.config,
});

const asDraft = (job: PipelineJob): JobDraft => ({
  id: job.id,
  key: newJobKey(),
  name: job.name,
  source: job.source?.id ?? "",
  destination: job.destination?.id ?? "",
  configText: configTextOf(job.config),
});

export function JobsSection({ org, me, pipeline }: { org: string; me: Me; pipeline: PipelineDetail }) {
  const update = useUpdatePipeline(org, pipeline.id);
  const canChange = canChangePipeline(pipeline, me);
  const [drafts, setDrafts] = useState<JobDraft[] | null>(null);
  const [removing, setRemoving] = useState<string | null>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  const jobs = pipeline.jobs ?? [];

  async function save(list: JobsBody, after?: () => void) {
    const schemas = await formSchemasOr(setGeneral);
    if (!schemas) return;
    const parsed = schemas.patchPipelineRequest.pick({ jobs: true }).safeParse({ jobs: list });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      return;
    }
    setErrors({});
    setGeneral([]);
    update.mutate(parsed.data, {
      onSuccess: after,
      onError: (error) => {
        const found = apiFieldErrors(error, (path) => path.startsWith("jobs"));
        setErrors(found.fields);
        setGeneral(found.general);
      },
    });
  }

  function move(index: number, by: -1 | 1) {
    const list = jobs.map(asRequest);
    const [job] = list.splice(index, 1);
    if (job) list.splice(index + by, 0, job);
    void save(list);
  }

  const startEditing = (list: JobDraft[]) => {
    setErrors({});
    setGeneral([]);
    setDrafts(list);
  };
  const newDraft = (): JobDraft => ({ key: newJobKey(), name: `Job ${jobs.length + 1}`, source: "", destination: "", configText: "" });
  function saveDrafts(list: JobDraft[]) {
    const bad = configErrors(list);
    if (Object.keys(bad).length > 0) {
      setErrors(bad);
      return;
    }
    void save(
      list.map((d) => ({ id: d.id, name: d.name, source: d.source, destination: d.destination || null, config: configOf(d.configText) ?? {} })),
      () => setDrafts(null),
    );
  }

  return (
    // The schemas that check a change are fetched as soon as the user reaches for the jobs.
    <section
      aria-labelledby="jobs-heading"
      className="card space-y-4 p-4 sm:p-6"
      data-testid="jobs-section"
      onPointerEnter={canChange ? preloadFormSchemas : undefined}
      onFocus={canChange ? preloadFormSchemas : undefined}
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id="jobs-heading" className="text-lg font-semibold">
          Jobs
        </h2>
        {canChange && drafts === null && jobs.length > 0 && (
          <button type="button" className="btn-secondary" onClick={() => startEditing(jobs.map(asDraft))}>
            Edit jobs
          </button>
        )}
      </div>
      {!canChange && <p className="text-sm text-ink-muted">{CHANGE_REFUSED}</p>}
      {drafts !== null ? (
        <div className="space-y-3" data-testid="jobs-editor">
          <LazyJobsFields org={org} jobs={drafts} onChange={setDrafts} errors={errors} />
          <FormError messages={general} testId="jobs-error" />
          <div className="flex gap-2">
            <button
              type="button"
              className="btn-primary"
              disabled={update.isPending}
              onClick={() => saveDrafts(drafts)}
            >
              {update.isPending ? "Saving…" : "Save jobs"}
            </button>
            <button type="button" className="btn-secondary" onClick={() => setDrafts(null)}>
              Cancel
            </button>
          </div>
        </div>
      ) : jobs.length === 0 ? (
        <div className="space-y-3">
          <p className="text-sm text-ink-muted" data-testid="jobs-empty">
            No jobs: runs complete with nothing to move.
          </p>
          {canChange && (
            <button type="button" className="btn-secondary" onClick={() => startEditing([newDraft()])}>
              Add job
            </button>
          )}
        </div>
      ) : (
        <>
          <ol className="space-y-3">
            {jobs.map((job, i) => (
              <li key={job.id} className="rounded-md border border-gray-200 p-3" data-testid="pipeline-job">
                <JobFacts job={job} />
                {canChange && (
                  <div className="mt-3 flex flex-wrap gap-2">
                    <button type="button" className="btn-secondary py-1" disabled={i === 0 || update.isPending} onClick={() => move(i, -1)}>
                      Move up<span className="sr-only"> job {job.name}</span>
                    </button>
                    <button type="button" className="btn-secondary py-1" disabled={i === jobs.length - 1 || update.isPending} onClick={() => move(i, 1)}>
                      Move down<span className="sr-only"> job {job.name}</span>
                    </button>
                    {removing === job.id ? (
                      <span role="group" aria-label={`Confirm removing job ${job.name}`} className="flex flex-wrap items-center gap-2">
                        <span className="text-sm">Remove “{job.name}” and its cursor?</span>
                        <button
                          type="button"
                          className="btn-danger py-1"
                          disabled={update.isPending}
                          onClick={() => void save(jobs.filter((j) => j.id !== job.id).map(asRequest), () => setRemoving(null))}
                        >
                          Remove job
                        </button>
                        <button type="button" className="btn-secondary py-1" onClick={() => setRemoving(null)}>
                          Keep it
                        </button>
                      </span>
                    ) : (
                      <button type="button" className="btn-secondary py-1" onClick={() => setRemoving(job.id)}>
                        Remove<span className="sr-only"> job {job.name}</span>
                      </button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
          <FormError messages={[...general, ...Object.values(errors)]} testId="jobs-error" />
          {canChange && (
            <button type="button" className="btn-secondary" onClick={() => startEditing([...jobs.map(asDraft), newDraft()])}>
              Add job
            </button>
          )}
        </>
      )}
    </section>
  );
}

function JobFacts({ job }: { job: PipelineJob }) {
  const config = Object.entries(job.config);
  return (
    <div className="space-y-1 text-sm">
      <p className="font-medium">{job.name}</p>
      <p data-testid="job-route">
        {job.source?.name ?? "No source"} → {job.destination?.name ?? "storage only"}
      </p>
      <p className="text-ink-muted" data-testid="job-config">
        {config.length === 0
          ? "No config of its own"
          : config.map(([key, value]) => `${key}: ${typeof value === "string" ? value : JSON.stringify(value)}`).join(", ")}
      </p>
      <p className="text-ink-muted" data-testid="job-state">
        {job.state
          ? `Cursor ${job.state.cursor ?? "none"} · last run ${job.state.last_rows === null ? "moved an unknown number of rows" : `moved ${formatCount(job.state.last_rows)} rows`} · updated ${formatDateTime(job.state.updated_at)}`
          : "Not run yet"}
      </p>
    </div>
  );
}
