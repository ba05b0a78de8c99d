// POST /api/auth/token {email, password, org} → a personal token for scripts (shown once).
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect, v1Error } from "@/lib/api/console/dialect";
import { unauthenticated } from "@/lib/api/principal";
import { publicRoute } from "@/lib/api/route";
import { issueTokenRequest } from "@/lib/api/console/schemas-account";
import { roleIn } from "@/lib/domain/members";
import { createOwnToken, signInTokenExpiry } from "@/lib/domain/tokens";
import { verifyCredentials } from "@/lib/domain/users";
import { clientAddress } from "@/lib/security/client-address";
import { loginLimiter } from "@/lib/security/rate-limit";
import { otherMethods } from "@/lib/api/methods";

export const POST = publicRoute(v1Dialect, async ({ req, db }) => {
  const body = await parseJsonBody(req, issueTokenRequest);
  const ip = clientAddress(req);
  const limiter = loginLimiter();
  // Checked before the password, so a client over its limit learns nothing from more guesses.
  const verdict = limiter.check(ip, body.email);
  if (!verdict.allowed) return throttled(verdict.retryAfterSeconds);
  const user = await verifyCredentials(db, body.email, body.password);
  const role = user ? await roleIn(db, body.org, user.id) : null;
  // One answer for a wrong password, an unknown email and an org the user is not in.
  if (!user || !role) {
    limiter.recordFailure(ip, body.email);
    throw unauthenticated("Invalid email, password or organization.");
  }
  limiter.recordSuccess(ip, body.email);
  const actor = { userId: user.id, email: user.email, orgId: body.org, role, via: "session" as const };
  const issued = await createOwnToken(db, actor, { name: body.name, expiresAt: signInTokenExpiry(body.expires_in_days) });
  return Response.json({ ...issued, org: body.org }, { status: 201 });
});

/** DRF's answer to a throttled request, with the wait in Retry-After as well. */
function throttled(seconds: number): Response {
  const res = v1Error(429, "client_error", [
    { code: "throttled", detail: `Too many failed sign-in attempts. Expected available in ${seconds} seconds.`, attr: null },
  ]);
  res.headers.set("Retry-After", String(seconds));
  return res;
}

export const { GET, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["POST"]);
