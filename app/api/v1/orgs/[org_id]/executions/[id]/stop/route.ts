// POST /api/v1/orgs/{org_id}/executions/{id}/stop {reason?} — stop a pending or running run.
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { reasonBody } from "@/lib/api/common-schemas";
import { executionBody } from "@/lib/api/unstract/format";
import { stopExecution } from "@/lib/domain/executions";
import { otherMethods } from "@/lib/api/methods";

export const POST = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const { reason } = await parseJsonBody(req, reasonBody);
  const execution = await stopExecution(db, principal, id, reason);
  // 202: an executing run stops at its worker's next batch, not at once.
  return Response.json(executionBody(execution), { status: execution.status === "EXECUTING" ? 202 : 200 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["POST"]);
