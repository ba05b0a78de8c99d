// POST /api/v1/unstract/{org_id}/pipeline/execute/ {pipeline_id, execution_id?}
import { parseJsonBody } from "@/lib/api/body";
import { uuidOrNull } from "@/lib/api/ids";
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { orgRoute } from "@/lib/api/route";
import { executeRequest } from "@/lib/api/unstract/schemas";
import { executeBody } from "@/lib/api/unstract/format";
import { DomainError, invalid } from "@/lib/domain/errors";
import { executePipeline } from "@/lib/domain/executions";
import { withDetails } from "@/lib/domain/pipelines";
import { otherMethods } from "@/lib/api/methods";

export const POST = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const body = await parseJsonBody(req, executeRequest);
  // In this route an unknown pipeline is a bad request, as documented, not a 404.
  const invalidId = () => invalid("Invalid pipeline ID", "pipeline_id");
  if (uuidOrNull(body.pipeline_id) === null) throw invalidId();
  const started = await executePipeline(db, principal, body.pipeline_id, body.execution_id, body.reason).catch((error: unknown) => {
    throw error instanceof DomainError && error.code === "not_found" ? invalidId() : error;
  });
  const [pipeline] = await withDetails(db, [started.pipeline]);
  return Response.json(executeBody(pipeline, started.execution));
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["POST"]);
