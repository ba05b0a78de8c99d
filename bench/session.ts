// A signed-in browser's session without a browser: Auth.js's (next-auth v4) CSRF token, then
// the credentials callback, as components/auth/auth-client.ts does; the session cookie it sets
// is what a browser sends with every console page.
import { BASE } from "./server";

/** "name=value" of every Set-Cookie of the answer (attributes dropped). */
const cookiesOf = (res: Response) => res.headers.getSetCookie().map((c) => c.split(";")[0] ?? "");

/** Signs in with email and password; answers the Cookie header of the session. */
export async function signIn(email: string, password: string): Promise<string> {
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ csrfToken, email, password, json: "true", callbackUrl: "/" }),
  });
  await res.arrayBuffer();
  // A large session may come in chunks (…session-token.0, .1): all of them are the session.
  const session = cookiesOf(res).filter((c) => c.startsWith("next-auth.session-token"));
  if (session.length === 0) throw new Error(`sign-in of ${email}: ${res.status}, no session cookie`);
  return session.join("; ");
}
