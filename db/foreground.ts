// Requests before the worker in the web process. PGlite is one connection, run synchronously in
// this process's one thread: while the worker's batch runs, nothing else does, and pages asked
// for during a million-record run and clear waited behind batch after batch (row l: /pipelines
// p95 89 ms idle, 4 s under load). So while a request is being served, the worker waits before
// each run or clear batch (either database) and, on PGlite, before each statement
// (db/client.ts): until no request is in progress, or at most MAX_YIELD_MS, so the worker still
// moves under a steady stream of requests. A worker process of its own never waits.

/** Longest a background statement waits for the requests in progress. */
export const MAX_YIELD_MS = 250;
/**
 * How long the worker still waits after the last request ended: a browser's page load is a
 * series of requests (the page, then its data), and the next of them is usually this close.
 */
export const GRACE_MS = 10;

interface State {
  serving: number;
  /** performance.now() when the last request in progress ended. */
  endedAt: number;
  waiting: Set<() => void>;
}

// On globalThis: the HTTP server (scripts/serve.ts) and the worker may hold different copies of
// this module (Next.js bundles its own).
const slot = Symbol.for("sluice.foreground");
const holder = globalThis as unknown as { [slot]?: State };
const state = (holder[slot] ??= { serving: 0, endedAt: -Infinity, waiting: new Set() });

// (A millisecond's slack: a timer may fire a fraction early by performance.now()'s clock.)
const quiet = () => state.serving === 0 && performance.now() - state.endedAt >= GRACE_MS - 1;

function releaseIfQuiet(): void {
  if (quiet()) for (const go of [...state.waiting]) go();
}

/** A request is being served; call what it returns once when it ends (again is harmless). */
export function beginForeground(): () => void {
  state.serving++;
  let ended = false;
  return () => {
    if (ended) return;
    ended = true;
    state.serving--;
    if (state.serving > 0) return;
    state.endedAt = performance.now();
    setTimeout(releaseIfQuiet, GRACE_MS);
  };
}

/** Resolves when no request has been served for GRACE_MS, or after `maxMs`. */
export function foregroundIdle(maxMs = MAX_YIELD_MS): Promise<void> {
  if (quiet()) return Promise.resolve();
  return new Promise((resolve) => {
    const go = () => {
      clearTimeout(timer);
      state.waiting.delete(go);
      resolve();
    };
    const timer = setTimeout(go, maxMs);
    state.waiting.add(go);
  });
}

/**
 * How long after the last request the console still counts as in use: while it is, a clear
 * deletes in smaller batches (lib/worker/clearer.ts), because a request that comes while a batch
 * runs waits for it (on Postgres too: the batch holds a core and the WAL the request's commit
 * must flush behind it).
 */
export const IN_USE_MS = 1_000;

/** A request is being served, or one ended within IN_USE_MS. */
export const inUse = () => state.serving > 0 || performance.now() - state.endedAt < IN_USE_MS;

/** Requests in progress (for tests and diagnostics). */
export const servingNow = () => state.serving;
