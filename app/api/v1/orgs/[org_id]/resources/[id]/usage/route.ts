// GET /api/v1/orgs/{org_id}/resources/{id}/usage — the pipelines whose jobs use a connection,
// asked before deleting it (their runs would then fail at those jobs).
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { resourceUsageBody } from "@/lib/api/console/format-org";
import { resourceUsage } from "@/lib/domain/resource-usage";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) => {
  return Response.json(resourceUsageBody(await resourceUsage(db, principal, params.id)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
