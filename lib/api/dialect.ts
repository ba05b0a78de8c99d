// A dialect turns any error a handler meets into that surface's documented error body.
export interface Dialect {
  errorResponse(error: unknown): Response;
}

/** Unexpected errors are logged here (message and stack, never request bodies) and not sent. */
export function logServerError(error: unknown): void {
  console.error("[sluice] unexpected error:", error instanceof Error ? (error.stack ?? error.message) : error);
}
