import { v1Dialect } from "@/lib/api/dialects/v1";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/schemas/common";
import { removeMember } from "@/lib/domain/members";

export const DELETE = orgRoute<{ org_id: string; user_id: string }>(v1Dialect, async ({ db, principal, params }) => {
  await removeMember(db, principal, uuidParam(params.user_id));
  return new Response(null, { status: 204 });
});
