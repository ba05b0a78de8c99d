// What the console's bulk delete says before and after: who may delete which of the selected
// pipelines, what deleting them removes in all, and where each one stands.
import { describe, expect, it } from "vitest";
import {
  bulkDeleteBlockedReason,
  clearPercent,
  deletionSummary,
  impactFlags,
  impactTotals,
  planStateText,
  splitDeletable,
} from "@/components/pipelines/bulk-delete";
import type { SelectedPipeline } from "@/components/pipelines/types";
import type { DeletionImpact } from "@/components/wizard/use-deletion-impact";

const ME = "00000000-0000-4000-8000-000000000001";
const OTHER = "00000000-0000-4000-8000-000000000002";
const member = { id: ME, role: "member" as const };
const admin = { id: ME, role: "admin" as const };

const selection = (entries: [string, string, string][]) =>
  new Map<string, SelectedPipeline>(entries.map(([id, name, owner]) => [id, { pipeline_name: name, created_by: owner, shared_to_org: false }]));

function impact(overrides: { active?: boolean; running?: number; schedule?: boolean; shares?: number; executions?: number; records?: number; bytes?: number; keys?: number }): DeletionImpact {
  return {
    pipeline: { id: "p", name: "p", active: overrides.active ?? true, storage_status: "InUse" },
    running_executions: overrides.running ?? 0,
    removed: {
      jobs: 1,
      job_states: 0,
      executions: overrides.executions ?? 0,
      execution_logs: 0,
      schedule: overrides.schedule ?? false,
      keys: overrides.keys ?? 1,
      shares: overrides.shares ?? 0,
      storage_records: overrides.records ?? 0,
      storage_bytes: overrides.bytes ?? 0,
      storage_files: 0,
      storage_file_bytes: 0,
    },
    kept: { resources: [], destination_tables: [] },
  };
}

describe("who may delete which", () => {
  const selected = selection([
    ["a", "mine", ME],
    ["b", "theirs", OTHER],
  ]);

  it("leaves a member's others out, saying why; an admin keeps them all", () => {
    const split = splitDeletable(selected, member);
    expect(split.included.map((t) => t.name)).toEqual(["mine"]);
    expect(split.excluded).toEqual([{ id: "b", name: "theirs", sharedToOrg: false, why: "You are not its owner." }]);
    expect(splitDeletable(selected, admin).excluded).toEqual([]);
  });

  it("blocks the bar's Delete only when nothing selected may be deleted", () => {
    expect(bulkDeleteBlockedReason(selected, member)).toBeNull();
    expect(bulkDeleteBlockedReason(selection([["b", "theirs", OTHER]]), member)).toBe("You can delete only the pipelines you own.");
    expect(bulkDeleteBlockedReason(selection([["b", "theirs", OTHER]]), admin)).toBeNull();
  });
});

describe("what goes", () => {
  it("adds the counts up", () => {
    const totals = impactTotals([impact({ executions: 3, records: 2000, bytes: 4096, keys: 1, running: 1 }), impact({ executions: 1, keys: 2 })]);
    expect(totals).toEqual({ runs: 4, records: 2000, bytes: 4096, keys: 3, running: 1 });
  });

  it("flags what matters: active, scheduled, shared, runs that will be stopped", () => {
    const texts = (flags: { text: string }[]) => flags.map((f) => f.text);
    expect(texts(impactFlags(impact({ schedule: true, running: 1 }), { sharedToOrg: true }))).toEqual([
      "Active",
      "Scheduled",
      "Shared with the org",
      "1 run executing: it will be stopped",
    ]);
    expect(texts(impactFlags(impact({ active: false, shares: 2, running: 2 }), { sharedToOrg: false }))).toEqual([
      "Paused",
      "Shared with 2 people",
      "2 runs executing: they will be stopped",
    ]);
  });
});

describe("where it stands", () => {
  it("names each step, with the clear's percent", () => {
    expect(planStateText({ state: "stopping", error: null }, 0)).toBe("Stopping runs");
    expect(planStateText({ state: "clearing", error: null }, clearPercent(500, 2000))).toBe("Clearing storage 25%");
    expect(planStateText({ state: "done", error: null }, 100)).toBe("Deleted");
    expect(planStateText({ state: "failed", error: "the database went away" }, 0)).toBe("Failed: the database went away");
    expect(clearPercent(2000, 2000)).toBe(99);
    expect(clearPercent(0, 0)).toBe(0);
  });

  it("sums up once every one has ended, and says how far it got before", () => {
    expect(deletionSummary(["done", "done", "done", "done", "refused"])).toEqual({ text: "4 of 5 deleted, 1 refused", ended: true });
    expect(deletionSummary(["done", "clearing", "loading", "refused"])).toEqual({ text: "1 of 4 deleted so far, 2 under way, 1 refused", ended: false });
    expect(deletionSummary(["done", "failed", "cancelled"])).toEqual({ text: "1 of 3 deleted, 1 failed, 1 cancelled", ended: true });
  });
});
