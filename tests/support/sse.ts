// Reads a Server-Sent Events response as a stream of parsed events.
export interface SseEvent {
  event: string;
  data: Record<string, unknown>;
}

export function sseReader(response: Response) {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let opened = false;
  let done = false;
  const events: SseEvent[] = [];

  // A read that outlived its deadline is kept for the next pump: a new read would queue behind
  // it, and the chunk it receives would be lost.
  let reading: Promise<ReadableStreamReadResult<Uint8Array>> | null = null;

  async function pump(deadline: number): Promise<void> {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - Date.now())));
    reading ??= reader.read();
    const chunk = await Promise.race([reading, timeout]);
    if (!chunk) return;
    reading = null;
    if (chunk.done) {
      done = true;
      return;
    }
    opened = true;
    buffer += decoder.decode(chunk.value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const lines = block.split("\n");
      const name = lines.find((l) => l.startsWith("event: "))?.slice(7);
      const data = lines.find((l) => l.startsWith("data: "))?.slice(6);
      if (name && data) events.push({ event: name, data: JSON.parse(data) as Record<string, unknown> });
    }
  }

  return {
    events,
    /** Waits for the stream's first bytes: the server sends them once it listens for changes. */
    async opened(ms = 5000): Promise<boolean> {
      const deadline = Date.now() + ms;
      while (!opened && !done && Date.now() < deadline) await pump(deadline);
      return opened;
    },
    /** Waits for the first event (not yet taken) matching `match`; null after `ms`. */
    async next(match: (e: SseEvent) => boolean, ms = 5000): Promise<SseEvent | null> {
      const deadline = Date.now() + ms;
      for (;;) {
        const index = events.findIndex(match);
        if (index >= 0) return events.splice(index, 1)[0]!;
        if (Date.now() >= deadline) return null;
        await pump(deadline);
      }
    },
    /** Whether the server ended the stream within `ms` (events sent before the end are kept). */
    async ended(ms = 5000): Promise<boolean> {
      const deadline = Date.now() + ms;
      while (!done && Date.now() < deadline) await pump(deadline);
      return done;
    },
    close: () => reader.cancel(),
  };
}
