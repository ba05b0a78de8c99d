// POST /api/auth/token {email, password, org} → a personal token for scripts (shown once).
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/dialects/v1";
import { unauthenticated } from "@/lib/api/principal";
import { publicRoute } from "@/lib/api/route";
import { expiryFrom, issueTokenRequest } from "@/lib/api/schemas/auth";
import { roleIn } from "@/lib/domain/members";
import { createOwnToken } from "@/lib/domain/tokens";
import { verifyCredentials } from "@/lib/domain/users";

export const POST = publicRoute(v1Dialect, async ({ req, db }) => {
  const body = await parseJsonBody(req, issueTokenRequest);
  const user = await verifyCredentials(db, body.email, body.password);
  const role = user ? await roleIn(db, body.org, user.id) : null;
  // One answer for a wrong password, an unknown email and an org the user is not in.
  if (!user || !role) throw unauthenticated("Invalid email, password or organization.");
  const actor = { userId: user.id, email: user.email, orgId: body.org, role, via: "session" as const };
  const issued = await createOwnToken(db, actor, { name: body.name, expiresAt: expiryFrom(body.expires_in_days) });
  return Response.json({ ...issued, org: body.org }, { status: 201 });
});
