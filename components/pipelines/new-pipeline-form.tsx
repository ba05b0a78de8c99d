"use client";

// The creation form: checked in the browser with the API's own schema, then by the server,
// whose field errors land beside the same fields.
import { useState, type FormEvent } from "react";
import { FieldError, FormError } from "@/components/ui/status";
import { TextField } from "@/components/ui/text-field";
import { pipelineNameProblem } from "@/lib/pipeline-name-rules";
import { PIPELINE_TYPE_LABELS } from "@/components/labels";
import { PIPELINE_TYPES, type PipelineType as PipelineTypeName } from "@/lib/vocabulary";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "./form-issues";
import { configErrors, configOf, JobsFields, type JobDraft } from "./jobs-fields";
import { CronEditor } from "./cron-editor";
import { formSchemasOr, preloadFormSchemas } from "./load-form-schemas";
import { TimezoneSelect } from "./timezone-select";
import type { CreatedPipeline } from "./types";
import { useCreatePipeline } from "./use-pipelines";

const FORM_FIELDS = ["pipeline_name", "pipeline_type", "description", "cron_string", "timezone", "shared_to_org"];
const isFormField = (path: string) => FORM_FIELDS.includes(path) || path.startsWith("jobs");

interface NewPipelineFormProps {
  org: string;
  orgName: string;
  onCreated: (created: CreatedPipeline) => void;
}

export function NewPipelineForm({ org, orgName, onCreated }: NewPipelineFormProps) {
  const create = useCreatePipeline(org);
  const [name, setName] = useState("");
  const [type, setType] = useState<PipelineTypeName>("DEFAULT");
  const [description, setDescription] = useState("");
  const [cron, setCron] = useState("");
  const [timezone, setTimezone] = useState("UTC");
  const [sharedToOrg, setSharedToOrg] = useState(false);
  const [jobs, setJobs] = useState<JobDraft[]>([]);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [general, setGeneral] = useState<string[]>([]);
  // An error is about the value it was given: a new value clears it.
  const edited = (field: string) => setErrors(({ [field]: _, ...rest }) => rest);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const schemas = await formSchemasOr(setGeneral);
    if (!schemas) return;
    const badConfigs = configErrors(jobs);
    if (Object.keys(badConfigs).length > 0) {
      setErrors(badConfigs);
      setGeneral([]);
      return;
    }
    const parsed = schemas.createPipelineRequest.safeParse({
      pipeline_name: name,
      pipeline_type: type,
      description,
      cron_string: cron,
      timezone,
      shared_to_org: sharedToOrg,
      jobs: jobs.length
        ? jobs.map((job) => ({ name: job.name, source: job.source, destination: job.destination || null, config: configOf(job.configText) ?? {} }))
        : undefined,
    });
    if (!parsed.success) {
      setErrors(zodFieldErrors(parsed.error));
      setGeneral([]);
      return;
    }
    const nameProblem = pipelineNameProblem(parsed.data.pipeline_name);
    if (nameProblem) {
      setErrors({ pipeline_name: nameProblem });
      setGeneral([]);
      return;
    }
    setErrors({});
    setGeneral([]);
    create.mutate(parsed.data, {
      onSuccess: onCreated,
      onError: (error) => {
        const found = apiFieldErrors(error, isFormField);
        setErrors(found.fields);
        setGeneral(found.general);
      },
    });
  }

  return (
    <form
      onSubmit={(event) => void submit(event)}
      // The schemas that check the form are fetched as soon as the user reaches for it.
      onPointerEnter={preloadFormSchemas}
      onFocus={preloadFormSchemas}
      noValidate
      className="card space-y-5 p-4 sm:p-6"
      aria-labelledby="new-pipeline-heading"
      data-testid="new-pipeline-form"
    >
      <h2 id="new-pipeline-heading" className="sr-only">
        Pipeline details
      </h2>
      <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
        <TextField
          id="pipeline-name"
          label="Name"
          value={name}
          onChange={(event) => {
            setName(event.target.value);
            edited("pipeline_name");
          }}
          autoComplete="off"
          required
          hint="Up to 32 characters, unique in this organization."
          error={errors.pipeline_name}
        />
        <div>
          <label htmlFor="pipeline-type" className="label">
            Type
          </label>
          <select
            id="pipeline-type"
            className="input"
            value={type}
            onChange={(event) => setType(event.target.value as PipelineTypeName)}
            aria-invalid={errors.pipeline_type ? true : undefined}
            aria-describedby={errors.pipeline_type ? "pipeline-type-error" : undefined}
            data-testid="pipeline-type"
          >
            {PIPELINE_TYPES.map((value) => (
              <option key={value} value={value}>
                {PIPELINE_TYPE_LABELS[value]}
              </option>
            ))}
          </select>
          <FieldError id="pipeline-type-error" message={errors.pipeline_type} />
        </div>
      </div>
      <div>
        <label htmlFor="pipeline-description" className="label">
          Description <span className="font-normal text-ink-faint">(optional)</span>
        </label>
        <textarea
          id="pipeline-description"
          className={`input min-h-20 ${errors.description ? "border-bad" : ""}`}
          value={description}
          onChange={(event) => {
            setDescription(event.target.value);
            edited("description");
          }}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? "pipeline-description-error" : undefined}
          data-testid="pipeline-description"
        />
        <FieldError id="pipeline-description-error" message={errors.description} />
      </div>
      <fieldset className="space-y-4 rounded-md border border-gray-200 p-4">
        <legend className="px-1 text-sm font-semibold">Schedule</legend>
        <CronEditor
          id="pipeline-cron"
          value={cron}
          onChange={(value) => {
            setCron(value);
            edited("cron_string");
          }} timezone={timezone} error={errors.cron_string} />
        <TimezoneSelect
          id="pipeline-timezone"
          value={timezone}
          onChange={(value) => {
            setTimezone(value);
            edited("timezone");
          }} error={errors.timezone} />
      </fieldset>
      <label className="flex items-start gap-3 text-sm">
        <input
          type="checkbox"
          className="mt-0.5 h-4 w-4 rounded border-gray-300"
          checked={sharedToOrg}
          onChange={(event) => setSharedToOrg(event.target.checked)}
          data-testid="pipeline-shared-to-org"
        />
        <span>
          <span className="font-medium">Share with everyone in {orgName}</span>
          <span className="block text-ink-muted">Every member can see it and run it; only you and admins can change it.</span>
        </span>
      </label>
      <JobsFields
        org={org}
        jobs={jobs}
        onChange={(next) => {
          setJobs(next);
          setErrors((current) => Object.fromEntries(Object.entries(current).filter(([path]) => !path.startsWith("jobs"))));
        }}
        errors={errors}
      />
      <FormError messages={general} testId="new-pipeline-error" />
      <div className="flex justify-end">
        <button type="submit" className="btn-primary w-full sm:w-auto" disabled={create.isPending} data-testid="create-pipeline">
          {create.isPending ? "Creating…" : "Create pipeline"}
        </button>
      </div>
    </form>
  );
}
