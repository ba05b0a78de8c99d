// Cross-site request forgery: a browser attaches the session cookie to a request another site
// makes it send. Such a request carries that other site's Origin (or none, or "null"), so a
// cookie-authenticated change is accepted only when its Origin (else its Referer) names this
// very host. Bearer tokens are never sent by a browser on its own, so they need no such check.

import { publicOrigin } from "@/lib/api/public-origin";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

export const isMutation = (req: Request) => !SAFE_METHODS.has(req.method.toUpperCase());

/**
 * The hosts this request was addressed to: Host, X-Forwarded-Host (first), the URL's own, and the
 * public origin's (PUBLIC_URL, where a browser's pages come from even when a proxy rewrites Host).
 * npm start's server has already removed X-Forwarded-Host unless TRUST_PROXY trusts its sender.
 */
function ownHosts(req: Request): Set<string> {
  const hosts = new Set<string>();
  const add = (value: string | null | undefined) => {
    const host = value?.split(",")[0]?.trim().toLowerCase();
    if (host) hosts.add(host);
  };
  add(req.headers.get("host"));
  add(req.headers.get("x-forwarded-host"));
  add(new URL(req.url).host);
  add(new URL(publicOrigin(req)).host);
  return hosts;
}

function hostOf(value: string): string | null {
  try {
    const url = new URL(value);
    return url.protocol === "http:" || url.protocol === "https:" ? url.host.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * Whether the request says it comes from a page of this host. Origin wins when present: a
 * foreign one, or "null" (sandboxed frames, some redirects), is refused without looking further.
 * Without Origin (older browsers on same-origin requests), Referer decides; without either, no.
 */
export function isSameOrigin(req: Request): boolean {
  const origin = req.headers.get("origin");
  const source = origin ?? req.headers.get("referer");
  if (!source) return false;
  const host = hostOf(source);
  return host !== null && ownHosts(req).has(host);
}
