"use client";

// What the pipeline is and whether it runs: name, type, active, storage, owner; and Run now.
import Link from "next/link";
import { useEffect, useState } from "react";
import { errorMessage } from "@/components/api-client";
import type { Me } from "@/components/console/use-me";
import { isRunning, statusLook } from "@/components/executions/execution-status";
import { useRecentRuns } from "@/components/executions/use-executions";
import { PIPELINE_TYPE_LABELS } from "@/components/labels";
import { STATE_WORDS } from "@/components/wizard/decommission-steps";
import { pauseSummary } from "./pause-words";
import { StatusLine, type Outcome } from "./status-line";
import { percentOf } from "@/components/storage/progress-math";
import { useStorageProgress } from "@/components/storage/use-storage";
import { StorageBadge } from "./storage-badge";
import type { Pipeline, StorageStatus } from "./types";
import { useNow } from "./use-now";
import { useRunPipeline } from "./use-pipelines";

/** How long "Run … ended" stays once the run is over. */
const ENDED_LINE_MS = 5_000;

interface PipelineHeaderProps {
  org: string;
  me: Me;
  pipeline: Pipeline;
  outcome: Outcome | null;
  onOutcome: (outcome: Outcome | null) => void;
  onShowExecutions: () => void;
}

function runRefusal(pipeline: Pipeline, storageStatus: StorageStatus): string | null {
  // The clear first: it is what is happening now, and it blocks a run even once resumed.
  if (storageStatus === "Clearing") return "Storage is being cleared: a run can start when it is done.";
  if (!pipeline.active) return "The pipeline is paused: resume it to run it.";
  return null;
}

export function PipelineHeader({ org, me, pipeline, outcome, onOutcome, onShowExecutions }: PipelineHeaderProps) {
  const run = useRunPipeline(org, pipeline.id);
  const now = useNow();
  // The one storage state the clear panel reads too: badge, panel and Run now never disagree.
  const { progress: storage } = useStorageProgress(org, { id: pipeline.id, name: pipeline.pipeline_name }, pipeline.storage_status);
  const storagePercent = storage.status === "Clearing" && (storage.totalRows > 0 || storage.totalBytes > 0) ? percentOf(storage) : null;
  const refusal = runRefusal(pipeline, storage.status);
  // The run this page started: its "Run started" line says how it ended, then goes away.
  const [startedId, setStartedId] = useState<string | null>(null);
  const recent = useRecentRuns(org, pipeline.id);
  const endedAs = recent.data?.find((run) => run.id === startedId && !isRunning(run.status))?.status ?? null;
  useEffect(() => {
    if (!startedId || !endedAs) return;
    onOutcome({ text: `Run ${startedId.slice(0, 8)}… ended: ${statusLook(endedAs).label.toLowerCase()}.`, ok: endedAs === "COMPLETED" });
    const timer = setTimeout(() => {
      onOutcome(null);
      setStartedId(null);
    }, ENDED_LINE_MS);
    return () => clearTimeout(timer);
  }, [startedId, endedAs, onOutcome]);
  const blocked = !!refusal || run.isPending;

  function runNow() {
    if (blocked) return;
    setStartedId(null);
    run.mutate(undefined, {
      onSuccess: (answer) => {
        setStartedId(answer.execution.execution_id);
        onOutcome({ text: `Run started: execution ${answer.execution.execution_id.slice(0, 8)}…`, ok: true });
      },
      onError: (error) => onOutcome({ text: `Could not start a run: ${errorMessage(error)}`, ok: false }),
    });
  }

  return (
    <header className="space-y-3">
      <Link href="/pipelines" className="text-sm font-medium text-brand-700 hover:underline">
        ← Pipelines
      </Link>
      <div className="flex flex-col gap-3 sm:flex-row sm:items-start sm:justify-between">
        <div className="min-w-0">
          <h1 className="break-all text-2xl font-semibold" data-testid="pipeline-name">
            {pipeline.pipeline_name}
          </h1>
          <div className="mt-2 flex flex-wrap items-center gap-2 text-sm">
            <span className="rounded bg-surface-sunken px-2 py-0.5 text-xs font-medium" data-testid="pipeline-type-badge">
              <span className="sr-only">Type: </span>
              {PIPELINE_TYPE_LABELS[pipeline.pipeline_type]}
            </span>
            <span
              className={`rounded-full px-2 py-0.5 text-xs font-medium ${pipeline.active ? "bg-green-50 text-ok" : "bg-amber-50 text-warn"}`}
              data-testid="pipeline-active-badge"
            >
              {pipeline.active ? "Active" : "Paused"}
            </span>
            <StorageBadge status={storage.status} percent={storagePercent} runCount={pipeline.run_count} />
            <span className="min-w-0 break-all text-ink-muted" data-testid="pipeline-owner">
              Owner: {pipeline.created_by === me.id ? `you (${pipeline.created_by_email})` : pipeline.created_by_email}
            </span>
          </div>
          {!pipeline.active && (
            <p className="mt-2 max-w-prose text-sm text-warn" data-testid="pause-info">
              {pauseSummary(pipeline, now)}
            </p>
          )}
          {pipeline.decommission && (
            <p className="mt-2 max-w-prose rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="decommission-banner">
              Being deleted: {STATE_WORDS[pipeline.decommission.state]?.toLowerCase() ?? pipeline.decommission.state}.{" "}
              <Link href={`/pipelines/${pipeline.id}/delete`} className="font-medium underline">
                See its progress
              </Link>
            </p>
          )}
          {pipeline.description && <p className="mt-2 max-w-prose text-sm text-ink-muted">{pipeline.description}</p>}
        </div>
        <div className="flex shrink-0 flex-col items-start gap-1 sm:items-end">
          <button
            type="button"
            className="btn-primary aria-disabled:cursor-not-allowed aria-disabled:opacity-50"
            aria-disabled={blocked || undefined}
            aria-describedby={refusal ? "run-now-refusal" : undefined}
            title={refusal ?? undefined}
            onClick={runNow}
            data-testid="run-now"
          >
            {run.isPending ? "Starting…" : "Run now"}
          </button>
          {refusal && (
            <p id="run-now-refusal" className="max-w-xs text-sm text-ink-muted sm:text-right">
              {refusal}
            </p>
          )}
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <StatusLine outcome={outcome} testId="pipeline-status" />
        {startedId && outcome && (
          <button type="button" className="text-sm font-medium text-brand-700 hover:underline" onClick={onShowExecutions}>
            Follow it under Executions
          </button>
        )}
      </div>
    </header>
  );
}
