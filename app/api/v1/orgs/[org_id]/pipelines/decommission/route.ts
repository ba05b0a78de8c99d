// POST /api/v1/orgs/{org_id}/pipelines/decommission {ids, confirm: "delete N pipelines", reason?}
// — start deleting several pipelines; one result per id, accepted or refused with why.
import { parseJsonBody } from "@/lib/api/body";
import { bulkDecommissionBody } from "@/lib/api/console/format-decommission";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { bulkDecommissionRequest } from "@/lib/api/console/schemas-decommission";
import { startBulkDecommission } from "@/lib/domain/decommission";
import { otherMethods } from "@/lib/api/methods";

export const POST = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const body = await parseJsonBody(req, bulkDecommissionRequest);
  const { batchId, results } = await startBulkDecommission(db, principal, body);
  return Response.json(bulkDecommissionBody(batchId, results), { status: 202 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["POST"]);
