// POST /platform/pipeline/pause and /unpause: one handler, the domain's one pause flag.
import { setPipelineActive } from "@/lib/domain/pipelines";
import { parseJsonBody } from "../body";
import { pipelineActionRequest } from "./schemas";
import { actionAnswer } from "./format";
import { onPipeline } from "./ids";
import { assertCustomer, maestroRoute } from "./route";

export function pauseRoute(active: boolean) {
  const message = active ? "Pipeline unpaused successfully" : "Pipeline paused successfully";
  return maestroRoute(async ({ req, db, principal }) => {
    const body = await parseJsonBody(req, pipelineActionRequest);
    assertCustomer(principal, body.customer_id);
    // Already in that state: the domain refuses with PipelineAlreadyPaused / PipelineNotPaused.
    await onPipeline(body.pipeline_id, (id) => setPipelineActive(db, principal, id, active, body.reason ?? null));
    return Response.json(actionAnswer(message, body.pipeline_id));
  });
}
