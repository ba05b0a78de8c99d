"use client";

// "Import a configuration file" on /pipelines/new: the file is read and checked in the browser,
// summarised, then sent to POST …/pipelines/import under the name the user keeps or picks.
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { formatDateTime } from "@/components/format";
import { FieldError, FormError } from "@/components/ui/status";
import { TextField } from "@/components/ui/text-field";
import { showToast } from "@/components/ui/toast";
import type { PipelineConfigDocument } from "@/lib/api/console/schemas-decommission";
import { pipelineNameProblem } from "@/lib/pipeline-name-rules";
import { NO_IMPORT_ERRORS, placeImportErrors, type ImportErrors } from "./config-document";
import { MAX_CONFIG_BYTES, NOT_A_CONFIG } from "./config-limits";
import { loadFormSchemas, SCHEMAS_UNAVAILABLE } from "./load-form-schemas";
import { useImportPipeline } from "./use-import-pipeline";

export const IMPORT_NOTE = "It is created paused, without API keys: resume it when you are ready.";

interface ChosenFile {
  /** Tells one choice from the next, so the review starts afresh for each file. */
  serial: number;
  fileName: string;
  config: PipelineConfigDocument;
}

interface ImportConfigSectionProps {
  org: string;
  orgName: string;
  /** Whether a file is being reviewed: the page then sets its own form aside. */
  onReviewing: (reviewing: boolean) => void;
}

export function ImportConfigSection({ org, orgName, onReviewing }: ImportConfigSectionProps) {
  const inputRef = useRef<HTMLInputElement>(null);
  const serial = useRef(0);
  const [chosen, setChosen] = useState<ChosenFile | null>(null);
  const [problems, setProblems] = useState<string[]>([]);

  function show(next: ChosenFile | null, nextProblems: string[]) {
    setChosen(next);
    setProblems(nextProblems);
    onReviewing(next !== null);
  }

  async function choose(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    const mine = ++serial.current;
    show(null, []);
    if (!file) return;
    if (file.size > MAX_CONFIG_BYTES) return show(null, [`${NOT_A_CONFIG} It is larger than any configuration (over 1 MB).`]);
    let text: string;
    try {
      text = await file.text();
    } catch {
      return show(null, ["Could not read this file. Choose it again."]);
    }
    let schemas;
    try {
      schemas = await loadFormSchemas();
    } catch {
      if (mine === serial.current) show(null, [SCHEMAS_UNAVAILABLE]);
      return;
    }
    // A file chosen meanwhile wins over this one.
    if (mine !== serial.current) return;
    const read = schemas.readPipelineConfig(text);
    if (read.ok) show({ serial: mine, fileName: file.name, config: read.config }, []);
    else show(null, read.problems);
  }

  function cancel() {
    serial.current += 1;
    if (inputRef.current) {
      inputRef.current.value = "";
      inputRef.current.focus();
    }
    show(null, []);
  }

  return (
    <section aria-labelledby="import-config-heading" className="card space-y-4 p-4 sm:p-6" data-testid="import-config">
      <div>
        <h2 id="import-config-heading" className="text-lg font-semibold">
          Import a configuration file
        </h2>
        <p className="mt-1 text-sm text-ink-muted">Start from a file downloaded from a pipeline’s Overview: its settings, schedule, jobs and sharing.</p>
      </div>
      <div>
        <label htmlFor="config-file" className="label">
          Configuration file (.json)
        </label>
        <input
          ref={inputRef}
          id="config-file"
          type="file"
          accept=".json,application/json"
          onChange={(event) => void choose(event)}
          aria-invalid={problems.length ? true : undefined}
          aria-describedby={problems.length ? "config-file-problems" : undefined}
          className="block w-full min-w-0 text-sm text-ink-muted file:mr-3 file:cursor-pointer file:rounded-md file:border file:border-solid file:border-gray-300 file:bg-white file:px-3 file:py-2 file:text-sm file:font-medium file:text-ink hover:file:bg-surface-sunken"
          data-testid="config-file"
        />
        {problems.length > 0 && (
          <div id="config-file-problems" role="alert" className="mt-2 rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="config-file-problems">
            {problems.map((problem) => (
              <p key={problem} className="break-words">
                {problem}
              </p>
            ))}
          </div>
        )}
      </div>
      {chosen && <ImportReview key={chosen.serial} org={org} orgName={orgName} fileName={chosen.fileName} config={chosen.config} onCancel={cancel} />}
    </section>
  );
}

interface ImportReviewProps {
  org: string;
  orgName: string;
  fileName: string;
  config: PipelineConfigDocument;
  onCancel: () => void;
}

function ImportReview({ org, orgName, fileName, config, onCancel }: ImportReviewProps) {
  const router = useRouter();
  const importing = useImportPipeline(org);
  const nameRef = useRef<HTMLInputElement>(null);
  const [name, setName] = useState(config.pipeline_name);
  const [errors, setErrors] = useState<ImportErrors>(NO_IMPORT_ERRORS);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    // Loaded already: the file was read with the same module.
    const { pipelineName } = await loadFormSchemas();
    const checked = pipelineName.safeParse(name);
    const nameProblem = checked.success ? pipelineNameProblem(checked.data) : null;
    if (!checked.success || nameProblem) {
      setErrors({ ...NO_IMPORT_ERRORS, name: checked.success ? (nameProblem ?? undefined) : checked.error.issues[0]?.message });
      nameRef.current?.focus();
      return;
    }
    setErrors(NO_IMPORT_ERRORS);
    const renamed = checked.data !== config.pipeline_name;
    importing.mutate(renamed ? { config, pipeline_name: checked.data } : { config }, {
      onSuccess: ({ pipeline, skipped_shares }) => {
        showToast(`Pipeline “${pipeline.pipeline_name}” created, paused.`);
        if (skipped_shares.length) showToast(`Not shared with ${skipped_shares.join(", ")}: not members of ${orgName}.`);
        router.push(`/pipelines/${pipeline.id}`);
      },
      onError: (error) => {
        const placed = placeImportErrors(error);
        setErrors(placed);
        if (placed.name) nameRef.current?.focus();
      },
    });
  }

  const { sharing } = config;
  return (
    <form onSubmit={(event) => void submit(event)} noValidate className="space-y-4 border-t border-gray-200 pt-4" aria-labelledby="import-review-heading" data-testid="import-review">
      <div>
        <h3 id="import-review-heading" className="font-semibold">
          What will be created
        </h3>
        <p className="mt-1 break-words text-sm text-ink-muted">
          From <span className="font-medium text-ink">{fileName}</span>: “{config.pipeline_name}”
          {config.exported_at && <>, exported {formatDateTime(config.exported_at)}</>}.
        </p>
      </div>
      <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[8rem_minmax(0,1fr)]" data-testid="import-summary">
        <Term>Type</Term>
        <dd data-testid="import-type">{config.pipeline_type}</dd>
        {config.description && (
          <>
            <Term>Description</Term>
            <dd className="break-words">{config.description}</dd>
          </>
        )}
        <Term>Schedule</Term>
        <dd data-testid="import-schedule">
          {config.cron_string ? <code className="font-mono">{config.cron_string}</code> : "Only when started"}{" "}
          <span className="text-ink-muted">({config.timezone})</span>
          <FieldError id="import-schedule-error" message={errors.schedule.join(" ") || undefined} />
        </dd>
        <Term>Jobs</Term>
        <dd>
          {config.jobs.length === 0 ? (
            "None"
          ) : (
            <ol className="space-y-2" data-testid="import-jobs">
              {config.jobs.map((job, i) => (
                <li key={i} className="min-w-0 break-words" data-testid="import-job">
                  <span className="font-medium">{job.name}</span>: from {job.source.name} <span className="text-ink-muted">({job.source.connector})</span>
                  {job.destination ? (
                    <>
                      {" "}
                      to {job.destination.name} <span className="text-ink-muted">({job.destination.connector})</span>
                    </>
                  ) : (
                    <span className="text-ink-muted">, no destination</span>
                  )}
                  <FieldError id={`import-job-${i}-error`} message={errors.jobs[i]?.join(" ")} />
                </li>
              ))}
            </ol>
          )}
        </dd>
        <Term>Sharing</Term>
        <dd className="break-words" data-testid="import-sharing">
          {sharing.shared_to_org && <p>Everyone in {orgName}</p>}
          {sharing.shared_users.length > 0 && <p>{sharing.shared_users.join(", ")}</p>}
          {!sharing.shared_to_org && sharing.shared_users.length === 0 && <p>Not shared</p>}
          {sharing.shared_users.length > 0 && <p className="text-xs text-ink-muted">People who are not members of {orgName} are left out.</p>}
        </dd>
      </dl>
      <TextField
        ref={nameRef}
        id="import-name"
        label="Name of the new pipeline"
        value={name}
        onChange={(event) => {
          setName(event.target.value);
          // The error was about the name it was given.
          setErrors((current) => ({ ...current, name: undefined }));
        }}
        autoComplete="off"
        required
        hint="Up to 32 characters, unique in this organization."
        error={errors.name}
      />
      <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-ink" data-testid="import-note">
        {IMPORT_NOTE}
      </p>
      <FormError messages={errors.general} testId="import-error" />
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <button type="button" className="btn-secondary" onClick={onCancel} disabled={importing.isPending}>
          Cancel
        </button>
        <button type="submit" className="btn-primary" disabled={importing.isPending} data-testid="import-submit">
          {importing.isPending ? "Creating…" : "Create paused pipeline"}
        </button>
      </div>
    </form>
  );
}

function Term({ children }: { children: string }) {
  return <dt className="text-xs font-medium uppercase tracking-wide text-ink-faint sm:pt-0.5">{children}</dt>;
}
