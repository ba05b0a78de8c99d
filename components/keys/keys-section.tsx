"use client";

// The Keys tab: the pipeline's API keys (each shown once, at creation), who made each, their
// on/off switch and deletion (offered only to whoever may change that key), and the Postman
// collection for calling the trigger with one.
import { useRef, useState, type FormEvent } from "react";
import { errorMessage, formErrors } from "@/components/api-client";
import type { Me } from "@/components/console/use-me";
import { formatDateTime } from "@/components/format";
import { KEYS_REFUSED, KEY_CHANGE_REFUSED, canChangeKey, canManageKeys } from "@/components/pipelines/permissions";
import { StatusLine, type Outcome } from "@/components/pipelines/status-line";
import { Switch } from "@/components/pipelines/switch";
import type { Pipeline, PipelineKey } from "@/components/pipelines/types";
import { ConfirmInline } from "@/components/ui/confirm-inline";
import { EmptyState, ErrorNotice, FormError, Loading } from "@/components/ui/status";
import { TextField } from "@/components/ui/text-field";
import { KeyOncePanel } from "./key-once-panel";
import { PostmanDownload } from "./postman-download";
import { useCreateKey, useDeleteKey, useKeys, useSetKeyActive } from "./use-keys";

export function KeysSection({ org, me, pipeline }: { org: string; me: Me; pipeline: Pipeline }) {
  const allowed = canManageKeys(pipeline, me);
  const keys = useKeys(org, pipeline.id, allowed);
  // In memory only: once dismissed, the key cannot be shown again.
  const [issued, setIssued] = useState<PipelineKey | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);

  if (!allowed) {
    return (
      <p className="card px-4 py-6 text-center text-sm text-ink-muted" data-testid="keys-refused">
        {KEYS_REFUSED}
      </p>
    );
  }

  return (
    <div className="space-y-4">
      {issued?.api_key ? (
        <KeyOncePanel heading={`Key “${issued.description || issued.api_key_prefix}” created`} apiKey={issued.api_key}>
          <div className="mt-2 flex justify-end">
            <button type="button" className="btn-primary w-full sm:w-auto" onClick={() => setIssued(null)} data-testid="key-stored">
              I have stored it
            </button>
          </div>
        </KeyOncePanel>
      ) : (
        <CreateKeyForm org={org} pipeline={pipeline} onCreated={setIssued} />
      )}
      <section aria-labelledby="keys-heading" className="card">
        <div className="flex flex-wrap items-start justify-between gap-3 border-b border-gray-200 px-4 py-3 sm:px-6">
          <div>
            <h2 id="keys-heading" className="text-lg font-semibold">
              API keys
            </h2>
            <p className="text-sm text-ink-muted">A script starts this pipeline with an active key. Keys are stored hashed.</p>
          </div>
          {keys.data && <PostmanDownload org={org} pipelineId={pipeline.id} keys={keys.data} />}
        </div>
        <div className="px-4 sm:px-6">
          <div className="pt-2">
            <StatusLine outcome={outcome} testId="keys-status" />
          </div>
          {keys.isPending ? (
            <Loading label="Loading keys…" />
          ) : keys.isError ? (
            <div className="py-4">
              <ErrorNotice title="Could not load the keys." error={keys.error} onRetry={() => void keys.refetch()} />
            </div>
          ) : keys.data.length === 0 ? (
            <EmptyState>This pipeline has no keys. Create one above.</EmptyState>
          ) : (
            <ul className="divide-y divide-gray-100" data-testid="keys-list">
              {keys.data.map((key) => (
                <KeyRow
                  key={key.id}
                  org={org}
                  pipelineId={pipeline.id}
                  apiKey={key}
                  creator={key.created_by === me.id ? "you" : (key.created_by_email ?? "a deleted user")}
                  mayChange={canChangeKey(pipeline, key, me)}
                  onOutcome={setOutcome}
                />
              ))}
            </ul>
          )}
        </div>
      </section>
    </div>
  );
}

function CreateKeyForm({ org, pipeline, onCreated }: { org: string; pipeline: Pipeline; onCreated: (key: PipelineKey) => void }) {
  const create = useCreateKey(org, pipeline.id);
  const [description, setDescription] = useState("");
  const errors = formErrors(create.error, ["description"] as const);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    create.mutate(description.trim(), {
      onSuccess: (key) => {
        setDescription("");
        onCreated(key);
      },
    });
  }

  return (
    <section aria-labelledby="create-key-heading" className="card p-4 sm:p-6">
      <h2 id="create-key-heading" className="mb-3 text-lg font-semibold">
        Create a key
      </h2>
      <form onSubmit={submit} noValidate className="flex flex-col gap-3 sm:flex-row sm:items-start" data-testid="create-key-form">
        <TextField
          id="key-description"
          label="Description"
          className="flex-1"
          value={description}
          onChange={(event) => setDescription(event.target.value)}
          placeholder={`e.g. nightly job for ${pipeline.pipeline_name}`}
          autoComplete="off"
          maxLength={255}
          error={errors.field("description")}
        />
        <button type="submit" className="btn-primary sm:mt-6" disabled={create.isPending} data-testid="create-key">
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </form>
      <div className="mt-2">
        <FormError messages={errors.general} testId="create-key-error" />
      </div>
    </section>
  );
}

interface KeyRowProps {
  org: string;
  pipelineId: string;
  apiKey: PipelineKey;
  /** "you", the creator's email, or "a deleted user". */
  creator: string;
  /** Whether the signed-in user may switch and delete this key; else its state is text. */
  mayChange: boolean;
  onOutcome: (outcome: Outcome) => void;
}

function KeyRow({ org, pipelineId, apiKey, creator, mayChange, onOutcome }: KeyRowProps) {
  const setActive = useSetKeyActive(org, pipelineId);
  const remove = useDeleteKey(org, pipelineId);
  const [confirming, setConfirming] = useState(false);
  const deleteButton = useRef<HTMLButtonElement>(null);
  const name = apiKey.description || `key ${apiKey.api_key_prefix}…`;
  const state = apiKey.is_active ? "Active" : "Inactive";

  function cancel() {
    setConfirming(false);
    deleteButton.current?.focus();
  }

  return (
    <li className="py-3" data-testid="key-row" data-description={apiKey.description}>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center">
        <div className="min-w-0 flex-1">
          <p className="flex flex-wrap items-baseline gap-x-2">
            <code className="font-mono text-sm" data-testid="key-prefix">
              {apiKey.api_key_prefix}…
            </code>
            <span className="min-w-0 break-words text-sm font-medium">{apiKey.description || <span className="text-ink-faint">No description</span>}</span>
          </p>
          <p className="mt-0.5 break-words text-xs text-ink-muted">
            <span data-testid="key-creator">Created by {creator}</span> · {formatDateTime(apiKey.created_at)} · Last used{" "}
            {formatDateTime(apiKey.last_used_at)}
          </p>
          {!mayChange && (
            <p className="mt-0.5 text-xs text-ink-muted" data-testid="key-change-refusal">
              {KEY_CHANGE_REFUSED}
            </p>
          )}
        </div>
        {mayChange ? (
          <div className="flex items-center gap-3">
            <Switch
              checked={apiKey.is_active}
              label={`Active: ${name}`}
              visibleLabel={state}
              pending={setActive.isPending}
              testId="key-active"
              onChange={(active) =>
                setActive.mutate(
                  { keyId: apiKey.id, active },
                  {
                    onSuccess: () => onOutcome({ text: `${name} is ${active ? "active" : "inactive"}.`, ok: true }),
                    onError: (error) => onOutcome({ text: `Could not change ${name}: ${errorMessage(error)}`, ok: false }),
                  },
                )
              }
            />
            <button
              ref={deleteButton}
              type="button"
              className="btn-secondary py-1"
              aria-expanded={confirming}
              onClick={() => setConfirming(true)}
              data-testid="delete-key"
            >
              Delete<span className="sr-only"> {name}</span>
            </button>
          </div>
        ) : (
          <p className="text-sm font-medium" data-testid="key-state">
            <span className="sr-only">{name}: </span>
            {state}
          </p>
        )}
      </div>
      {mayChange && confirming && (
        <div className="mt-2 rounded-md bg-red-50/60 p-2">
          <ConfirmInline
            question={`Delete ${name}? Scripts using it stop working at once.`}
            confirmLabel="Delete"
            pendingLabel="Deleting…"
            pending={remove.isPending}
            onConfirm={() =>
              remove.mutate(apiKey.id, {
                onSuccess: () => onOutcome({ text: `${name} deleted.`, ok: true }),
                onError: (error) => {
                  cancel();
                  onOutcome({ text: `Could not delete ${name}: ${errorMessage(error)}`, ok: false });
                },
              })
            }
            onCancel={cancel}
            testId="confirm-delete-key"
          />
        </div>
      )}
    </li>
  );
}
