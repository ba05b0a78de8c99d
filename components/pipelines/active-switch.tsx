"use client";

// Pause or resume one pipeline from wherever it is shown. Pausing asks first, in a small popover
// (an optional reason and end, Enter confirms); resuming is at once. Either shows at once, is
// taken back with the API's reason if the server refuses, and offers Undo.
import { useRef, useState } from "react";
import { PauseForm } from "./pause-form";
import { Switch } from "./switch";
import { usePauseWithUndo, type PauseTarget } from "./use-pause-with-undo";

interface ActiveSwitchProps {
  org: string;
  pipeline: PauseTarget;
  /** Why this user may not change it, or null. */
  refusal: string | null;
  refusalId?: string;
  visibleLabel?: boolean;
}

export function ActiveSwitch({ org, pipeline, refusal, refusalId, visibleLabel = false }: ActiveSwitchProps) {
  const pause = usePauseWithUndo(org);
  const [asking, setAsking] = useState(false);
  const wrapper = useRef<HTMLSpanElement>(null);
  const name = pipeline.pipeline_name;

  function close() {
    setAsking(false);
    wrapper.current?.querySelector<HTMLButtonElement>('[role="switch"]')?.focus();
  }

  return (
    <span ref={wrapper} className="relative inline-block">
      <Switch
        checked={pipeline.active}
        label={`Active: ${name}`}
        visibleLabel={visibleLabel ? (pipeline.active ? "Active" : "Paused") : undefined}
        refusal={refusal}
        refusalId={refusalId}
        testId="active-switch"
        onChange={(active) => {
          if (active) void pause.change([pipeline], true);
          else setAsking(true);
        }}
      />
      {asking && (
        <span className="absolute right-0 top-full z-30 mt-1 block">
          <PauseForm
            question={`Pause ${name}?`}
            detail="No scheduled or manual run starts while it is paused; runs already going carry on."
            verb="Pause"
            confirmLabel="Pause"
            testId="pause-popover"
            onCancel={close}
            onConfirm={(choice) => {
              close();
              void pause.change([pipeline], false, choice);
            }}
          />
        </span>
      )}
    </span>
  );
}
