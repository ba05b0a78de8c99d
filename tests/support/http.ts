// Calls our route handlers with real Request objects, as Next.js does, and reads the answer.
import { NextRequest } from "next/server";
import { encode } from "next-auth/jwt";
import { authSecret } from "@/lib/auth/secret";

// Bivariant on params, as Next.js itself calls every handler with the params of its path.
export type Handler = { bivarianceHack(req: NextRequest, context: { params?: Promise<Record<string, string>> }): Promise<Response> }["bivarianceHack"];

export interface CallOptions {
  method?: string;
  path?: string;
  params?: Record<string, string>;
  /** JSON-encoded unless `raw` is given. */
  body?: unknown;
  raw?: string;
  contentType?: string;
  token?: string;
  cookie?: string;
  /** The Origin header a cookie call carries: ours by default, none with null. */
  origin?: string | null;
  headers?: Record<string, string>;
}

export interface Answer {
  status: number;
  body: unknown;
  headers: Headers;
}

export const ORIGIN = "http://localhost:3000";

export async function call(handler: Handler, options: CallOptions = {}): Promise<Answer> {
  const headers = new Headers(options.headers);
  if (options.token !== undefined) headers.set("authorization", `Bearer ${options.token}`);
  if (options.cookie) {
    headers.set("cookie", options.cookie);
    // A browser sends its page's Origin with every fetch that changes something; cookie calls
    // are the console's, so they come from our own origin unless a test says otherwise.
    const origin = options.origin === undefined ? ORIGIN : options.origin;
    if (origin !== null && !headers.has("origin")) headers.set("origin", origin);
  }
  let body: string | undefined = options.raw;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers.set("content-type", options.contentType ?? "application/json");
  const req = new NextRequest(new URL(options.path ?? "/", ORIGIN), {
    method: options.method ?? "GET",
    headers,
    body,
  });
  const res = await handler(req, { params: Promise.resolve(options.params ?? {}) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null, headers: res.headers };
}

/** The session cookie next-auth would set after this user signed in with this current org. */
export async function sessionCookie(user: { userId: string; email: string; orgId: string }): Promise<string> {
  const jwt = await encode({
    token: { uid: user.userId, email: user.email, orgId: user.orgId, sub: user.userId },
    secret: authSecret(),
  });
  return `next-auth.session-token=${jwt}`;
}
