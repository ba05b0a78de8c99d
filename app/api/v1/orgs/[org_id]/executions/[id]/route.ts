// GET /api/v1/orgs/{org_id}/executions/{id}
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { orgExecutionBody } from "@/lib/api/console/format-org";
import { getExecution } from "@/lib/domain/execution-history";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) => {
  const execution = await getExecution(db, principal, uuidParam(params.id));
  return Response.json(orgExecutionBody(execution));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
