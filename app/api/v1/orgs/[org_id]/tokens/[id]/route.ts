import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { forgetToken, heardEverywhere } from "@/lib/api/principal-cache";
import { revokeOwnToken } from "@/lib/domain/tokens";
import { otherMethods } from "@/lib/api/methods";

export const DELETE = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) => {
  const tokenId = uuidParam(params.id);
  // Refused from the next request on, on this server and every other (they hear the NOTIFY).
  await heardEverywhere(db, () => revokeOwnToken(db, principal, tokenId), (e) => e.kind === "token" && e.token_id === tokenId);
  forgetToken(tokenId);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT, PATCH } = otherMethods(v1Dialect, ["DELETE"]);
