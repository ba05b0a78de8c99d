// The HTTP server of `npm start`: Node's own server around Next.js's request handler, instead of
// `next start`, because route handlers never see the socket. Here, before Next.js sees a request,
// we know who connected: the client's address is worked out (the socket's peer, or what the
// trusted proxies say, TRUST_PROXY) and stamped into a header of ours, and X-Forwarded-* headers
// nobody trusted are removed (lib/security/client-address.ts).
import http from "node:http";
import { beginForeground } from "../db/foreground";
import type { Env } from "../lib/env";
import { markClientHeaderStamped, stampClientHeaders } from "../lib/security/client-address";
import { countAbortedRequests } from "./aborted-requests";

// Idle connections are kept 65 s, not Node's 5 s: a pooling client or proxy (Playwright's request
// context, haproxy, an ALB's 60 s) that reuses a connection the server has just closed gets
// ECONNRESET, so the server must be the last to give up on an idle connection. The headers of a
// request on a kept connection must be allowed at least as long, or Node cuts it first.
const KEEP_ALIVE_MS = 65_000;
const HEADERS_TIMEOUT_MS = KEEP_ALIVE_MS + 1_000;
// boot() (lib/boot.ts) stops the worker, closes the database and exits on SIGINT/SIGTERM; this is
// the last resort should that hang.
const SHUTDOWN_GRACE_MS = 30_000;

type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => Promise<void>;

function failed(res: http.ServerResponse, error: unknown): void {
  console.error("[sluice] request failed:", error);
  if (res.headersSent) res.destroy();
  else {
    res.statusCode = 500;
    res.end("Internal Server Error");
  }
}

/** Serves the built app on config.PORT; resolves once it listens (Next.js still preparing). */
export async function serve(config: Env, dir: string): Promise<http.Server> {
  // What `next start` sets: a production server, no telemetry, and next-auth taking its origin
  // from X-Forwarded-Host/-Proto, which the stamp below has reduced to what may be believed.
  Reflect.set(process.env, "NODE_ENV", "production");
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.AUTH_TRUST_HOST ??= "true";
  countAbortedRequests(); // before Next.js loads and patches the console
  const { default: next } = await import("next");

  const server = http.createServer();
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = HEADERS_TIMEOUT_MS;

  // Listening first, as `next start` does: a port in use is refused before the database is opened.
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.PORT, () => {
      server.off("error", reject);
      resolve();
    });
  });

  const app = next({ dev: false, dir, hostname: "localhost", port: config.PORT, httpServer: server });
  markClientHeaderStamped();
  const handle: Promise<Handler> = app.prepare().then(() => app.getRequestHandler());
  handle.catch((error: unknown) => {
    console.error("[sluice] cannot start:", error);
    process.exit(1);
  });
  // Registered in the same turn as listen() resolved, before any connection can be read.
  server.on("request", (req: http.IncomingMessage, res: http.ServerResponse) => {
    stampClientHeaders(req.headers, req.socket.remoteAddress, config.TRUST_PROXY);
    // While it is served, the worker's statements on the embedded database wait (db/foreground.ts).
    // Not an event stream: it stays open for as long as a console is.
    if (!req.headers.accept?.includes("text/event-stream")) res.once("close", beginForeground());
    // Requests that arrive while Next.js prepares wait for it, as under `next start`.
    handle.then((h) => h(req, res)).catch((error: unknown) => failed(res, error));
  });

  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.once(signal, () => {
      server.close(); // no new connections; idle kept-alive ones are closed now
      // Before boot() has registered its own handler there is nothing to close: stop now.
      if (process.listenerCount(signal) === 0) process.exit(0);
      setTimeout(() => process.exit(0), SHUTDOWN_GRACE_MS).unref();
    });
  }
  return server;
}
