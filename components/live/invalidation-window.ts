// Turns live events into react-query invalidations. The first event after a quiet spell is
// applied at once (in a microtask, so the several keys one event touches go together): a change
// made elsewhere must show within 250 ms (issue 14), and a fixed wait here would spend all of it.
// The events of a burst that follows (a big run, a bulk pause) are gathered and flushed once per
// window, so a thousand events cost a few refetches, not a thousand.
// A fetch already on its way when an event arrives may have read before that change committed,
// and react-query joins an invalidation of a query with no data yet onto it: the older answer
// would stand (a run opened as EXECUTING stayed so after it completed). Such a fetch is
// cancelled first, so every event is followed by a read that began after it.
import type { QueryClient, QueryKey } from "@tanstack/react-query";

export function invalidator(client: QueryClient, windowMs = 250): (key: QueryKey) => void {
  const pending = new Map<string, QueryKey>();
  let open = false; // a window is open: what arrives now waits for its end

  const flush = () => {
    const keys = [...pending.values()];
    pending.clear();
    for (const queryKey of keys) {
      if (client.isFetching({ queryKey }) === 0) void client.invalidateQueries({ queryKey });
      else void client.cancelQueries({ queryKey }, { revert: true, silent: true }).then(() => client.invalidateQueries({ queryKey }));
    }
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
