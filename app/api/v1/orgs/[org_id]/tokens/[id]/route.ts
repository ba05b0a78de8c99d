import { v1Dialect } from "@/lib/api/dialects/v1";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/schemas/common";
import { revokeOwnToken } from "@/lib/domain/tokens";

export const DELETE = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) => {
  await revokeOwnToken(db, principal, uuidParam(params.id));
  return new Response(null, { status: 204 });
});
