// GET /api/v1/orgs/{org_id}/pipelines/{id}/deletion-impact — what a delete removes, what stays.
import { v1Dialect } from "@/lib/api/console/dialect";
import { deletionImpactBody } from "@/lib/api/console/format-org";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { deletionImpact } from "@/lib/domain/deletion-impact";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) => {
  const impact = await deletionImpact(db, principal, uuidParam(params.id));
  return Response.json(deletionImpactBody(impact));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
