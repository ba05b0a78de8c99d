// The console's event stream comes back after a load balancer answered one reconnection with a
// 502/503 (the browser's EventSource then stops for good): a new stream is opened, and opening
// it refetches. The EventSource here is a stand-in with the browser's states, since Node has none.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { keepEventStream, type EventSourceLike } from "@/components/live/event-stream";

class BrowserLikeEventSource implements EventSourceLike {
  readyState = 0; // CONNECTING
  onopen: EventSourceLike["onopen"] = null;
  onerror: EventSourceLike["onerror"] = null;
  readonly listeners = new Map<string, (message: MessageEvent<string>) => void>();
  addEventListener(type: string, listener: (message: MessageEvent<string>) => void) {
    this.listeners.set(type, listener);
  }
  close() {
    this.readyState = 2;
  }
  /** The server answered 200 text/event-stream. */
  opened() {
    this.readyState = 1;
    this.onopen?.call(undefined as never, new Event("open"));
  }
  /** The connection dropped: the browser will retry by itself. */
  dropped() {
    this.readyState = 0;
    this.onerror?.call(undefined as never, new Event("error"));
  }
  /** A reconnection was answered 502/503: the browser gives up on this one for good. */
  refused() {
    this.readyState = 2;
    this.onerror?.call(undefined as never, new Event("error"));
  }
}

describe("keepEventStream", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function start() {
    const made: BrowserLikeEventSource[] = [];
    const seen = { opens: 0, downs: 0 };
    const stop = keepEventStream(
      () => {
        const s = new BrowserLikeEventSource();
        made.push(s);
        return s;
      },
      ["pipeline"],
      { open: () => seen.opens++, down: () => seen.downs++, event: () => {} },
      { firstMs: 3000, maxMs: 60_000 },
    );
    return { made, seen, stop };
  }

  it("opens a new stream after one is refused by the proxy, and refetches when it opens", async () => {
    const { made, seen } = start();
    made[0]!.opened();
    made[0]!.refused();
    expect(seen.downs).toBe(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(made).toHaveLength(2);
    made[1]!.opened();
    expect(seen.opens).toBe(2);
  });

  it("leaves a dropped connection to the browser's own retry", async () => {
    const { made } = start();
    made[0]!.opened();
    made[0]!.dropped();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(made).toHaveLength(1);
  });

  it("waits longer after each refusal, up to a minute, and stops when asked", async () => {
    const { made, stop } = start();
    made[0]!.refused();
    await vi.advanceTimersByTimeAsync(3000);
    made[1]!.refused();
    await vi.advanceTimersByTimeAsync(5999);
    expect(made).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(made).toHaveLength(3);
    made[2]!.refused();
    stop();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(made).toHaveLength(3);
  });
});
