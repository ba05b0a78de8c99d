// GET /api/v1/orgs/{org_id}/executions/{id}/logs?after=<line id> — lines after the last one seen.
import { parseQuery } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { logsQuery } from "@/lib/api/console/schemas-org";
import { executionLogLines } from "@/lib/domain/execution-history";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const query = parseQuery(req, logsQuery);
  const { execution, lines } = await executionLogLines(db, principal, id, query.after, query.limit);
  return Response.json({
    execution_id: execution.id,
    status: execution.status,
    lines: lines.map((l) => ({ id: l.id, at: l.at.toISOString(), level: l.level, message: l.message })),
  });
});
