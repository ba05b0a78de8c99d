"use client";

// A pipeline's settings: checked in the browser with the API's PATCH schema, and only the
// fields that changed are sent; the server's field errors show beside the same fields.
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Me } from "@/components/console/use-me";
import { FieldError, FormError } from "@/components/ui/status";
import type { AnalysedCron } from "./cron-analysis";
import { TextField } from "@/components/ui/text-field";
import type { PatchPipelineRequest } from "@/lib/api/unstract/schemas";
import { pipelineNameProblem } from "@/lib/pipeline-name-rules";
import { PIPELINE_TYPE_LABELS } from "@/components/labels";
import { PIPELINE_TYPES, type PipelineType as PipelineTypeName } from "@/lib/vocabulary";
import { apiFieldErrors, zodFieldErrors, type FieldErrors } from "./form-issues";
import { CronEditor } from "./cron-editor";
import { formSchemasOr, preloadFormSchemas } from "./load-form-schemas";
import { CHANGE_REFUSED, canChangePipeline } from "./permissions";
import { StatusLine, type Outcome } from "./status-line";
import { TimezoneSelect } from "./timezone-select";
import type { Pipeline } from "./types";
import { useUpdatePipeline } from "./use-pipelines";

const FIELDS = ["pipeline_name", "pipeline_type", "description", "cron_string", "timezone"];

interface Draft {
  pipeline_name: string;
  pipeline_type: PipelineTypeName;
  description: string;
  cron_string: string;
  timezone: string;
}

function draftOf(pipeline: Pipeline): Draft {
  return {
    pipeline_name: pipeline.pipeline_name,
    pipeline_type: pipeline.pipeline_type,
    description: pipeline.description,
    cron_string: pipeline.cron_string ?? "",
    timezone: pipeline.timezone,
  };
}

interface PipelineEditFormProps {
  org: string;
  me: Me;
  pipeline: Pipeline;
  /** The saved schedule, analysed on the server (see CronEditor's `initial`). */
  savedSchedule?: AnalysedCron;
}

export function PipelineEditForm({ org, me, pipeline, savedSchedule }: PipelineEditFormProps) {
  const update = useUpdatePipeline(org, pipeline.id);
  // Held apart from the cached pipeline: live updates (a run ending) must not wipe an edit.
  const [draft, setDraft] = useState<Draft>(() => draftOf(pipeline));
  const [errors, setErrors] = useState<FieldErrors>({});
  // The draft as it is now, for a save's answer that arrives after further edits.
  const latest = useRef(draft);
  useEffect(() => {
    latest.current = draft;
  }, [draft]);
  const [general, setGeneral] = useState<string[]>([]);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const refusal = canChangePipeline(pipeline, me) ? null : CHANGE_REFUSED;
  const set = <K extends keyof Draft>(field: K, value: Draft[K]) => {
    setDraft((d) => ({ ...d, [field]: value }));
    // An error is about the value it was given: a new value clears it.
    setErrors(({ [field]: _, ...rest }) => rest);
  };

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (refusal) return;
    const schemas = await formSchemasOr(setGeneral);
    if (!schemas) {
      setOutcome({ text: "Not saved.", ok: false });
      return;
    }
    const saved = draftOf(pipeline);
    const changed: Record<string, unknown> = {};
    for (const field of Object.keys(draft) as (keyof Draft)[]) {
      if (draft[field] !== saved[field]) changed[field] = field === "cron_string" ? draft.cron_string.trim() || null : draft[field];
    }
    const parsed = schemas.patchPipelineRequest.safeParse(changed);
    // A changed name only: a pipeline named before the rule keeps its name through other edits.
    const nameProblem = parsed.success && parsed.data.pipeline_name !== undefined ? pipelineNameProblem(parsed.data.pipeline_name) : null;
    if (!parsed.success || nameProblem) {
      setErrors(parsed.success ? { pipeline_name: nameProblem ?? "" } : zodFieldErrors(parsed.error));
      setGeneral([]);
      setOutcome({ text: "Fix the fields marked in red.", ok: false });
      return;
    }
    setErrors({});
    setGeneral([]);
    if (Object.keys(parsed.data).length === 0) {
      setOutcome({ text: "Nothing changed.", ok: true });
      return;
    }
    setOutcome(null);
    const sent = draft;
    update.mutate(parsed.data satisfies PatchPipelineRequest, {
      onSuccess: (next) => {
        setDraft(draftOf(next));
        setOutcome({ text: "Saved.", ok: true });
      },
      onError: (error) => {
        const found = apiFieldErrors(error, (path) => FIELDS.includes(path));
        // An error is about the value it was sent: a field edited since the save keeps the state
        // of its new value (a late "name taken" must not mark the name typed after it).
        const now = latest.current;
        const stillSent = (field: string) => !(field in now) || now[field as keyof Draft] === sent[field as keyof Draft];
        setErrors(Object.fromEntries(Object.entries(found.fields).filter(([field]) => stillSent(field))));
        setGeneral(found.general);
        setOutcome({ text: "Not saved.", ok: false });
      },
    });
  }

  return (
    <section aria-labelledby="settings-heading" className="card p-4 sm:p-6">
      <h2 id="settings-heading" className="text-lg font-semibold">
        Settings
      </h2>
      {refusal && (
        <p id="settings-refusal" className="mt-1 text-sm text-ink-muted" data-testid="settings-refusal">
          {refusal}
        </p>
      )}
      <form
        onSubmit={(event) => void submit(event)}
        // The schemas that check the form are fetched as soon as the user reaches for it.
        onPointerEnter={refusal ? undefined : preloadFormSchemas}
        onFocus={refusal ? undefined : preloadFormSchemas}
        noValidate
        className="mt-4 space-y-5"
        data-testid="pipeline-edit-form"
      >
        <fieldset disabled={!!refusal} aria-describedby={refusal ? "settings-refusal" : undefined} className="space-y-5">
          <legend className="sr-only">Pipeline settings</legend>
          <div className="grid gap-4 sm:grid-cols-[2fr_1fr]">
            <TextField
              id="edit-name"
              label="Name"
              value={draft.pipeline_name}
              onChange={(event) => set("pipeline_name", event.target.value)}
              autoComplete="off"
              hint="Up to 32 characters, unique in this organization."
              error={errors.pipeline_name}
            />
            <div>
              <label htmlFor="edit-type" className="label">
                Type
              </label>
              <select
                id="edit-type"
                className="input"
                value={draft.pipeline_type}
                onChange={(event) => set("pipeline_type", event.target.value as PipelineTypeName)}
                aria-invalid={errors.pipeline_type ? true : undefined}
                aria-describedby={errors.pipeline_type ? "edit-type-error" : undefined}
              >
                {PIPELINE_TYPES.map((value) => (
                  <option key={value} value={value}>
                    {PIPELINE_TYPE_LABELS[value]}
                  </option>
                ))}
              </select>
              <FieldError id="edit-type-error" message={errors.pipeline_type} />
            </div>
          </div>
          <div>
            <label htmlFor="edit-description" className="label">
              Description
            </label>
            <textarea
              id="edit-description"
              className={`input min-h-20 ${errors.description ? "border-bad" : ""}`}
              value={draft.description}
              onChange={(event) => set("description", event.target.value)}
              aria-invalid={errors.description ? true : undefined}
              aria-describedby={errors.description ? "edit-description-error" : undefined}
              data-testid="edit-description"
            />
            <FieldError id="edit-description-error" message={errors.description} />
          </div>
          <div className="grid gap-4 lg:grid-cols-[2fr_1fr]">
            <CronEditor
              id="edit-cron"
              value={draft.cron_string}
              onChange={(value) => set("cron_string", value)}
              timezone={draft.timezone}
              error={errors.cron_string}
              refusal={refusal}
              initial={savedSchedule}
            />
            <TimezoneSelect id="edit-timezone" value={draft.timezone} onChange={(value) => set("timezone", value)} error={errors.timezone} />
          </div>
        </fieldset>
        <FormError messages={general} testId="edit-error" />
        <div className="flex flex-col-reverse items-stretch gap-2 sm:flex-row sm:items-center sm:justify-end">
          <StatusLine outcome={outcome} testId="edit-status" />
          {!refusal && (
            <>
              <button
                type="button"
                className="btn-secondary"
                onClick={() => {
                  setDraft(draftOf(pipeline));
                  setErrors({});
                  setGeneral([]);
                  setOutcome(null);
                }}
              >
                Discard changes
              </button>
              <button type="submit" className="btn-primary" disabled={update.isPending} data-testid="save-pipeline">
                {update.isPending ? "Saving…" : "Save changes"}
              </button>
            </>
          )}
        </div>
      </form>
    </section>
  );
}
