"use client";

// Pause or resume a pipeline from its danger zone or the delete wizard: the same small form as
// everywhere (an optional reason, and for a pause an optional end), the same Undo. What it says
// is the pipeline's state as the server answered it: "Paused" once paused, never the opposite.
import { useRef, useState } from "react";
import { PauseForm } from "@/components/pipelines/pause-form";
import { CHANGE_REFUSED } from "@/components/pipelines/permissions";
import { pauseDetails } from "@/components/pipelines/pause-words";
import type { Pipeline } from "@/components/pipelines/types";
import { usePauseWithUndo } from "@/components/pipelines/use-pause-with-undo";
import { useNow } from "@/components/pipelines/use-now";
import { ActionWithReason } from "./action-with-reason";

interface PauseActionProps {
  org: string;
  pipeline: Pick<Pipeline, "id" | "pipeline_name" | "active" | "paused_by" | "paused_at" | "pause_reason" | "resume_at">;
  canChange: boolean;
  /** Why it cannot be resumed now (a decommission under way), or null. */
  resumeRefusal?: string | null;
  align?: "start" | "end";
}

export function PauseAction({ org, pipeline, canChange, resumeRefusal = null, align = "end" }: PauseActionProps) {
  const pause = usePauseWithUndo(org);
  const now = useNow();
  const [asking, setAsking] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const pausing = pipeline.active;
  const verb = pausing ? "Pause" : "Resume";
  const name = pipeline.pipeline_name;

  function close() {
    setAsking(false);
    buttonRef.current?.focus();
  }

  const refusal = !canChange ? CHANGE_REFUSED : !pausing ? resumeRefusal : null;

  return (
    <div className="space-y-3" data-testid="pause-action">
      <div className={`flex flex-col gap-3 ${align === "end" ? "sm:flex-row sm:items-start sm:justify-between" : ""}`}>
        <div className="min-w-0">
          <h3 className="font-medium">{pausing ? "Pause pipeline" : "Resume pipeline"}</h3>
          <p className="text-sm text-ink-muted">
            {pausing
              ? "No scheduled or manual run starts while it is paused; runs already going carry on."
              : "Its schedule and manual runs are suspended until it is resumed."}
          </p>
          <p className="mt-1 text-sm">
            <span className="text-ink-muted">Now: </span>
            <span className="font-medium" data-testid="pipeline-active-state">
              {pipeline.active ? "Active" : "Paused"}
            </span>
            {!pipeline.active && pauseDetails(pipeline, now) && (
              <span className="text-ink-muted" data-testid="pipeline-pause-summary">
                {" "}
                ({pauseDetails(pipeline, now)})
              </span>
            )}
          </p>
        </div>
        <div className="relative">
          <ActionWithReason
            ref={buttonRef}
            testId={pausing ? "pause-button" : "resume-button"}
            disabledReason={refusal}
            expanded={asking}
            align={align}
            onClick={() => setAsking((open) => !open)}
          >
            {verb} pipeline…
          </ActionWithReason>
          {asking && (
            <div className={`absolute top-full z-30 mt-1 ${align === "end" ? "right-0" : "left-0"}`}>
              <PauseForm
                question={`${verb} ${name}?`}
                detail={pausing ? "Its schedule stops firing and manual runs are refused until it is resumed." : "Its schedule fires again and manual runs are accepted."}
                verb={verb}
                confirmLabel={`${verb} pipeline`}
                testId={pausing ? "confirm-pause" : "confirm-resume"}
                onCancel={close}
                onConfirm={(choice) => {
                  close();
                  void pause.change([pipeline], !pausing, choice);
                }}
              />
            </div>
          )}
        </div>
      </div>
    </div>
  );
}
