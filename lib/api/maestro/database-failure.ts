// Telling a database failure from any other unexpected error: Maestro documents its own body
// for the first ("Unable to complete transaction due to database error").
import { DrizzleQueryError } from "drizzle-orm";

const SQLSTATE = /^[0-9A-Z]{5}$/;
// The database not answering at all (down, restarting, unreachable) is a database failure too:
// postgres.js's own connection codes, and the socket errors it passes on unwrapped.
const CONNECTION_CODES = new Set([
  "CONNECTION_CLOSED",
  "CONNECTION_DESTROYED",
  "CONNECTION_ENDED",
  "CONNECT_TIMEOUT",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
]);

export function isDatabaseFailure(error: unknown): boolean {
  let current: unknown = error;
  // drizzle wraps the driver's error (postgres.js or PGlite) in `cause`; a few levels suffice.
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (current instanceof DrizzleQueryError) return true;
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && (SQLSTATE.test(code) || CONNECTION_CODES.has(code))) return true;
    current = current.cause;
  }
  return false;
}
