"use client";

// The pipeline page's destructive actions: pause/resume, clear storage (with its live progress)
// and the way into the delete wizard. Each action that cannot be used now says why.
import Link from "next/link";
import { useMe } from "@/components/console/use-me";
import { useRunningExecutions } from "@/components/executions/use-executions";
import { CHANGE_REFUSED, canChangePipeline } from "@/components/pipelines/permissions";
import { ClearStorage } from "@/components/storage/clear-storage";
import { ErrorNotice, Loading } from "@/components/ui/status";
import type { PipelineResponse } from "@/lib/api/unstract/responses";
import { ActionWithReason } from "./action-with-reason";
import { PauseAction } from "./pause-action";

type DangerZonePipeline = Pick<
  PipelineResponse,
  "id" | "pipeline_name" | "active" | "storage_status" | "run_count" | "created_by" | "paused_by" | "paused_at" | "pause_reason" | "resume_at" | "decommission"
>;

const BEING_DELETED = "It is being deleted: cancel the deletion to resume it.";

export function DangerZone({ pipeline }: { pipeline: DangerZonePipeline }) {
  const me = useMe();
  const org = me.data?.org ?? "";
  const running = useRunningExecutions(org, pipeline.id, { enabled: !!me.data });

  return (
    <section aria-labelledby="danger-zone-heading" className="card border-red-200" data-testid="danger-zone">
      <h2 id="danger-zone-heading" className="border-b border-red-200 px-4 py-3 text-lg font-semibold text-bad sm:px-6">
        Danger zone
      </h2>
      {me.isPending ? (
        <div className="px-4 sm:px-6">
          <Loading />
        </div>
      ) : me.isError ? (
        <div className="p-4 sm:px-6">
          <ErrorNotice title="Could not load your account." error={me.error} onRetry={() => void me.refetch()} />
        </div>
      ) : (
        <DangerZoneActions
          org={org}
          pipeline={pipeline}
          canChange={canChangePipeline(pipeline, me.data)}
          running={running.data ? running.data.length : null}
        />
      )}
    </section>
  );
}

function DangerZoneActions({ org, pipeline, canChange, running }: { org: string; pipeline: DangerZonePipeline; canChange: boolean; running: number | null }) {
  return (
    <ul className="divide-y divide-gray-100">
      <li className="px-4 py-4 sm:px-6">
        <PauseAction org={org} pipeline={pipeline} canChange={canChange} resumeRefusal={pipeline.decommission ? BEING_DELETED : null} />
      </li>
      <li className="px-4 py-4 sm:px-6">
        <ClearStorage
          org={org}
          pipeline={{ id: pipeline.id, name: pipeline.pipeline_name, storageStatus: pipeline.storage_status, runCount: pipeline.run_count }}
          canChange={canChange}
          running={running}
        />
        {running !== null && running > 0 && (
          <p className="mt-2 text-sm text-ink-muted" data-testid="danger-zone-running">
            {running === 1 ? "1 execution is" : `${running} executions are`} pending or executing.
          </p>
        )}
      </li>
      <li className="flex flex-col gap-3 px-4 py-4 sm:flex-row sm:items-start sm:justify-between sm:px-6">
        <div className="min-w-0">
          <h3 className="font-medium">Delete pipeline</h3>
          <p className="text-sm text-ink-muted">
            Step by step: see what goes and what stays, pause it and stop its runs, clear its storage, then type its name.
          </p>
        </div>
        {pipeline.decommission ? (
          <Link href={`/pipelines/${pipeline.id}/delete`} className="btn-secondary" data-testid="delete-pipeline-progress">
            See the deletion under way
          </Link>
        ) : (
          <ActionWithReason
            testId="delete-pipeline-link"
            variant="danger"
            href={`/pipelines/${pipeline.id}/delete`}
            disabledReason={canChange ? null : CHANGE_REFUSED}
          >
            Delete pipeline…
          </ActionWithReason>
        )}
      </li>
    </ul>
  );
}
