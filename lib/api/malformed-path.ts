// A path whose percent-encoding does not decode ("%ZZ", or "%D8%00", which is not UTF-8) names
// nothing. Next.js fails on it before any route handler runs and answers a bare 500; the proxy
// answers it here instead: a 400 in the dialect of the surface the path belongs to. The bodies
// are written out (not built by the dialects) to keep zod and the domain out of the proxy.
const DETAIL = "Malformed percent-encoding in the request path.";

export function malformedPathBody(pathname: string): { status: 400; body: Record<string, unknown> } | null {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    // not decodable: answered below
  }
  if (pathname.startsWith("/platform")) return { status: 400, body: { status: false, error: "ValidationError", detail: DETAIL } };
  if (pathname.startsWith("/v0/")) return { status: 400, body: { message: DETAIL, error_code: "InvalidRequest", details: {} } };
  if (pathname.startsWith("/resources")) return { status: 400, body: { detail: DETAIL } };
  if (pathname.startsWith("/api/") || pathname.startsWith("/deployment/")) {
    return { status: 400, body: { type: "client_error", errors: [{ code: "parse_error", detail: DETAIL, attr: null }] } };
  }
  return null; // a page: Next.js's own answer
}
