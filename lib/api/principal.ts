// One way in for every handler: a bearer token or the session cookie resolves to the same
// Principal (user, org, role). The org is the token's own, or the one the path names.
import type { NextRequest } from "next/server";
import { getToken } from "next-auth/jwt";
import { sessionCookieName } from "@/lib/auth/cookies";
import { servedOverHttps } from "@/lib/security/https";
import type { Queryable } from "@/db/client";
import { authSecret } from "@/lib/auth/secret";
import { DomainError, notFound } from "@/lib/domain/errors";
import { roleIn } from "@/lib/domain/members";
import type { Principal } from "@/lib/domain/principal";
import { admitTokenGrant, findTokenGrant, TOKEN_PREFIX } from "@/lib/domain/tokens";
import { hashSecret } from "@/lib/domain/secrets";
import { rememberedGrant, rememberedRole } from "./principal-cache";
import { isMutation, isSameOrigin } from "@/lib/security/same-origin";

export const unauthenticated = (message = "Authentication credentials were not provided.") =>
  new DomainError("unauthenticated", message);

export const crossSiteRefused = () =>
  new DomainError("forbidden", "Cross-site request refused: a change made with the session cookie must come from this site's own pages.");

export function bearerOf(req: Request): string | null {
  const header = req.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

/**
 * The principal of this request in `orgId` (or in the session's current org when no org is
 * named). Throws unauthenticated (401) without a valid credential, and not_found (404) when
 * the principal is not a member of the org named, so an org's existence is not confirmed.
 * A cookie-authenticated change from another origin is forbidden (403).
 */
export async function resolvePrincipal(db: Queryable, req: NextRequest, orgId?: string): Promise<Principal> {
  const bearer = bearerOf(req);
  if (bearer !== null) {
    const grant = bearer.startsWith(TOKEN_PREFIX) ? await rememberedGrant(hashSecret(bearer), () => findTokenGrant(db, bearer)) : null;
    if (!grant) throw unauthenticated("Invalid token.");
    const principal = await admitTokenGrant(db, grant);
    if (orgId !== undefined && principal.orgId !== orgId) throw notFound();
    return principal;
  }
  const secure = servedOverHttps(req);
  const session = await getToken({ req, secret: authSecret(), secureCookie: secure, cookieName: sessionCookieName(secure) });
  if (!session?.uid || !session.email) throw unauthenticated();
  // The cookie rides along with requests other sites make the browser send: a change must
  // come from our own origin (see lib/security/same-origin.ts). Bearer calls skip this.
  if (isMutation(req) && !isSameOrigin(req)) throw crossSiteRefused();
  const org = orgId ?? session.orgId;
  if (!org) throw unauthenticated();
  const uid = session.uid;
  const role = await rememberedRole(org, uid, () => roleIn(db, org, uid));
  if (!role) {
    if (orgId === undefined) throw unauthenticated("Your membership of this organization has ended.");
    throw notFound();
  }
  return { userId: session.uid, email: session.email, orgId: org, role, via: "session" };
}
