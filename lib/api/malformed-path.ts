// Answers the proxy gives before any route runs, in the dialect of the surface the path belongs
// to. The bodies are written out (not built by the dialects) to keep zod and the domain out of
// the proxy.
import { MAX_BODY_BYTES, TOO_LARGE } from "./body-limits";

type EarlyAnswer = { status: 400 | 413; body: Record<string, unknown> } | null;

const MALFORMED = "Malformed percent-encoding in the request path.";

/**
 * A path whose percent-encoding does not decode ("%ZZ", or "%D8%00", which is not UTF-8) names
 * nothing. Next.js fails on it before any route handler runs and answers a bare 500: a 400 here.
 */
export function malformedPathBody(pathname: string): EarlyAnswer {
  try {
    decodeURIComponent(pathname);
    return null;
  } catch {
    // not decodable: answered below
  }
  return inDialect(pathname, 400, { v1: "parse_error", maestro: "ValidationError", storage: "InvalidRequest" }, MALFORMED, {});
}

/**
 * A body declared larger than MAX_BODY_BYTES. Behind the proxy Next.js buffers a body and cuts
 * it at its limit without telling the route (which then read "Unterminated string"), so the
 * declared size is refused here, before that; a chunked body is counted by the route's reader.
 */
export function oversizedBody(pathname: string, contentLength: string | null): EarlyAnswer {
  const declared = Number(contentLength ?? "");
  if (!contentLength || !Number.isFinite(declared) || declared <= MAX_BODY_BYTES) return null;
  return inDialect(pathname, 413, { v1: "request_too_large", maestro: "RequestTooLarge", storage: "RequestTooLarge" }, TOO_LARGE, {
    limit_bytes: MAX_BODY_BYTES,
  });
}

function inDialect(
  pathname: string,
  status: 400 | 413,
  codes: { v1: string; maestro: string; storage: string },
  detail: string,
  details: Record<string, unknown>,
): EarlyAnswer {
  if (pathname.startsWith("/platform")) return { status, body: { status: false, error: codes.maestro, detail } };
  if (pathname.startsWith("/v0/")) return { status, body: { message: detail, error_code: codes.storage, details } };
  if (pathname.startsWith("/resources")) return { status, body: { detail } };
  if (pathname.startsWith("/api/") || pathname.startsWith("/deployment/")) {
    return { status, body: { type: "client_error", errors: [{ code: codes.v1, detail, attr: null }] } };
  }
  return null; // a page: Next.js's own answer
}
