"use client";

// The Overview tab: the facts at a glance, the jobs, the run history, the settings form, and the
// configuration as a file.
import type { ReactNode } from "react";
import type { Me } from "@/components/console/use-me";
import { useRecentRuns } from "@/components/executions/use-executions";
import { formatCount, formatDateTime } from "@/components/format";
import { ErrorNotice, Loading } from "@/components/ui/status";
import type { AnalysedCron } from "./cron-analysis";
import { DownloadConfigLink } from "./download-config";
import { canChangePipeline } from "./permissions";
import { PipelineEditForm } from "./pipeline-edit-form";
import { RunHistoryChart } from "./run-history-chart";
import { lastRunWords } from "./last-run-words";
import { timeInWords } from "./time-words";
import { JobsSection } from "./jobs-section";
import type { Pipeline, PipelineDetail } from "./types";
import { useNow } from "./use-now";

interface OverviewSectionProps {
  org: string;
  me: Me;
  pipeline: PipelineDetail;
  savedSchedule?: AnalysedCron;
}

export function OverviewSection({ org, me, pipeline, savedSchedule }: OverviewSectionProps) {
  return (
    <div className="space-y-6">
      <PipelineFacts org={org} pipeline={pipeline} />
      <JobsSection org={org} me={me} pipeline={pipeline} />
      <RunHistory org={org} pipelineId={pipeline.id} />
      <PipelineEditForm org={org} me={me} pipeline={pipeline} savedSchedule={savedSchedule} />
      <ConfigurationFile org={org} me={me} pipeline={pipeline} />
    </div>
  );
}

function PipelineFacts({ org, pipeline }: { org: string; pipeline: Pipeline }) {
  const now = useNow(5_000);
  // The same query as the run chart below: the newest run is the one under way, if any.
  const recent = useRecentRuns(org, pipeline.id);
  return (
    <section aria-labelledby="facts-heading" className="card p-4 sm:p-6">
      <h2 id="facts-heading" className="sr-only">
        At a glance
      </h2>
      <dl className="grid grid-cols-2 gap-x-6 gap-y-4 text-sm lg:grid-cols-4">
        <Fact term="Runs">
          <span className="tabular-nums" data-testid="fact-runs">
            {formatCount(pipeline.run_count)}
          </span>
        </Fact>
        <Fact term="Last run">
          <span data-testid="fact-last-run">
            {lastRunWords(pipeline, recent.data?.[0], now)}
          </span>
        </Fact>
        <Fact term="Next run">
          {pipeline.next_run_time ? (
            <span title={formatDateTime(pipeline.next_run_time)} data-testid="fact-next-run">
              {timeInWords(pipeline.next_run_time, now)}
            </span>
          ) : (
            <span data-testid="fact-next-run">{!pipeline.active ? "None while paused" : "No schedule"}</span>
          )}
        </Fact>
        <Fact term="Schedule">
          {pipeline.cron_string ? (
            <span data-testid="fact-schedule">
              <code className="font-mono">{pipeline.cron_string}</code> <span className="text-ink-muted">({pipeline.timezone})</span>
            </span>
          ) : (
            "Only when started"
          )}
        </Fact>
        <Fact term="Created">{formatDateTime(pipeline.created_at)}</Fact>
        <Fact term="Last changed">
          {formatDateTime(pipeline.modified_at)}
          {pipeline.modified_by_email && <span className="block break-all text-ink-muted">by {pipeline.modified_by_email}</span>}
        </Fact>
        <Fact term="Trigger endpoint" wide>
          <code className="break-all font-mono text-xs">POST /{pipeline.api_endpoint}</code>
        </Fact>
      </dl>
    </section>
  );
}

function ConfigurationFile({ org, me, pipeline }: { org: string; me: Me; pipeline: Pipeline }) {
  return (
    <section aria-labelledby="config-file-heading" className="card space-y-3 p-4 sm:p-6" data-testid="config-file">
      <h2 id="config-file-heading" className="text-lg font-semibold">
        Configuration file
      </h2>
      <p className="max-w-prose text-sm text-ink-muted">
        Its settings, schedule, jobs and sharing in one file, never its keys. Import it under New pipeline to make a copy, here or in
        another organization, or keep it before deleting the pipeline.
      </p>
      <DownloadConfigLink org={org} pipelineId={pipeline.id} pipelineName={pipeline.pipeline_name} canChange={canChangePipeline(pipeline, me)} />
    </section>
  );
}

function Fact({ term, children, wide = false }: { term: string; children: ReactNode; wide?: boolean }) {
  return (
    <div className={`min-w-0 ${wide ? "col-span-2" : ""}`}>
      <dt className="text-xs font-medium uppercase tracking-wide text-ink-faint">{term}</dt>
      <dd className="mt-0.5">{children}</dd>
    </div>
  );
}

function RunHistory({ org, pipelineId }: { org: string; pipelineId: string }) {
  const runs = useRecentRuns(org, pipelineId);
  return (
    <section aria-labelledby="history-heading" className="card p-4 sm:p-6">
      <h2 id="history-heading" className="mb-3 text-lg font-semibold">
        Run history
      </h2>
      {runs.isPending ? (
        <Loading label="Loading runs…" />
      ) : runs.isError ? (
        <ErrorNotice title="Could not load the run history." error={runs.error} onRetry={() => void runs.refetch()} />
      ) : (
        <RunHistoryChart runs={runs.data} />
      )}
    </section>
  );
}
