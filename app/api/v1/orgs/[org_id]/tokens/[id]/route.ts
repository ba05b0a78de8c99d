import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { revokeOwnToken } from "@/lib/domain/tokens";
import { otherMethods } from "@/lib/api/methods";

export const DELETE = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) => {
  await revokeOwnToken(db, principal, uuidParam(params.id));
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = otherMethods(v1Dialect, ["DELETE"]);
