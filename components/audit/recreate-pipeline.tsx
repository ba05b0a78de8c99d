"use client";

// "Recreate…" on a pipeline.delete entry of the audit log: the configuration that deletion kept
// becomes a new pipeline, paused and without keys, under the old name or another one.
import Link from "next/link";
import { forwardRef, useEffect, useId, useRef, useState, type FormEvent } from "react";
import { formatDate } from "@/components/format";
import { NO_IMPORT_ERRORS, placeImportErrors, snapshotJobNames, type ConfigSnapshot, type ImportErrors } from "@/components/pipelines/config-document";
import { useImportPipeline, type ImportedPipeline } from "@/components/pipelines/use-import-pipeline";
import { FormError } from "@/components/ui/status";
import { TextField } from "@/components/ui/text-field";
import type { AuditEvent } from "./use-audit";

export const RECREATE_NOTE = "A new, paused pipeline with the same configuration; never the old keys.";

export const recreateReason = (event: Pick<AuditEvent, "actor" | "at">) =>
  `Recreated from the audit log (deleted by ${event.actor} on ${formatDate(event.at)}).`;

interface RecreateButtonProps {
  name: string;
  open: boolean;
  panelId: string;
  onClick: () => void;
}

export const RecreateButton = forwardRef<HTMLButtonElement, RecreateButtonProps>(function RecreateButton({ name, open, panelId, onClick }, ref) {
  return (
    <button
      ref={ref}
      type="button"
      className="btn-secondary mt-2 py-1"
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={onClick}
      data-testid="recreate-open"
    >
      {/* Its name says which pipeline, among several such rows, after the visible words. */}
      Recreate…<span className="sr-only"> {name}</span>
    </button>
  );
});

interface RecreatePanelProps {
  id: string;
  org: string;
  event: AuditEvent;
  snapshot: ConfigSnapshot;
  onClose: () => void;
}

export function RecreatePanel({ id, org, event, snapshot, onClose }: RecreatePanelProps) {
  const importing = useImportPipeline(org);
  const headingId = useId();
  const nameRef = useRef<HTMLInputElement>(null);
  const openRef = useRef<HTMLAnchorElement>(null);
  const [name, setName] = useState(snapshot.pipeline_name);
  const [errors, setErrors] = useState<ImportErrors>(NO_IMPORT_ERRORS);
  const [created, setCreated] = useState<ImportedPipeline | null>(null);

  useEffect(() => nameRef.current?.focus(), []);
  useEffect(() => {
    if (created) openRef.current?.focus();
  }, [created]);

  function submit(formEvent: FormEvent<HTMLFormElement>) {
    formEvent.preventDefault();
    setErrors(NO_IMPORT_ERRORS);
    // The name's rules are the server's: it answers on the pipeline_name field.
    const renamed = name !== snapshot.pipeline_name;
    importing.mutate(
      { config: snapshot, reason: recreateReason(event), ...(renamed ? { pipeline_name: name } : {}) },
      {
        onSuccess: setCreated,
        onError: (error) => {
          const placed = placeImportErrors(error);
          setErrors(placed);
          if (placed.name) nameRef.current?.focus();
        },
      },
    );
  }

  const jobNames = snapshotJobNames(snapshot);
  const others = [
    ...Object.entries(errors.jobs).flatMap(([i, messages]) => messages.map((message) => `Job “${jobNames[Number(i)] ?? Number(i) + 1}”: ${message}`)),
    ...errors.schedule,
    ...errors.general,
  ];

  return (
    <div
      id={id}
      className="space-y-3 rounded-md border border-gray-200 bg-surface-muted p-3 sm:p-4"
      data-testid="recreate-panel"
      onKeyDown={(keyEvent) => {
        if (keyEvent.key === "Escape" && !importing.isPending) onClose();
      }}
    >
      <h3 id={headingId} className="break-words font-semibold">
        Recreate “{snapshot.pipeline_name}”
      </h3>
      {created ? (
        <Created ref={openRef} created={created} onClose={onClose} />
      ) : (
        <form onSubmit={submit} noValidate className="space-y-3" aria-labelledby={headingId}>
          <p className="text-sm text-ink-muted" data-testid="recreate-note">
            {RECREATE_NOTE}
          </p>
          <TextField
            ref={nameRef}
            id={`${id}-name`}
            label="Name of the new pipeline"
            value={name}
            onChange={(changeEvent) => {
              setName(changeEvent.target.value);
              // The error was about the name it was given.
              setErrors((current) => ({ ...current, name: undefined }));
            }}
            autoComplete="off"
            required
            className="max-w-md"
            error={errors.name}
          />
          <FormError messages={others} testId="recreate-error" />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <button type="button" className="btn-secondary" onClick={onClose} disabled={importing.isPending}>
              Cancel
            </button>
            <button type="submit" className="btn-primary" disabled={importing.isPending} data-testid="recreate-submit">
              {importing.isPending ? "Recreating…" : "Recreate paused"}
            </button>
          </div>
        </form>
      )}
    </div>
  );
}

const Created = forwardRef<HTMLAnchorElement, { created: ImportedPipeline; onClose: () => void }>(function Created({ created, onClose }, ref) {
  const { pipeline, skipped_shares } = created;
  return (
    <div className="space-y-3" data-testid="recreate-done">
      <p role="status" className="break-words text-sm">
        Recreated as “{pipeline.pipeline_name}”, paused and without keys.
        {skipped_shares.length > 0 && <> Not shared with {skipped_shares.join(", ")}: they are no longer members.</>}
      </p>
      <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
        <button type="button" className="btn-secondary" onClick={onClose}>
          Close
        </button>
        <Link ref={ref} href={`/pipelines/${pipeline.id}`} className="btn-primary break-all" data-testid="recreate-open-pipeline">
          Open {pipeline.pipeline_name}
        </Link>
      </div>
    </div>
  );
});
