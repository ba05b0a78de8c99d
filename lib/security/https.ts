// Whether a request reached us over HTTPS, as far as the configuration lets us know: PUBLIC_URL is
// https, or a trusted proxy said so (X-Forwarded-Proto; npm start's server has already dropped
// the header unless TRUST_PROXY believes it). This server itself only speaks plain HTTP.
import { publicOrigin } from "@/lib/api/public-origin";

export function servedOverHttps(req: Pick<Request, "headers" | "url">): boolean {
  return publicOrigin(req).startsWith("https:");
}

/** Headers only (a server component's `headers()`): the URL adds nothing the headers do not say. */
export function headersSayHttps(headers: Headers): boolean {
  return servedOverHttps({ headers, url: "http://localhost/" });
}

// One year, this host only: a console on pipelines.example.com has no say over its siblings.
export const HSTS = "max-age=31536000";
