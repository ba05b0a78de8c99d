// Who sent a request. Next.js route handlers never see the socket, so the server in front of
// Next's handler (scripts/serve.ts) works it out per request and stamps it into a header of ours,
// after removing any copy the client sent; everything else reads it through clientAddress().
import { env } from "@/lib/env";
import { clientFrom, forwardedHost, forwardedProto } from "./forwarded";

export const CLIENT_HEADER = "x-sluice-client";

// Set by that server in this very process. Without it (`next dev`, or `next start` run by hand)
// nobody removed a client-sent copy of CLIENT_HEADER, so it must not be believed.
const STAMPING = Symbol.for("sluice.clientHeaderStamped");
type WithStamping = typeof globalThis & { [STAMPING]?: boolean };

export function markClientHeaderStamped(): void {
  (globalThis as WithStamping)[STAMPING] = true;
}

type NodeHeaders = Record<string, string | string[] | undefined>;

/**
 * Rewrites an incoming request's headers (Node's lower-cased object) before Next.js sees them:
 * our client header set to the address chosen by clientFrom(); with no trusted proxy every
 * X-Forwarded-* removed (Next.js then fills them in from the socket and Host, which it would
 * not overwrite); with trusted proxies X-Forwarded-Host/-Proto reduced to the one believed value,
 * so Next.js and next-auth, which read them too, agree with publicOrigin().
 */
export function stampClientHeaders(headers: NodeHeaders, socketAddress: string | undefined, hops: number): string {
  const client = clientFrom(headers["x-forwarded-for"], socketAddress, hops);
  headers[CLIENT_HEADER] = client;
  if (hops < 1) {
    for (const name of ["x-forwarded-for", "x-forwarded-host", "x-forwarded-proto", "x-forwarded-port"]) delete headers[name];
    return client;
  }
  const host = forwardedHost(headers["x-forwarded-host"], hops);
  const proto = forwardedProto(headers["x-forwarded-proto"], hops);
  if (host) headers["x-forwarded-host"] = host;
  else delete headers["x-forwarded-host"];
  if (proto) headers["x-forwarded-proto"] = proto;
  else delete headers["x-forwarded-proto"];
  return client;
}

/**
 * The client's address as the server in front stamped it. Without that server, the same rule on
 * what Next.js passes on: the trusted X-Forwarded-For hop when TRUST_PROXY says there are
 * proxies, else "local" (the socket is out of reach, and a client-sent header is no answer).
 */
export function clientAddress(req: Request): string {
  const stamped = req.headers.get(CLIENT_HEADER);
  if (stamped && (globalThis as WithStamping)[STAMPING]) return stamped;
  const hops = env().TRUST_PROXY;
  return hops > 0 ? clientFrom(req.headers.get("x-forwarded-for"), "local", hops) : "local";
}
