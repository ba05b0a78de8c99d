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
  const events: SseEvent[] = [];

  async function pump(deadline: number): Promise<void> {
    const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), Math.max(0, deadline - Date.now())));
    const chunk = await Promise.race([reader.read(), timeout]);
    if (!chunk || chunk.done) return;
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
      while (!opened && Date.now() < deadline) await pump(deadline);
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
    close: () => reader.cancel(),
  };
}
