// GET /api/v1/orgs/{org_id}/executions/{id}/logs?after=<line id> — lines after the last one seen.
import { parseQuery } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { logsQuery } from "@/lib/api/console/schemas-org";
import { executionLogsBody } from "@/lib/api/console/format-org";
import { executionLogLines } from "@/lib/domain/execution-history";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const query = parseQuery(req, logsQuery);
  return Response.json(executionLogsBody(await executionLogLines(db, principal, id, query.after, query.limit)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
