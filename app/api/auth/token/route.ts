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
  const limiter = await loginLimiter();
  // Counted before the password is checked, so a client over its limit learns nothing from more guesses.
  const verdict = await limiter.begin(ip, body.email);
  if (!verdict.allowed) return throttled(verdict.retryAfterSeconds);
  let user: Awaited<ReturnType<typeof verifyCredentials>> = null;
  let role: Awaited<ReturnType<typeof roleIn>> = null;
  try {
    user = await verifyCredentials(db, body.email, body.password);
    role = user ? await roleIn(db, body.org, user.id) : null;
  } catch (error) {
    await limiter.settle(ip, body.email, "notChecked");
    throw error;
  }
  // One answer for a wrong password, an unknown email and an org the user is not in.
  if (!user || !role) throw unauthenticated("Invalid email, password or organization.");
  await limiter.settle(ip, body.email, "signedIn");
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
