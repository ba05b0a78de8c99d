// next-auth (v4) builds its redirects from NEXTAUTH_URL when set, else from the request's
// X-Forwarded-Host/-Proto (AUTH_TRUST_HOST), which npm start's server has already reduced to what
// TRUST_PROXY believes. With PUBLIC_URL set, next-auth must use it too; it is set once at boot.
// (Cookie names do not depend on it: authOptions(secure) decides them per request.)
export function applyPublicUrlToAuth(publicUrl: string | undefined): void {
  if (publicUrl) process.env.NEXTAUTH_URL = publicUrl;
}
