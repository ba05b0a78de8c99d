/**
 * What went wrong, in the words of the innermost cause: drizzle wraps the database's own error in
 * "Failed query: <the SQL> params: <every value>", which says what ran but not why it failed.
 */
export function rootMessage(error: unknown): string {
  let message = error instanceof Error ? error.message : String(error);
  let cause = error instanceof Error ? error.cause : undefined;
  for (let depth = 0; depth < 4 && cause instanceof Error; depth++) {
    message = cause.message;
    cause = cause.cause;
  }
  return message;
}
