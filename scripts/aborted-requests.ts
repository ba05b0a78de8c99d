// A client that disconnects mid-request (a closed tab, a timed-out script, a load balancer's
// health probe) makes Node fail the request's body stream with "aborted" (ECONNRESET), and
// Next.js prints that error, stack and all, 4 lines per request: a thousand slow clients were
// four thousand lines burying everything else. It is the client's doing and needs no action, so
// such errors are counted instead, with one debug line when the first is seen and at most one
// a minute after that, saying how many.
const SUMMARY_EVERY_MS = 60_000;

let total = 0;
let sinceSummary = 0;
let lastSummaryAt = 0;

/** Node's error for a request whose client went away before its body was read. */
export function isAbortedRequest(value: unknown): boolean {
  return value instanceof Error && value.message === "aborted" && "code" in value && value.code === "ECONNRESET";
}

function count(now = Date.now()): void {
  total++;
  sinceSummary++;
  if (now - lastSummaryAt < SUMMARY_EVERY_MS) return;
  console.debug(`[sluice] debug: ${sinceSummary} request(s) aborted by their client (ECONNRESET), ${total} since start; counted, not logged one by one`);
  sinceSummary = 0;
  lastSummaryAt = now;
}

/**
 * Routes aborted-request errors printed through console.error (by Next.js's request handler) to
 * the count above; every other error is printed as before. Installed before Next.js loads, so
 * whatever console patch Next.js adds wraps this one.
 */
export function countAbortedRequests(): void {
  const print = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    if (args.some(isAbortedRequest)) count();
    else print(...args);
  };
}
