// GET /api/v1/unstract/{org_id}/pipeline/{id}/executions/ — newest first, owner only.
import { parseQuery } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { listExecutionsQuery } from "@/lib/api/unstract/schemas";
import { executionBody, paginated } from "@/lib/api/unstract/format";
import { dateBound, pageOrNotFound } from "@/lib/api/unstract/params";
import { listPipelineExecutions } from "@/lib/domain/executions";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const query = parseQuery(req, listExecutionsQuery);
  const page = pageOrNotFound(query.page);
  const list = await listPipelineExecutions(db, principal, id, {
    page,
    pageSize: query.page_size,
    startDate: dateBound(query.start_date, false),
    endDate: dateBound(query.end_date, true),
    statuses: query.status,
    cursor: query.cursor,
  });
  return Response.json(paginated(req, list, page, list.results.map(executionBody)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
