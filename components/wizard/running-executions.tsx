"use client";

// The pipeline's pending and executing runs, kept live, each with a Stop button, and Stop all.
import { useState } from "react";
import { errorMessage } from "@/components/api-client";
import { ActionWithReason } from "@/components/danger-zone/action-with-reason";
import { statusLook } from "@/components/executions/execution-status";
import { useStopExecution } from "@/components/executions/use-executions";
import { formatCount, formatDateTime } from "@/components/format";
import { EXECUTION_METHOD_LABELS, labelOf } from "@/components/labels";
import { CHANGE_REFUSED } from "@/components/pipelines/permissions";
import type { OrgExecution } from "@/components/pipelines/types";
import { ErrorNotice, Loading } from "@/components/ui/status";
import { showToast } from "@/components/ui/toast";

interface RunningExecutionsProps {
  org: string;
  pipelineId: string;
  canChange: boolean;
  runs: { data: OrgExecution[] | undefined; isPending: boolean; isError: boolean; error: unknown; refetch: () => unknown };
}

export function RunningExecutions({ org, pipelineId, canChange, runs }: RunningExecutionsProps) {
  const stop = useStopExecution(org);
  // Runs asked to stop: an executing one stops at its next batch, so it shows "Stopping…" until then.
  const [stopping, setStopping] = useState<ReadonlySet<string>>(new Set());
  const [failure, setFailure] = useState<string | null>(null);

  async function stopRuns(ids: string[]) {
    setFailure(null);
    setStopping((previous) => new Set([...previous, ...ids]));
    const failed: string[] = [];
    for (const executionId of ids) {
      try {
        await stop.mutateAsync({ id: executionId, pipeline_id: pipelineId });
      } catch (error) {
        failed.push(`${executionId.slice(0, 8)}: ${errorMessage(error)}`);
        setStopping((previous) => new Set([...previous].filter((id) => id !== executionId)));
      }
    }
    if (failed.length) setFailure(`Could not stop ${failed.length === 1 ? "a run" : `${failed.length} runs`}: ${failed.join("; ")}`);
    else showToast(ids.length === 1 ? "The run was asked to stop." : `${ids.length} runs were asked to stop.`);
  }

  if (runs.isPending) return <Loading label="Looking for running executions…" />;
  if (runs.isError) return <ErrorNotice title="Could not list the running executions." error={runs.error} onRetry={() => void runs.refetch()} />;

  const list = runs.data ?? [];
  const notAllowed = canChange ? null : CHANGE_REFUSED;
  const stoppable = list.filter((run) => !stopping.has(run.id));

  return (
    <div className="space-y-3" data-testid="running-executions">
      <div className="flex flex-col gap-2 sm:flex-row sm:items-start sm:justify-between">
        <p className="text-sm" aria-live="polite" data-testid="running-count">
          {list.length === 0
            ? "Nothing is running."
            : `${list.length} ${list.length === 1 ? "execution is" : "executions are"} pending or executing. Wait for ${list.length === 1 ? "it" : "them"} to finish, or stop ${list.length === 1 ? "it" : "them"}.`}
        </p>
        {list.length > 0 && (
          <ActionWithReason
            testId="stop-all-runs"
            variant="danger"
            disabledReason={notAllowed ?? (stoppable.length === 0 ? "Every run has been asked to stop." : null)}
            onClick={() => void stopRuns(stoppable.map((run) => run.id))}
          >
            Stop all
          </ActionWithReason>
        )}
      </div>
      {failure && (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-bad" data-testid="stop-run-error">
          {failure}
        </p>
      )}
      {list.length > 0 && (
        <ul className="divide-y divide-gray-100 rounded-md border border-gray-200" data-testid="running-list">
          {list.map((run) => {
            const asked = stopping.has(run.id);
            return (
              <li key={run.id} className="flex flex-col gap-2 px-3 py-2 sm:flex-row sm:items-center sm:justify-between" data-testid="running-run" data-status={run.status}>
                <div className="min-w-0 text-sm">
                  <p>
                    <span className="font-mono">{run.id.slice(0, 8)}</span>{" "}
                    <span className={`ml-1 inline-block rounded-full px-2 py-0.5 text-xs font-medium ${run.status === "EXECUTING" ? "bg-brand-100 text-brand-700" : "bg-amber-100 text-warn"}`}>
                      {statusLook(run.status).label}
                    </span>
                  </p>
                  <p className="text-ink-muted">
                    {labelOf(EXECUTION_METHOD_LABELS, run.execution_method)} · created {formatDateTime(run.created_at)}
                    {run.status === "EXECUTING" && ` · ${formatCount(run.successful_files + run.failed_files)} records so far`}
                  </p>
                </div>
                <ActionWithReason
                  testId="stop-run"
                  disabledReason={notAllowed ?? (asked ? "Asked to stop; an executing run stops at its next batch." : null)}
                  onClick={() => void stopRuns([run.id])}
                >
                  {asked ? "Stopping…" : "Stop"}
                  <span className="sr-only"> run {run.id.slice(0, 8)}</span>
                </ActionWithReason>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
