// GET /platform/pipeline/{id}/pipeline_run/{run_id} — one run; both ids with "-" or "_".
import { runBody } from "@/lib/api/maestro/format";
import { isRunNotFound, onPipeline, runNotFound, uuidOf } from "@/lib/api/maestro/ids";
import { maestroRoute } from "@/lib/api/maestro/route";
import { getPipelineRun } from "@/lib/domain/executions";
import { maestroDialect } from "@/lib/api/maestro/dialect";
import { otherMethods } from "@/lib/api/methods";

export const GET = maestroRoute<{ id: string; run_id: string }>(async ({ db, principal, params }) => {
  const runId = uuidOf(params.run_id);
  const run = await onPipeline(params.id, async (pipelineId) => {
    if (!runId) throw runNotFound(params.run_id);
    return getPipelineRun(db, principal, pipelineId, runId).catch((error: unknown) => {
      throw isRunNotFound(error) ? runNotFound(params.run_id) : error;
    });
  });
  return Response.json(runBody(run, { pipelineId: params.id, runId: params.run_id }));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(maestroDialect, ["GET"]);
