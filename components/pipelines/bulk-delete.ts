// The bulk delete in words and numbers: which selected pipelines the user may delete and why not
// the others, what deleting them removes in all, and where each one's decommission stands.
// Pure functions, so the dialog, the progress panel and the tests read the same sentences.
import type { Me } from "@/components/console/use-me";
import { countOf } from "@/components/format";
import type { Decommission } from "@/components/wizard/use-decommission";
import type { DeletionImpact } from "@/components/wizard/use-deletion-impact";
import { canChangePipeline } from "./permissions";
import type { SelectedPipeline } from "./types";
import { LIVE_DECOMMISSION_STATES } from "@/lib/vocabulary";

export const NOT_OWNER = "You are not its owner.";
export const DELETE_OWN_ONLY = "You can delete only the pipelines you own.";

export interface BulkDeleteTarget {
  id: string;
  name: string;
  sharedToOrg: boolean;
}

export interface ExcludedTarget extends BulkDeleteTarget {
  why: string;
}

type Viewer = Pick<Me, "id" | "role">;

export const pipelinesWord = (n: number) => countOf(n, "pipeline", "pipelines");

/** The selection split into what the user may delete and what is left out, with why. */
export function splitDeletable(selected: ReadonlyMap<string, SelectedPipeline>, me: Viewer) {
  const included: BulkDeleteTarget[] = [];
  const excluded: ExcludedTarget[] = [];
  for (const [id, pipeline] of selected) {
    const target = { id, name: pipeline.pipeline_name, sharedToOrg: pipeline.shared_to_org };
    // The server decides (owner or admin); this only says ahead what it would refuse.
    if (canChangePipeline(pipeline, me)) included.push(target);
    else excluded.push({ ...target, why: NOT_OWNER });
  }
  return { included, excluded };
}

/** Why the bar's Delete cannot be used for this selection; null when some may be deleted. */
export function bulkDeleteBlockedReason(selected: ReadonlyMap<string, SelectedPipeline>, me: Viewer): string | null {
  if (selected.size === 0) return null;
  return splitDeletable(selected, me).included.length === 0 ? DELETE_OWN_ONLY : null;
}

export interface ImpactTotals {
  runs: number;
  records: number;
  bytes: number;
  keys: number;
  running: number;
}

export function impactTotals(impacts: readonly DeletionImpact[]): ImpactTotals {
  return impacts.reduce<ImpactTotals>(
    (sum, { removed, running_executions }) => ({
      runs: sum.runs + removed.executions,
      records: sum.records + removed.storage_records,
      bytes: sum.bytes + removed.storage_bytes,
      keys: sum.keys + removed.keys,
      running: sum.running + running_executions,
    }),
    { runs: 0, records: 0, bytes: 0, keys: 0, running: 0 },
  );
}

export interface ImpactFlag {
  text: string;
  /** Deleting it stops something that is going on or that others rely on. */
  matters: boolean;
}

/** What makes deleting this one matter more than deleting an idle pipeline: said in its row. */
export function impactFlags(impact: DeletionImpact, target: Pick<BulkDeleteTarget, "sharedToOrg">): ImpactFlag[] {
  const flags: ImpactFlag[] = [impact.pipeline.active ? { text: "Active", matters: true } : { text: "Paused", matters: false }];
  if (impact.removed.schedule) flags.push({ text: "Scheduled", matters: true });
  if (target.sharedToOrg) flags.push({ text: "Shared with the org", matters: true });
  if (impact.removed.shares > 0) flags.push({ text: `Shared with ${countOf(impact.removed.shares, "person", "people")}`, matters: true });
  const running = impact.running_executions;
  if (running > 0) flags.push({ text: `${countOf(running, "run", "runs")} executing: ${running === 1 ? "it" : "they"} will be stopped`, matters: true });
  return flags;
}

/** 0–99 while clearing (100 only once the server says the step is over). */
export function clearPercent(done: number, total: number): number {
  if (total <= 0) return 0;
  return Math.min(99, Math.max(0, Math.floor((done / total) * 100)));
}

/** Where one pipeline's decommission stands, in the words of its steps. */
export function planStateText(plan: Pick<Decommission, "state" | "error">, percent: number): string {
  switch (plan.state) {
    case "pausing":
      return "Pausing";
    case "stopping":
      return "Stopping runs";
    case "clearing":
      return `Clearing storage ${percent}%`;
    case "deleting":
      return "Deleting";
    case "done":
      return "Deleted";
    case "cancelled":
      return "Cancelled: it stays, paused";
    case "failed":
      return plan.error ? `Failed: ${plan.error}` : "Failed";
  }
}

/** A plan's state; "refused" by the server; "loading" until read; "missing" when it cannot be read. */
export type OutcomeState = Decommission["state"] | "refused" | "loading" | "missing";

/** "4 of 5 deleted, 1 refused" once every one has ended; how far it got while some are under way. */
export function deletionSummary(states: readonly OutcomeState[]): { text: string; ended: boolean } {
  const tally = (state: OutcomeState) => states.filter((s) => s === state).length;
  const total = states.length;
  const done = tally("done");
  const underWay = states.filter((s) => s === "loading" || (LIVE_DECOMMISSION_STATES as readonly string[]).includes(s)).length;
  const others = [
    [tally("refused"), "refused"],
    [tally("failed"), "failed"],
    [tally("cancelled"), "cancelled"],
    [tally("missing"), "unknown"],
  ] as const;
  const rest = others.filter(([n]) => n > 0).map(([n, word]) => `${n} ${word}`);
  if (underWay > 0) return { text: [`${done} of ${total} deleted so far`, `${underWay} under way`, ...rest].join(", "), ended: false };
  return { text: [`${done} of ${total} deleted`, ...rest].join(", "), ended: true };
}
