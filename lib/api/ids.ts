// The one rule for an id that names a record (a uuid in a path, or the pipeline a body names):
// the domain's uuid (lib/domain/ids.ts: 8-4-4-4-12 hex digits, either case). Anything else names
// nothing, so it is that surface's "not found" (404), never a validation error.
import { notFound } from "@/lib/domain/errors";
import { isUuid } from "@/lib/domain/ids";

/** The uuid `value` is, or null when it names no record. */
export function uuidOrNull(value: string | undefined): string | null {
  return value !== undefined && isUuid(value) ? value : null;
}

/** A uuid path parameter; anything else throws `missing()` (by default the plain not_found). */
export function uuidParam(value: string | undefined, missing: () => Error = () => notFound()): string {
  const id = uuidOrNull(value);
  if (id === null) throw missing();
  return id;
}
