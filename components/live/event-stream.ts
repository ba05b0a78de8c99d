// Keeps one Server-Sent Events stream open for as long as it is wanted. The browser's EventSource
// reconnects by itself after a dropped connection, but gives up for good (readyState CLOSED) when
// an attempt is answered with anything but 200 text/event-stream: exactly what a load balancer
// answers (502/503) for the moment an instance dies. Then a new stream is opened after a pause
// that doubles up to a minute, so live updates come back once the deployment has routed around
// the failure instead of never (issue 14: the console reconnects and shows current state).
const CLOSED = 2; // EventSource.CLOSED, without needing the browser's global

export interface EventSourceLike {
  readonly readyState: number;
  onopen: ((this: never, ev: Event) => unknown) | null;
  onerror: ((this: never, ev: Event) => unknown) | null;
  addEventListener(type: string, listener: (message: MessageEvent<string>) => void): void;
  close(): void;
}

export interface StreamHandlers {
  /** A stream is open: whatever changed while none was should be fetched again. */
  open: () => void;
  /** The stream is down (the browser retries, or we open a new one later). */
  down: () => void;
  event: (message: MessageEvent<string>) => void;
}

export interface RetryTiming {
  firstMs: number;
  maxMs: number;
}

/** Opens a stream now and keeps one open until the returned function is called. */
export function keepEventStream(
  open: () => EventSourceLike,
  kinds: readonly string[],
  on: StreamHandlers,
  retry: RetryTiming = { firstMs: 3000, maxMs: 60_000 },
): () => void {
  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let pause = retry.firstMs;
  let stopped = false;

  const connect = () => {
    timer = null;
    const current = open();
    source = current;
    current.onopen = () => {
      pause = retry.firstMs;
      on.open();
    };
    current.onerror = () => {
      on.down();
      if (current.readyState !== CLOSED || stopped || timer !== null) return;
      timer = setTimeout(connect, pause);
      pause = Math.min(pause * 2, retry.maxMs);
    };
    for (const kind of kinds) current.addEventListener(kind, on.event);
  };
  connect();

  return () => {
    stopped = true;
    if (timer !== null) clearTimeout(timer);
    source?.close();
  };
}
