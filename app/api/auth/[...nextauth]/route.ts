import NextAuth from "next-auth";
import type { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { publicUrl } from "@/lib/api/public-origin";
import { clientAddress } from "@/lib/security/client-address";
import { servedOverHttps } from "@/lib/security/https";
import { loginLimiter, type Outcome } from "@/lib/security/rate-limit";
import { v1Dialect } from "@/lib/api/console/dialect";
import { otherMethods } from "@/lib/api/methods";
import { checkAuthBody } from "@/lib/auth/auth-body";

type Context = { params: Promise<{ nextauth: string[] }> };

// Built per request so the secret is read at run time, never at build time.
async function handler(req: NextRequest, context: Context) {
  return NextAuth(req, context, authOptions(servedOverHttps(req)));
}

/**
 * The credentials sign-in, rate-limited: next-auth gives its authorize callback no way to set a
 * status or header, so the limit is checked here, before next-auth sees the request, and the
 * outcome is read from next-auth's answer (a session cookie, or a redirect carrying an error).
 */
async function post(req: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  const action = nextauth.join("/");
  try {
    await checkAuthBody(req, action);
  } catch (error) {
    return v1Dialect.errorResponse(error);
  }
  if (action !== "callback/credentials") return handler(req, context);
  const form = await signInForm(req.clone());
  const email = form.get("email") ?? "";
  const ip = clientAddress(req);
  const limiter = await loginLimiter();
  const verdict = await limiter.begin(ip, email);
  if (!verdict.allowed) {
    // Auth.js's own shape for a refused sign-in ({url} with an error), so a client reading
    // next-auth's answers (ours: components/auth/auth-client.ts) sees the 429 in the status.
    const url = publicUrl(req, "/login?error=TooManyAttempts").toString();
    return Response.json({ url }, { status: 429, headers: { "Retry-After": String(verdict.retryAfterSeconds) } });
  }
  let outcome: Outcome = "notChecked";
  try {
    const res = await handler(req, context);
    outcome = await outcomeOf(res);
    return res;
  } finally {
    await limiter.settle(ip, email, outcome);
  }
}

async function signInForm(req: Request): Promise<URLSearchParams> {
  const type = req.headers.get("content-type") ?? "";
  try {
    if (type.includes("application/json")) {
      const body: unknown = await req.json();
      const email = body && typeof body === "object" && "email" in body ? body.email : undefined;
      return new URLSearchParams(typeof email === "string" ? { email } : {});
    }
    return new URLSearchParams(await req.text());
  } catch {
    return new URLSearchParams();
  }
}

/**
 * What next-auth did with the credentials: a session cookie is a success; a redirect (Location,
 * or {url} with json=true) naming CredentialsSignin is a wrong email or password. Anything else
 * (a missing CSRF token, say) never reached the password check and is not counted.
 */
async function outcomeOf(res: Response): Promise<Outcome> {
  if (/(^|[\s,])(__Host-)?next-auth\.session-token=[^;]/.test(res.headers.get("set-cookie") ?? "")) return "signedIn";
  let target = res.headers.get("location") ?? "";
  if (!target && res.headers.get("content-type")?.includes("application/json")) {
    const body: unknown = await res.clone().json().catch(() => null);
    if (body && typeof body === "object" && "url" in body && typeof body.url === "string") target = body.url;
  }
  return /[?&]error=CredentialsSignin\b/.test(target) ? "failed" : "notChecked";
}

export { handler as GET, post as POST };

export const { PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET", "POST"]);
