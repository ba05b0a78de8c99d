// GET /api/v1/orgs/{org_id}/events — Server-Sent Events of committed changes the caller may see.
import { v1Dialect } from "@/lib/api/console/dialect";
import { eventJson, subscribe, type StampedEvent } from "@/lib/api/events-hub";
import { orgRoute } from "@/lib/api/route";
import { eventVisibility } from "@/lib/domain/event-visibility";
import type { ChangeEvent } from "@/lib/domain/events";
import { otherMethods } from "@/lib/api/methods";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export const GET = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const maySee = eventVisibility(db, principal);
  // This stream was authorised for the caller's membership as it was: once that ends or its role
  // changes, nothing more is sent under it. The browser reconnects and is authorised afresh (a
  // removed member is then refused).
  const endsAuthorisation = (event: ChangeEvent) =>
    event.kind === "member" && event.org_id === principal.orgId && event.user_id === principal.userId && event.change !== "added";
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | null = null;
  // What was written before the stream took its controller (nothing but events heard that early).
  const early: string[] = [];
  let open = true;
  let sent = 0;

  const write = (text: string) => {
    if (!open) return;
    if (!controller) {
      early.push(text);
      return;
    }
    try {
      controller.enqueue(encoder.encode(text));
    } catch {
      close();
    }
  };

  // Events are checked one at a time, in order, so a slow visibility check never reorders them.
  let queue = Promise.resolve();
  // Listening before answering: a client that has its 200 hears of every change committed after it.
  const unsubscribe = await subscribe((event: StampedEvent) => {
    queue = queue
      .then(async () => {
        if (open && (await maySee(event))) write(`id: ${++sent}\nevent: ${event.kind}\ndata: ${eventJson(event)}\n\n`);
        if (endsAuthorisation(event)) close();
      })
      .catch(() => {});
  });
  const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);

  function close() {
    if (!open) return;
    open = false;
    clearInterval(heartbeat);
    unsubscribe();
    try {
      controller?.close();
    } catch {
      // already closed by the client
    }
  }
  req.signal.addEventListener("abort", close);

  const stream = new ReadableStream<Uint8Array>({
    start(streamController) {
      controller = streamController;
      write(`retry: 3000\n: connected to ${principal.orgId}\n\n`);
      for (const text of early.splice(0)) write(text);
      if (!open) streamController.close();
    },
    cancel() {
      close();
    },
  });

  return new Response(stream, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      "cache-control": "no-cache, no-transform",
      connection: "keep-alive",
      "x-accel-buffering": "no",
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
