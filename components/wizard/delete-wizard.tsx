"use client";

// The delete wizard: 1 what goes (and keep the configuration), 2 pause and drain or stop the
// runs if you wish, 3 type the name. Confirming starts a decommission on the server, which pauses,
// stops, clears and deletes by itself; from then on this page shows where it stands, to anyone
// who opens it, in any tab, until it ends. The step lives in the URL (?step=), the state on the server.
import Link from "next/link";
import { useRouter, useSearchParams } from "next/navigation";
import { useEffect, useRef, useState, type RefObject } from "react";
import { ApiError } from "@/components/api-client";
import { useMe, type Me } from "@/components/console/use-me";
import { ActionWithReason } from "@/components/danger-zone/action-with-reason";
import { PauseAction } from "@/components/danger-zone/pause-action";
import { useRunningExecutions } from "@/components/executions/use-executions";
import { DownloadConfigLink } from "@/components/pipelines/download-config";
import { canChangePipeline } from "@/components/pipelines/permissions";
import { usePipeline } from "@/components/pipelines/use-pipelines";
import { useStorageProgress } from "@/components/storage/use-storage";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { showToast } from "@/components/ui/toast";
import type { PipelineResponse } from "@/lib/api/unstract/responses";
import { ConfirmStep } from "./confirm-step";
import { DecommissionProgress } from "./decommission-progress";
import { STATE_WORDS } from "./decommission-steps";
import type { DecommissionStepName } from "@/lib/vocabulary";
import { ImpactStep } from "./impact-step";
import { RunningExecutions } from "./running-executions";
import { isUnderWay, useDecommission, type Decommission } from "./use-decommission";
import { useDeletionImpact, type DeletionImpact } from "./use-deletion-impact";
import { WizardStepper } from "./wizard-stepper";
import { STEPS, stepFromQuery, type StepNumber, type WizardState } from "./wizard-steps";

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
  const decommission = useDecommission(org, pipelineId);
  const plan = decommission.data ?? null;
  // Once a plan is seen under way here, its end is shown here too (the pipeline may be gone by then).
  const [watching, setWatching] = useState(false);
  const underWay = isUnderWay(plan);
  // Set while rendering (React's way to follow a value), not in an effect: no extra render pass.
  if (underWay && !watching) setWatching(true);
  const showPlan = !!plan && (underWay || watching || plan.state === "done");
  const pipeline = usePipeline(org, pipelineId, { enabled: !(plan?.state === "done") });
  useEndToast(plan, watching);

  if (decommission.isPending) return <Loading label="Loading the pipeline…" />;
  if (showPlan && plan) {
    return (
      <div className="space-y-6" data-testid="delete-wizard" data-step="progress">
        <WizardHeader pipelineId={pipelineId} name={plan.pipeline_name} owner={pipeline.data?.created_by_email ?? null} gone={plan.state === "done"} />
        <DecommissionProgress org={org} plan={plan} canChange={!!pipeline.data && canChangePipeline(pipeline.data, me)} />
      </div>
    );
  }
  return <Steps me={me} pipelineId={pipelineId} pipeline={pipeline} previous={plan} onStarted={() => setWatching(true)} />;
}

/** A toast when a plan this page was watching ends. */
function useEndToast(plan: Decommission | null, watching: boolean) {
  const told = useRef<string | null>(null);
  useEffect(() => {
    if (!plan || !watching || isUnderWay(plan) || told.current === plan.id) return;
    told.current = plan.id;
    if (plan.state === "done") showToast(`Pipeline ${plan.pipeline_name} was deleted.`);
    else if (plan.state === "cancelled") showToast(`The deletion of ${plan.pipeline_name} was cancelled; it stays paused.`);
    else showToast(`The deletion of ${plan.pipeline_name} failed.`, "error");
  }, [plan, watching]);
}

function WizardHeader({ pipelineId, name, owner, gone }: { pipelineId: string; name: string; owner: string | null; gone: boolean }) {
  return (
    <div className="space-y-1">
      {gone ? (
        <Link href="/pipelines" className="text-sm font-medium text-brand-700 hover:underline">
          ← Pipelines
        </Link>
      ) : (
        <Link href={`/pipelines/${pipelineId}`} className="text-sm font-medium text-brand-700 hover:underline">
          ← Back to {name}
        </Link>
      )}
      <h1 className="break-words text-2xl font-semibold">
        Delete <span className="font-mono">{name}</span>
      </h1>
      {owner && <p className="text-sm text-ink-muted">Owned by {owner}.</p>}
    </div>
  );
}

interface StepsProps {
  me: Me;
  pipelineId: string;
  pipeline: ReturnType<typeof usePipeline>;
  /** The last decommission, cancelled or failed, if there was one. */
  previous: Decommission | null;
  onStarted: () => void;
}

function Steps({ me, pipelineId, pipeline, previous, onStarted }: StepsProps) {
  const org = me.org;
  const step = stepFromQuery(useSearchParams().get("step"));
  const impact = useDeletionImpact(org, pipelineId);
  const runs = useRunningExecutions(org, pipelineId);
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
  if (!pipeline.data || !impact.data) return <Missing />;
  return (
    <LoadedSteps
      me={me}
      step={step}
      detail={pipeline.data}
      impact={impact.data}
      runs={runs}
      previous={previous}
      headingRef={headingRef}
      onStarted={onStarted}
    />
  );
}

interface LoadedStepsProps {
  me: Me;
  step: StepNumber;
  detail: PipelineResponse;
  impact: DeletionImpact;
  runs: ReturnType<typeof useRunningExecutions>;
  previous: Decommission | null;
  headingRef: RefObject<HTMLHeadingElement | null>;
  onStarted: () => void;
}

function LoadedSteps({ me, step, detail, impact, runs, previous, headingRef, onStarted }: LoadedStepsProps) {
  const org = me.org;
  const router = useRouter();
  const pipelineId = detail.id;
  // The storage as the live events and reads tell it: fresher than the pipeline's body.
  const storage = useStorageProgress(org, { id: pipelineId, name: detail.pipeline_name }, detail.storage_status);
  const canChange = canChangePipeline(detail, me);
  const state: WizardState = {
    canChange,
    active: detail.active,
    running: runs.data ? runs.data.length : runs.isError ? impact.running_executions : null,
    storageStatus: storage.progress.status,
  };
  const stepName = STEPS[step - 1]?.name ?? "";
  const stepHref = (n: number) => `/pipelines/${pipelineId}/delete?step=${n}`;

  return (
    <div className="space-y-6" data-testid="delete-wizard" data-step={step}>
      <WizardHeader pipelineId={pipelineId} name={detail.pipeline_name} owner={detail.created_by_email} gone={false} />
      <p className="-mt-5 text-sm text-ink-muted">
        {canChange
          ? "Look, then confirm: the server pauses it, stops its runs, clears its storage and deletes it, even if you close this page."
          : "You can look, but only the owner or an admin can change this pipeline."}
      </p>
      {previous && (previous.state === "cancelled" || previous.state === "failed") && (
        <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-warn" data-testid="previous-decommission">
          A deletion started by {previous.started_by} was {previous.state} at “{stepWhereItStopped(previous)}”
          {previous.error ? `: ${previous.error}` : ""}. The pipeline stays paused until someone resumes it.
        </p>
      )}
      <WizardStepper pipelineId={pipelineId} current={step} state={state} />
      <section aria-labelledby="wizard-step-heading" className="card space-y-4 p-4 sm:p-6">
        <h2 id="wizard-step-heading" ref={headingRef} tabIndex={-1} className="text-lg font-semibold focus:outline-none" data-testid="wizard-step-heading">
          Step {step} of {STEPS.length}: {stepName}
        </h2>
        {step === 1 && (
          <>
            <p className="text-sm text-ink-muted">Counted by the server just now; the counts follow live changes.</p>
            <ImpactStep impact={impact} />
            <div className="border-t border-gray-100 pt-4">
              <p className="mb-2 text-sm text-ink-muted">Keep its configuration (jobs, schedule, sharing) to recreate it later from a file.</p>
              <DownloadConfigLink org={org} pipelineId={pipelineId} pipelineName={detail.pipeline_name} canChange={canChange} />
            </div>
          </>
        )}
        {step === 2 && (
          <div className="space-y-6">
            <p className="text-sm text-ink-muted">
              Optional: pause it now and let its runs finish, or stop them. If you go on without, the deletion pauses it and stops what still runs.
            </p>
            <PauseAction org={org} pipeline={detail} canChange={canChange} align="start" />
            <div className="space-y-2 border-t border-gray-100 pt-4">
              <h3 className="font-medium">Running executions</h3>
              <RunningExecutions org={org} pipelineId={pipelineId} canChange={canChange} runs={runs} />
            </div>
          </div>
        )}
        {step === 3 && (
          <ConfirmStep
            org={org}
            impact={impact}
            state={state}
            onStarted={() => {
              onStarted();
              router.replace(`/pipelines/${pipelineId}/delete`);
            }}
          />
        )}
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
        {step < STEPS.length && (
          <ActionWithReason testId="wizard-continue" variant="primary" href={stepHref(step + 1)} disabledReason={null}>
            Continue to step {step + 1}
          </ActionWithReason>
        )}
      </div>
    </div>
  );
}

/** The step a cancelled or failed decommission stopped at, as the console names it. */
function stepWhereItStopped(plan: { steps: { step: DecommissionStepName; status: string }[] }): string {
  const step = plan.steps.find((s) => s.status === "cancelled")?.step;
  return step ? STATE_WORDS[step] : "its start";
}
