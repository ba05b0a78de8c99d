"use client";

// /pipelines/new: the form, then the pipeline's first API key, shown this once; or a
// configuration file imported as a new, paused pipeline without keys.
import Link from "next/link";
import { useState } from "react";
import { currentOrgName, useMe } from "@/components/console/use-me";
import { KeyOncePanel } from "@/components/keys/key-once-panel";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { ImportConfigSection } from "./import-config";
import { NewPipelineForm } from "./new-pipeline-form";
import type { CreatedPipeline } from "./types";

export function NewPipelinePage() {
  const me = useMe();
  // In memory only: once this page is left the key cannot be shown again.
  const [created, setCreated] = useState<CreatedPipeline | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [reviewingImport, setReviewingImport] = useState(false);

  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;

  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <div>
        <Link href="/pipelines" className="text-sm font-medium text-brand-700 hover:underline">
          ← Pipelines
        </Link>
        <h1 className="mt-2 text-2xl font-semibold">New pipeline</h1>
        <p className="mt-1 text-sm text-ink-muted">In {currentOrgName(me.data)}. You will own it; you can share it afterwards or now.</p>
      </div>
      {created?.api_key.api_key ? (
        <KeyOncePanel heading={`Pipeline “${created.pipeline_name}” created`} apiKey={created.api_key.api_key}>
          <p className="mt-2 text-sm text-ink-muted">
            Scripts start this pipeline with this key: <code className="break-all">POST /{created.api_endpoint}</code> with{" "}
            <code>Authorization: Bearer &lt;key&gt;</code>.
          </p>
          <div className="mt-4 flex flex-col gap-2 sm:flex-row sm:justify-end">
            <button
              type="button"
              className="btn-secondary"
              onClick={() => {
                setCreated(null);
                setFormKey((n) => n + 1);
              }}
            >
              Create another
            </button>
            <Link href={`/pipelines/${created.id}`} className="btn-primary" data-testid="open-created-pipeline">
              Open {created.pipeline_name}
            </Link>
          </div>
        </KeyOncePanel>
      ) : (
        <>
          <ImportConfigSection org={me.data.org} orgName={currentOrgName(me.data)} onReviewing={setReviewingImport} />
          {/* Hidden, not unmounted, while a file is reviewed: what was typed here is kept for a cancel. */}
          <div hidden={reviewingImport}>
            <NewPipelineForm key={formKey} org={me.data.org} orgName={currentOrgName(me.data)} onCreated={setCreated} />
          </div>
        </>
      )}
    </div>
  );
}
