// POST, GET, DELETE /api/v1/orgs/{org_id}/pipelines/{id}/decommission — delete a pipeline on
// the server, step by step (typed name first), see where it stands, cancel it before the delete.
import { parseJsonBody } from "@/lib/api/body";
import { decommissionBody } from "@/lib/api/console/format-decommission";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { decommissionRequest } from "@/lib/api/console/schemas-decommission";
import { reasonBody } from "@/lib/api/common-schemas";
import { cancelDecommission, getDecommission, startDecommission } from "@/lib/domain/decommission";
import { otherMethods } from "@/lib/api/methods";

type Params = { org_id: string; id: string };

export const POST = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const body = await parseJsonBody(req, decommissionRequest);
  const plan = await startDecommission(db, principal, id, { confirmName: body.confirm_name, reason: body.reason });
  return Response.json(decommissionBody(plan), { status: 202 });
});

export const GET = orgRoute<Params>(v1Dialect, async ({ db, principal, params }) =>
  Response.json(decommissionBody(await getDecommission(db, principal, uuidParam(params.id)))),
);

export const DELETE = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const { reason } = await parseJsonBody(req, reasonBody);
  return Response.json(decommissionBody(await cancelDecommission(db, principal, id, reason)));
});

export const { PUT, PATCH } = otherMethods(v1Dialect, ["GET", "POST", "DELETE"]);
