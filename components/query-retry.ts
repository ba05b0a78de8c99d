// How the console's queries retry, beside the keys they use (query-keys.ts).
import { ApiError } from "@/components/api-client";

/** A missing pipeline stays missing: asking again only delays saying so. */
export function retryUnlessMissing(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return false;
  return failures < 1;
}
