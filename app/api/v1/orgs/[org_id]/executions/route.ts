// GET /api/v1/orgs/{org_id}/executions — runs of every pipeline the caller may see, newest first.
import { parseQuery } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { orgExecutionsQuery } from "@/lib/api/console/schemas-org";
import { dateBound } from "@/lib/api/unstract/params";
import { orgExecutionListBody } from "@/lib/api/console/format-org";
import { listOrgExecutions } from "@/lib/domain/execution-history";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const query = parseQuery(req, orgExecutionsQuery);
  const page = await listOrgExecutions(db, principal, {
    limit: query.limit,
    cursor: query.cursor,
    pipelineId: query.pipeline_id,
    statuses: query.status,
    trigger: query.triggered_by,
    startDate: dateBound(query.start_date, false),
    endDate: dateBound(query.end_date, true),
  });
  return Response.json(orgExecutionListBody(page));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
