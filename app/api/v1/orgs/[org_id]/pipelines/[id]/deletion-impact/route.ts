// GET /api/v1/orgs/{org_id}/pipelines/{id}/deletion-impact — what a delete removes, what stays.
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { deletionImpact } from "@/lib/domain/deletion-impact";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) => {
  const impact = await deletionImpact(db, principal, uuidParam(params.id));
  return Response.json({
    pipeline: { id: impact.pipeline.id, name: impact.pipeline.name, active: impact.pipeline.active, storage_status: impact.pipeline.storageStatus },
    running_executions: impact.runningExecutions,
    removed: {
      jobs: impact.removed.jobs,
      job_states: impact.removed.jobStates,
      executions: impact.removed.executions,
      execution_logs: impact.removed.executionLogs,
      schedule: impact.removed.schedule,
      keys: impact.removed.keys,
      shares: impact.removed.shares,
      storage_records: impact.removed.storageRecords,
      storage_bytes: impact.removed.storageBytes,
      storage_files: impact.removed.storageFiles,
      storage_file_bytes: impact.removed.storageFileBytes,
    },
    kept: { resources: impact.kept.resources, destination_tables: impact.kept.destinationTables },
  });
});
