// One LISTEN per process, fanned out to every open event stream of this process.
import { listen } from "@/db/client";
import { EVENTS_CHANNEL, type ChangeEvent } from "@/lib/domain/events";

export type StampedEvent = ChangeEvent & { at: string };
type Subscriber = (event: StampedEvent) => void;

const slot = Symbol.for("sluice.events-hub");
interface Hub {
  subscribers: Set<Subscriber>;
  listening: Promise<() => Promise<void>> | null;
}
const holder = globalThis as unknown as { [slot]?: Hub };

function hub(): Hub {
  holder[slot] ??= { subscribers: new Set(), listening: null };
  return holder[slot];
}

function dispatch(payload: string): void {
  let event: StampedEvent;
  try {
    event = JSON.parse(payload) as StampedEvent;
  } catch {
    return;
  }
  for (const subscriber of hub().subscribers) subscriber(event);
}

/** Calls `onEvent` for every committed change in the database until the returned function is called. */
export async function subscribe(onEvent: Subscriber): Promise<() => void> {
  const state = hub();
  state.subscribers.add(onEvent);
  if (!state.listening) {
    state.listening = listen(EVENTS_CHANNEL, dispatch);
    state.listening.catch(() => {
      state.listening = null;
    });
  }
  await state.listening;
  return () => {
    state.subscribers.delete(onEvent);
  };
}
