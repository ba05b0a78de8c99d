// A server-sent events client for the bench: every event of the org's stream with the time
// it arrived, so a row can set that against the `at` the server stamped when it made the change.
import { BASE } from "./server";
import { TOKEN } from "./config";
import { now } from "./stats";

export interface Received {
  kind: string;
  data: Record<string, unknown>;
  /** Wall-clock ms (Date.now) when the event's last byte arrived. */
  arrivedAt: number;
}

export interface Stream {
  events: Received[];
  close: () => void;
}

/** Connects as the token's holder and resolves once the server has said "connected". */
export async function openEvents(orgId: string, token = TOKEN, silentMs = 15_000): Promise<Stream> {
  const abort = new AbortController();
  const res = await fetch(`${BASE}/api/v1/orgs/${orgId}/events`, {
    headers: { authorization: `Bearer ${token}`, accept: "text/event-stream" },
    signal: abort.signal,
  });
  if (!res.ok || !res.body) throw new Error(`events stream: ${res.status}`);
  const events: Received[] = [];
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  let connected: () => void = () => {};
  const ready = new Promise<void>((resolve) => (connected = resolve));
  const started = now();
  void (async () => {
    try {
      for (;;) {
        const { value, done } = await reader.read();
        if (done) return;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (block.includes(": connected")) connected();
          const kind = /^event: (.*)$/m.exec(block)?.[1];
          const data = /^data: (.*)$/m.exec(block)?.[1];
          if (kind && data) events.push({ kind, data: JSON.parse(data) as Record<string, unknown>, arrivedAt: Date.now() });
        }
      }
    } catch {
      // aborted by close()
    }
  })();
  // The timer is cleared once connected: row j opens a thousand streams, and pending timers
  // would keep the bench alive after its last row.
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([
      ready,
      new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`events stream silent after ${Math.round(now() - started)} ms`)), silentMs))),
    ]);
  } catch (error) {
    abort.abort();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  return { events, close: () => abort.abort() };
}
