// Pause and resume one pipeline or several, the same way from every place of the console. The
// request itself is useSetPipelineActive's (the one hook that pauses and resumes); this adds what
// the UI wraps around it: several at once, a toast saying how it went, and Undo, which puts back what was.
import { errorMessage } from "@/components/api-client";
import { showToast } from "@/components/ui/toast";
import { pipelinesWord } from "./bulk-delete";
import type { PauseChoice } from "./pause-form";
import type { Pipeline } from "./types";
import { useSetPipelineActive } from "./use-pipelines";

export type PauseTarget = Pick<Pipeline, "id" | "pipeline_name" | "active" | "pause_reason" | "resume_at">;

export interface PauseOutcome {
  id: string;
  name: string;
  ok: boolean;
  /** The API's reason when it refused. */
  message: string | null;
}


export function usePauseWithUndo(org: string) {
  const setActive = useSetPipelineActive(org);

  /** Sets each target to `active`; every outcome is kept, none stops the others (4 at a time). */
  async function apply(targets: PauseTarget[], active: boolean, choice?: PauseChoice): Promise<PauseOutcome[]> {
    const outcomes: PauseOutcome[] = new Array(targets.length);
    let next = 0;
    const worker = async () => {
      while (next < targets.length) {
        const i = next++;
        const target = targets[i];
        if (!target) continue;
        try {
          await setActive.mutateAsync({ id: target.id, active, reason: choice?.reason, resumeAt: choice?.resumeAt });
          outcomes[i] = { id: target.id, name: target.pipeline_name, ok: true, message: null };
        } catch (error) {
          outcomes[i] = { id: target.id, name: target.pipeline_name, ok: false, message: errorMessage(error) };
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(4, targets.length) }, worker));
    return outcomes;
  }

  /** Undo puts each changed pipeline back as it was: resumed, or paused with its old reason and end. */
  function undo(changed: PauseTarget[], wasActive: boolean) {
    void Promise.all(
      changed.map((target) =>
        setActive.mutateAsync({
          id: target.id,
          active: wasActive,
          reason: wasActive ? "Undo" : (target.pause_reason ?? undefined),
          resumeAt: target.resume_at,
        }),
      ),
    ).then(
      () => showToast(changed.length === 1 ? `Undone: ${changed[0]?.pipeline_name} is ${wasActive ? "active" : "paused"} again.` : `Undone for ${pipelinesWord(changed.length)}.`),
      (error: unknown) => showToast(`Could not undo: ${errorMessage(error)}`, "error"),
    );
  }

  /** Pauses (active=false) or resumes the targets; says how it went in a toast with Undo. */
  async function change(targets: PauseTarget[], active: boolean, choice?: PauseChoice): Promise<PauseOutcome[]> {
    const outcomes = await apply(targets, active, choice);
    const changed = targets.filter((_, i) => outcomes[i]?.ok);
    const verb = active ? "resumed" : "paused";
    const onUndo = { label: "Undo", onClick: () => undo(changed, !active) };
    if (targets.length === 1) {
      const [outcome] = outcomes;
      const name = targets[0]?.pipeline_name ?? "";
      if (outcome?.ok) showToast(`${name} ${active ? "is active again" : "is paused"}.`, "success", onUndo);
      else showToast(`Could not ${active ? "resume" : "pause"} ${name}: ${outcome?.message ?? ""}`, "error");
    } else if (changed.length > 0) {
      showToast(`${changed.length === targets.length ? "" : `${changed.length} of `}${pipelinesWord(targets.length)} ${verb}.`, "success", onUndo);
    } else {
      showToast(`No pipeline was ${verb}.`, "error");
    }
    return outcomes;
  }

  return { change, pending: setActive.isPending };
}
