"use client";

// Pause or resume a pipeline (§1 PATCH {active, reason?}), with a confirmation that may carry a
// reason for the audit log.
import { useRef, useState } from "react";
import { errorMessage } from "@/components/api-client";
import { showToast } from "@/components/ui/toast";
import { ActionWithReason } from "./action-with-reason";
import { REASONS } from "./pipeline-rules";
import { ReasonConfirm } from "./reason-confirm";
import { useSetActive } from "./use-pipeline-lifecycle";

interface PauseActionProps {
  org: string;
  pipeline: { id: string; name: string; active: boolean };
  canChange: boolean;
  align?: "start" | "end";
}

export function PauseAction({ org, pipeline, canChange, align = "end" }: PauseActionProps) {
  const setActive = useSetActive(org, pipeline.id);
  const [confirming, setConfirming] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pausing = pipeline.active;
  const verb = pausing ? "Pause" : "Resume";

  function cancel() {
    setConfirming(false);
    buttonRef.current?.focus();
  }

  function confirm(reason: string) {
    setFailure(null);
    setActive.mutate(
      { active: !pausing, reason },
      {
        onSuccess: () => {
          setConfirming(false);
          showToast(pausing ? `${pipeline.name} is paused.` : `${pipeline.name} is active again.`);
        },
        onError: (error) => {
          setConfirming(false);
          setFailure(`Could not ${verb.toLowerCase()} ${pipeline.name}: ${errorMessage(error)}`);
        },
      },
    );
  }

  return (
    <div className="space-y-3" data-testid="pause-action">
      <div className={`flex flex-col gap-3 ${align === "end" ? "sm:flex-row sm:items-start sm:justify-between" : ""}`}>
        <div className="min-w-0">
          <h3 className="font-medium">{pausing ? "Pause pipeline" : "Resume pipeline"}</h3>
          <p className="text-sm text-ink-muted">
            {pausing
              ? "No scheduled or manual run starts while it is paused; runs already going carry on."
              : "It is paused: its schedule and manual runs are suspended until it is resumed."}
          </p>
          <p className="mt-1 text-sm">
            <span className="text-ink-muted">Now: </span>
            <span className="font-medium" data-testid="pipeline-active-state">
              {pipeline.active ? "Active" : "Paused"}
            </span>
          </p>
        </div>
        {!confirming && (
          <ActionWithReason
            ref={buttonRef}
            testId={pausing ? "pause-button" : "resume-button"}
            disabledReason={canChange ? null : REASONS.notAllowed}
            pending={setActive.isPending}
            expanded={confirming}
            align={align}
            onClick={() => {
              setFailure(null);
              setConfirming(true);
            }}
          >
            {verb} pipeline…
          </ActionWithReason>
        )}
      </div>
      {confirming && (
        <ReasonConfirm
          question={`${verb} ${pipeline.name}?`}
          detail={pausing ? "Its schedule stops firing and manual runs are refused until it is resumed." : "Its schedule fires again and manual runs are accepted."}
          confirmLabel={`${verb} pipeline`}
          pendingLabel={pausing ? "Pausing…" : "Resuming…"}
          pending={setActive.isPending}
          onConfirm={confirm}
          onCancel={cancel}
          testId={pausing ? "confirm-pause" : "confirm-resume"}
        />
      )}
      {failure && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="pause-error">
          {failure}
        </p>
      )}
    </div>
  );
}
