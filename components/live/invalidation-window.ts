// Turns live events into react-query invalidations. The first event after a quiet spell is
// applied at once (in a microtask, so the several keys one event touches go together): a change
// made elsewhere must show within 250 ms (issue 14), and a fixed wait here would spend all of it.
// The events of a burst that follows (a big run, a bulk pause) are gathered and flushed once per
// window, so a thousand events cost a few refetches, not a thousand.
import type { QueryClient, QueryKey } from "@tanstack/react-query";

export function invalidator(client: QueryClient, windowMs = 250): (key: QueryKey) => void {
  const pending = new Map<string, QueryKey>();
  let open = false; // a window is open: what arrives now waits for its end

  const flush = () => {
    const keys = [...pending.values()];
    pending.clear();
    for (const queryKey of keys) void client.invalidateQueries({ queryKey });
  };
  const endWindow = () => {
    if (pending.size === 0) {
      open = false;
      return;
    }
    flush();
    setTimeout(endWindow, windowMs);
  };

  return (key: QueryKey) => {
    pending.set(JSON.stringify(key), key);
    if (open) return;
    open = true;
    void Promise.resolve().then(() => {
      flush();
      setTimeout(endWindow, windowMs);
    });
  };
}
