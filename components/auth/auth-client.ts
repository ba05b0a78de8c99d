// The console's side of Auth.js (next-auth v4) without next-auth/react: three POSTs to the
// routes next-auth serves, each with its CSRF token. next-auth/react's client was 12 kB gzip of
// every page's first-load JS (regenerator runtime, a session broadcast channel, polling) for
// what the console uses of it: sign in, sign out, and switching the session's org (issue 16, row g).
const AUTH = "/api/auth";

async function csrfToken(): Promise<string> {
  const res = await fetch(`${AUTH}/csrf`, { cache: "no-store" });
  const body = (await res.json()) as { csrfToken?: string };
  return body.csrfToken ?? "";
}

/** next-auth answers a form sent with json=true with {url}; an error rides in its query. */
async function postForm(action: string, fields: Record<string, string>): Promise<{ status: number; url: string | null }> {
  const body = new URLSearchParams({ ...fields, csrfToken: await csrfToken(), json: "true" });
  const res = await fetch(`${AUTH}/${action}`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded" },
    body,
  });
  const answer = (await res.json().catch(() => null)) as { url?: unknown } | null;
  return { status: res.status, url: typeof answer?.url === "string" ? answer.url : null };
}

export interface SignInResult {
  ok: boolean;
  /** 429 when the sign-in limit was reached. */
  status: number;
}

/** Signs in with email and password; the session cookie is set on success. */
export async function signInWithPassword(email: string, password: string): Promise<SignInResult> {
  const { status, url } = await postForm("callback/credentials", { email, password, callbackUrl: window.location.href });
  const error = url ? new URL(url, window.location.origin).searchParams.get("error") : "missing answer";
  return { ok: status >= 200 && status < 300 && !error, status };
}

/** Ends the session and goes to `callbackUrl` (a full load: nothing of the session stays in memory). */
export async function signOutTo(callbackUrl: string): Promise<void> {
  const { url } = await postForm("signout", { callbackUrl });
  window.location.href = url ?? callbackUrl;
}

/** Asks for a change to the session (the jwt callback decides); answers the session as it now is. */
export async function updateSession<T extends object>(data: T): Promise<(T & Record<string, unknown>) | null> {
  const res = await fetch(`${AUTH}/session`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ csrfToken: await csrfToken(), data }),
  });
  if (!res.ok) return null;
  const session = (await res.json().catch(() => null)) as (T & Record<string, unknown>) | null;
  return session && Object.keys(session).length > 0 ? session : null;
}
