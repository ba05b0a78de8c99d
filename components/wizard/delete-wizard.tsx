"use client";

// The delete wizard: 1 what goes and what stays, 2 pause and wait for or stop the runs, 3 clear
// the storage, 4 type the name. The step lives in the URL (?step=), the state on the server, so
// any step can be left and come back to; live events keep every step current.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type RefObject } from "react";
import { ApiError } from "@/components/api-client";
import { useMe, type Me } from "@/components/console/use-me";
import { ActionWithReason } from "@/components/danger-zone/action-with-reason";
import { PauseAction } from "@/components/danger-zone/pause-action";
import { canChangePipeline } from "@/components/danger-zone/pipeline-rules";
import { usePipeline, useRunningExecutions } from "@/components/danger-zone/use-pipeline-lifecycle";
import { ClearStorage } from "@/components/storage/clear-storage";
import { useStorageProgress } from "@/components/storage/use-storage";
import { ErrorNotice, Loading } from "@/components/ui/status";
import type { PipelineResponse } from "@/lib/api/schemas/responses";
import { ConfirmStep } from "./confirm-step";
import { ImpactStep } from "./impact-step";
import { RunningExecutions } from "./running-executions";
import { showToast } from "@/components/ui/toast";
import { useDeletionImpact, type DeletionImpact } from "./use-deletion-impact";
import { WizardStepper } from "./wizard-stepper";
import { continueBlockedReason, STEPS, stepFromQuery, type StepNumber, type WizardState } from "./wizard-steps";

export function DeleteWizard({ pipelineId }: { pipelineId: string }) {
  const me = useMe();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />;
  return <Wizard me={me.data} pipelineId={pipelineId} />;
}

function Missing() {
  return (
    <div className="card space-y-3 p-6" data-testid="wizard-missing">
      <h1 className="text-2xl font-semibold">Pipeline not found</h1>
      <p className="text-sm text-ink-muted">This pipeline does not exist, was deleted, or is not shared with you.</p>
      <Link href="/pipelines" className="btn-secondary">
        Back to the pipelines
      </Link>
    </div>
  );
}

function Wizard({ me, pipelineId }: { me: Me; pipelineId: string }) {
  const org = me.org;
  const router = useRouter();
  const step = stepFromQuery(useSearchParams().get("step"));
  const [deleted, setDeleted] = useState<string | null>(null);
  const live = deleted === null;
  const pipeline = usePipeline(org, pipelineId, { enabled: live });
  const impact = useDeletionImpact(org, pipelineId, { enabled: live });
  const runs = useRunningExecutions(org, pipelineId, { enabled: live });
  const headingRef = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);

  // A step change moves focus to the step's heading, so keyboard and screen-reader users land on it.
  useEffect(() => {
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  if (deleted !== null) {
    return (
      <p role="status" className="card p-6 text-sm" data-testid="wizard-deleted">
        {deleted} was deleted. Taking you back to the pipelines…
      </p>
    );
  }
  if (pipeline.isPending || impact.isPending) return <Loading label="Loading the pipeline…" />;
  const failure = pipeline.error ?? impact.error;
  if (failure) {
    if (failure instanceof ApiError && failure.status === 404) return <Missing />;
    return (
      <ErrorNotice
        title="Could not load what deleting this pipeline involves."
        error={failure}
        onRetry={() => {
          void pipeline.refetch();
          void impact.refetch();
        }}
      />
    );
  }

  const detail = pipeline.data;
  const counts = impact.data;
  if (!detail || !counts) return <Missing />;
  return (
    <LoadedWizard
      me={me}
      step={step}
      detail={detail}
      impact={counts}
      runs={runs}
      headingRef={headingRef}
      onDeleted={(name) => {
        setDeleted(name);
        showToast(`Pipeline ${name} was deleted.`);
        router.replace("/pipelines");
      }}
    />
  );
}

interface LoadedWizardProps {
  me: Me;
  step: StepNumber;
  detail: PipelineResponse;
  impact: DeletionImpact;
  runs: ReturnType<typeof useRunningExecutions>;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onDeleted: (name: string) => void;
}

function LoadedWizard({ me, step, detail, impact, runs, headingRef, onDeleted }: LoadedWizardProps) {
  const org = me.org;
  const pipelineId = detail.id;
  // The storage as the live events and reads tell it: fresher than the pipeline's body.
  const storage = useStorageProgress(org, { id: pipelineId, name: detail.pipeline_name }, detail.storage_status);
  const canChange = canChangePipeline(me, detail.created_by);
  const state: WizardState = {
    canChange,
    active: detail.active,
    running: runs.data ? runs.data.length : runs.isError ? impact.running_executions : null,
    storageStatus: storage.progress.status,
  };
  const stepName = STEPS[step - 1]?.name ?? "";
  const blocked = continueBlockedReason(step, state);
  const stepHref = (n: number) => `/pipelines/${pipelineId}/delete?step=${n}`;

  return (
    <div className="space-y-6" data-testid="delete-wizard" data-step={step}>
      <div className="space-y-1">
        <Link href={`/pipelines/${pipelineId}`} className="text-sm font-medium text-brand-700 hover:underline">
          ← Back to {detail.pipeline_name}
        </Link>
        <h1 className="break-words text-2xl font-semibold">
          Delete <span className="font-mono">{detail.pipeline_name}</span>
        </h1>
        <p className="text-sm text-ink-muted">
          Owned by {detail.created_by_email}. {canChange ? "Each step checks with the server; you can leave and come back." : "You can look, but only the owner or an admin can change this pipeline."}
        </p>
      </div>
      <WizardStepper pipelineId={pipelineId} current={step} state={state} />
      <section aria-labelledby="wizard-step-heading" className="card space-y-4 p-4 sm:p-6">
        <h2 id="wizard-step-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none" data-testid="wizard-step-heading">
          Step {step} of 4: {stepName}
        </h2>
        <StepContent
          step={step}
          org={org}
          pipelineId={pipelineId}
          name={detail.pipeline_name}
          active={detail.active}
          state={state}
          impact={impact}
          runs={runs}
          onDeleted={onDeleted}
        />
      </section>
      <div className="flex flex-wrap items-start justify-between gap-3">
        {step > 1 ? (
          <Link href={stepHref(step - 1)} className="btn-secondary" data-testid="wizard-back">
            Back
          </Link>
        ) : (
          <Link href={`/pipelines/${pipelineId}`} className="btn-secondary">
            Cancel
          </Link>
        )}
        {step < 4 && (
          <ActionWithReason testId="wizard-continue" variant="primary" href={stepHref(step + 1)} disabledReason={blocked}>
            Continue to step {step + 1}
          </ActionWithReason>
        )}
      </div>
    </div>
  );
}

interface StepContentProps {
  step: StepNumber;
  org: string;
  pipelineId: string;
  name: string;
  active: boolean;
  state: WizardState;
  impact: DeletionImpact;
  runs: ReturnType<typeof useRunningExecutions>;
  onDeleted: (name: string) => void;
}

function StepContent({ step, org, pipelineId, name, active, state, impact, runs, onDeleted }: StepContentProps) {
  switch (step) {
    case 1:
      return (
        <>
          <p className="text-sm text-ink-muted">Counted by the server just now; the counts follow live changes.</p>
          <ImpactStep impact={impact} />
        </>
      );
    case 2:
      return (
        <div className="space-y-6">
          <PauseAction org={org} pipeline={{ id: pipelineId, name, active }} canChange={state.canChange} align="start" />
          <div className="space-y-2 border-t border-gray-100 pt-4">
            <h3 className="font-medium">Running executions</h3>
            <RunningExecutions org={org} pipelineId={pipelineId} canChange={state.canChange} runs={runs} />
          </div>
        </div>
      );
    case 3:
      return (
        <div className="space-y-3">
          {state.storageStatus === "Cleared" && (
            <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-ok" data-testid="clear-step-skip">
              The storage is cleared: nothing is left to do in this step.
            </p>
          )}
          <ClearStorage
            org={org}
            pipeline={{ id: pipelineId, name, storageStatus: state.storageStatus }}
            canChange={state.canChange}
            running={state.running}
            align="start"
            stored={{ records: impact.removed.storage_records, bytes: impact.removed.storage_bytes }}
          />
        </div>
      );
    case 4:
      return <ConfirmStep org={org} impact={impact} state={state} onDeleted={onDeleted} />;
  }
}
