// POST /platform/pipeline/execute {pipeline_id} — starts a run now, whatever the schedule.
import { parseJsonBody } from "@/lib/api/body";
import { executeAnswer } from "@/lib/api/maestro/format";
import { onPipeline } from "@/lib/api/maestro/ids";
import { assertCustomer, maestroRoute } from "@/lib/api/maestro/route";
import { executePipelineRequest } from "@/lib/api/maestro/schemas";
import { executePipeline } from "@/lib/domain/executions";
import { maestroDialect } from "@/lib/api/maestro/dialect";
import { otherMethods } from "@/lib/api/methods";

export const POST = maestroRoute(async ({ req, db, principal }) => {
  const body = await parseJsonBody(req, executePipelineRequest);
  assertCustomer(principal, body.customer_id);
  // Paused → the domain's inactive (400 PipelinePaused); Clearing → CannotStartWhileClearingStorage.
  const { execution } = await onPipeline(body.pipeline_id, (id) => executePipeline(db, principal, id));
  return Response.json(executeAnswer(body.pipeline_id, execution.id));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(maestroDialect, ["POST"]);
