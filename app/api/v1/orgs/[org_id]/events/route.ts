// GET /api/v1/orgs/{org_id}/events — Server-Sent Events of committed changes the caller may see.
import { v1Dialect } from "@/lib/api/dialects/v1";
import { subscribe, type StampedEvent } from "@/lib/api/events-hub";
import { orgRoute } from "@/lib/api/route";
import { eventVisibility } from "@/lib/domain/event-visibility";

export const dynamic = "force-dynamic";

const HEARTBEAT_MS = 15_000;

export const GET = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const maySee = eventVisibility(db, principal);
  const encoder = new TextEncoder();
  let close = () => {};

  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      let open = true;
      let sent = 0;
      const write = (text: string) => {
        if (!open) return;
        try {
          controller.enqueue(encoder.encode(text));
        } catch {
          close();
        }
      };
      // Events are checked one at a time, in order, so a slow visibility check never reorders them.
      let queue = Promise.resolve();
      const unsubscribe = await subscribe((event: StampedEvent) => {
        queue = queue
          .then(async () => {
            if (open && (await maySee(event))) write(`id: ${++sent}\nevent: ${event.kind}\ndata: ${JSON.stringify(event)}\n\n`);
          })
          .catch(() => {});
      });
      const heartbeat = setInterval(() => write(": ping\n\n"), HEARTBEAT_MS);
      close = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      req.signal.addEventListener("abort", close);
      write(`retry: 3000\n: connected to ${principal.orgId}\n\n`);
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
