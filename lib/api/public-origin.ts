// Where the console is, as seen from outside: the one source of every absolute URL the app hands
// out (list links, the Postman collection, redirects). Behind a proxy the URL Next.js gives a
// route handler says localhost:PORT, which is no use to a script following `next`.
import { env } from "@/lib/env";
import { forwardedHost, forwardedProto, validHost } from "@/lib/security/forwarded";

/**
 * The origin a request was addressed to: the trusted proxy's X-Forwarded-Host/-Proto when
 * `trustProxy` ≥ 1, else the request's own Host over http (this server speaks plain HTTP), else
 * the host of its URL. Pure: the configuration comes in as arguments.
 */
export function requestOrigin(req: Pick<Request, "headers" | "url">, trustProxy: number): string {
  const own = new URL(req.url);
  const host = forwardedHost(req.headers.get("x-forwarded-host"), trustProxy) ?? validHost(req.headers.get("host")) ?? own.host;
  // Not the URL's scheme: Next.js derives it from X-Forwarded-Proto whoever sent it.
  const proto = forwardedProto(req.headers.get("x-forwarded-proto"), trustProxy) ?? "http";
  return `${proto}://${host}`;
}

/** PUBLIC_URL when set, else the origin this request was addressed to. */
export function publicOrigin(req: Pick<Request, "headers" | "url">): string {
  const { PUBLIC_URL, TRUST_PROXY } = env();
  return PUBLIC_URL ?? requestOrigin(req, TRUST_PROXY);
}

/** `path` (with its query) on the public origin. */
export function publicUrl(req: Pick<Request, "headers" | "url">, path: string): URL {
  return new URL(path, `${publicOrigin(req)}/`);
}
