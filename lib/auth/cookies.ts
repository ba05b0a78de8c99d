// The session cookie's name and flags. Over HTTPS it is Secure and __Host- prefixed: the browser
// then never sends it over plain HTTP, and only this exact host (no Domain, Path=/) can set it,
// so a sibling subdomain cannot plant a session. Over plain HTTP (the embedded default on a
// laptop) a Secure cookie would be dropped by the browser, so it is the plain one.
export const SESSION_COOKIE = {
  https: "__Host-next-auth.session-token",
  http: "next-auth.session-token",
} as const;

export function sessionCookieName(secure: boolean): string {
  return secure ? SESSION_COOKIE.https : SESSION_COOKIE.http;
}

export function sessionCookie(secure: boolean) {
  return { name: sessionCookieName(secure), options: { httpOnly: true, sameSite: "lax" as const, path: "/", secure } };
}
