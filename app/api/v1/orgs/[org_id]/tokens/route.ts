// The caller's own personal tokens in this org.
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { createTokenRequest, expiryFrom } from "@/lib/api/console/schemas-account";
import { createOwnToken, listOwnTokens } from "@/lib/domain/tokens";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute(v1Dialect, async ({ db, principal }) =>
  Response.json({ results: await listOwnTokens(db, principal) }),
);

export const POST = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const body = await parseJsonBody(req, createTokenRequest);
  const issued = await createOwnToken(db, principal, { name: body.name, expiresAt: expiryFrom(body.expires_in_days) });
  return Response.json(issued, { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET", "POST"]);
