"use client";

// Pause or resume one pipeline from wherever it is shown; the change shows at once and is
// taken back, with the API's reason, if the server refuses.
import { errorMessage } from "@/components/api-client";
import { Switch } from "./switch";
import type { Pipeline } from "./types";
import { useSetPipelineActive } from "./use-pipelines";

interface ActiveSwitchProps {
  org: string;
  pipeline: Pick<Pipeline, "id" | "pipeline_name" | "active">;
  /** Why this user may not change it, or null. */
  refusal: string | null;
  refusalId?: string;
  visibleLabel?: boolean;
  onResult: (message: string, ok: boolean) => void;
}

export function ActiveSwitch({ org, pipeline, refusal, refusalId, visibleLabel = false, onResult }: ActiveSwitchProps) {
  const setActive = useSetPipelineActive(org);
  const name = pipeline.pipeline_name;
  return (
    <Switch
      checked={pipeline.active}
      label={`Active: ${name}`}
      visibleLabel={visibleLabel ? (pipeline.active ? "Active" : "Paused") : undefined}
      refusal={refusal}
      refusalId={refusalId}
      pending={setActive.isPending}
      testId="active-switch"
      onChange={(active) =>
        setActive.mutate(
          { id: pipeline.id, active },
          {
            onSuccess: () => onResult(`${name} ${active ? "resumed" : "paused"}.`, true),
            onError: (error) => onResult(`Could not ${active ? "resume" : "pause"} ${name}: ${errorMessage(error)}`, false),
          },
        )
      }
    />
  );
}
