// One LISTEN per process, fanned out to every open event stream of this process.
import { listen } from "@/db/client";
import { EVENTS_CHANNEL, type ChangeEvent } from "@/lib/domain/events";

export type StampedEvent = ChangeEvent & { at: string };
type Subscriber = (event: StampedEvent) => void;

const slot = Symbol.for("sluice.events-hub");
interface Hub {
  subscribers: Set<Subscriber>;
  listening: Promise<() => Promise<void>> | null;
  /** How many times the LISTEN has been (re)established; 0 before the first. */
  generation: number;
}
const holder = globalThis as unknown as { [slot]?: Hub };

function hub(): Hub {
  holder[slot] ??= { subscribers: new Set(), listening: null, generation: 0 };
  return holder[slot];
}

// Each event's JSON as it came, so a thousand streams sending it do not serialise it a thousand times.
const payloads = new WeakMap<StampedEvent, string>();

/** The event as JSON text. */
export function eventJson(event: StampedEvent): string {
  return payloads.get(event) ?? JSON.stringify(event);
}

function dispatch(payload: string): void {
  let event: StampedEvent;
  try {
    event = JSON.parse(payload) as StampedEvent;
  } catch {
    return;
  }
  payloads.set(event, payload);
  for (const subscriber of hub().subscribers) subscriber(event);
}

/** Calls `onEvent` for every committed change in the database until the returned function is called. */
export async function subscribe(onEvent: Subscriber): Promise<() => void> {
  const state = hub();
  state.subscribers.add(onEvent);
  if (!state.listening) {
    state.listening = listen(EVENTS_CHANNEL, dispatch, () => {
      state.generation++;
    });
    state.listening.catch(() => {
      state.listening = null;
    });
  }
  await state.listening;
  return () => {
    state.subscribers.delete(onEvent);
  };
}

/**
 * Which LISTEN this process is in: 0 before the first, then one more after each reconnection.
 * What a cache learnt under one generation may have been changed by a notification lost while
 * the listening connection was down: such a cache forgets whatever an older generation taught it.
 */
export function listenGeneration(): number {
  return hub().generation;
}
