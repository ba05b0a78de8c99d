"use client";

// What a paused or a being-deleted pipeline shows in lists: a badge whose tooltip (and accessible
// description) says who paused it, when, why and until when; or how far its deletion is.
import Link from "next/link";
import { STATE_WORDS } from "@/components/wizard/decommission-steps";
import type { Pipeline } from "./types";
import { pauseSummary, type PauseFacts } from "./pause-words";

export function PausedBadge({ pipeline, now }: { pipeline: PauseFacts; now: number }) {
  const summary = pauseSummary(pipeline, now);
  return (
    <span className="inline-flex cursor-help items-center rounded-full bg-amber-50 px-2 py-0.5 text-xs font-medium text-warn" title={summary} data-testid="paused-badge">
      <span aria-hidden>Paused{pipeline.pause_reason ? " ⓘ" : ""}</span>
      <span className="sr-only">{summary}</span>
    </span>
  );
}

export function DeletingBadge({ pipeline }: { org: string; pipeline: Pick<Pipeline, "id" | "pipeline_name" | "decommission"> }) {
  const state = pipeline.decommission?.state ?? "";
  return (
    <Link
      href={`/pipelines/${pipeline.id}/delete`}
      className="inline-flex items-center rounded-full bg-red-50 px-2 py-0.5 text-xs font-medium text-bad hover:underline"
      data-testid="deleting-badge"
      data-state={state}
    >
      Being deleted: {state ? STATE_WORDS[state] : ""}
      <span className="sr-only"> ({pipeline.pipeline_name}); see its progress</span>
    </Link>
  );
}
