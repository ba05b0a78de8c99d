// Runs before every request (Next.js 16's proxy, formerly middleware): gives each response our
// security headers, and each page a fresh CSP nonce that Next.js stamps on its inline scripts.
import { NextResponse, type NextRequest } from "next/server";
import { malformedPathBody, oversizedBody } from "@/lib/api/malformed-path";
import { contentSecurityPolicy, newNonce, SECURITY_HEADERS } from "@/lib/security/headers";
import { HSTS, servedOverHttps } from "@/lib/security/https";

export function proxy(request: NextRequest) {
  // A bad percent-encoding would otherwise be a bare 500 from Next.js (found by the fuzzer).
  // A body declared over the limit is refused before Next.js buffers (and silently cuts) it.
  const early =
    malformedPathBody(request.nextUrl.pathname) ?? oversizedBody(request.nextUrl.pathname, request.headers.get("content-length"));
  if (early) {
    const answer = NextResponse.json(early.body, { status: early.status });
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) answer.headers.set(name, value);
    if (servedOverHttps(request)) answer.headers.set("Strict-Transport-Security", HSTS);
    return answer;
  }
  const csp = contentSecurityPolicy(newNonce(), process.env.NODE_ENV === "development");
  // Next.js reads the nonce from the request's CSP header while rendering the page.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", csp);
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) response.headers.set(name, value);
  // Only over HTTPS: browsers ignore it over HTTP anyway, and a laptop's http://localhost must not
  // be told to insist on HTTPS.
  if (servedOverHttps(request)) response.headers.set("Strict-Transport-Security", HSTS);
  return response;
}
