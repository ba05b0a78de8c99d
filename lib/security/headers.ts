// The security headers of every response, pages and API alike (set in proxy.ts).

/**
 * The page's Content-Security-Policy. Scripts: our own files, plus inline scripts carrying this
 * request's nonce — Next.js writes its bootstrap and streamed-data scripts inline and stamps
 * them with the nonce it reads from this header, so no 'unsafe-inline' is needed for scripts.
 * Styles keep 'unsafe-inline': React renders `style` attributes, which a nonce cannot cover.
 * Development adds 'unsafe-eval', which React's dev tooling needs (production never evals).
 */
export function contentSecurityPolicy(nonce: string, dev = false): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  // frame-ancestors says the same to browsers that read CSP; this is for those that do not.
  "X-Frame-Options": "DENY",
  "X-Content-Type-Options": "nosniff",
  "Referrer-Policy": "strict-origin-when-cross-origin",
  // The console uses none of these; a page (or an injected frame) may not ask for them.
  "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=(), usb=()",
};

/** A fresh, unguessable nonce for one response. */
export function newNonce(): string {
  return btoa(crypto.randomUUID());
}
