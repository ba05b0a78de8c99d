// The live-events invalidator: a change on another instance must reach an open console within
// 250 ms of its commit (issue 14), so the first event after a quiet spell is applied at once;
// only the events of a burst that follows are gathered, at most one refetch per window.
import { QueryClient } from "@tanstack/react-query";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { invalidator } from "@/components/live/invalidation-window";

function cachedClient(keys: string[][]): QueryClient {
  const client = new QueryClient();
  for (const key of keys) client.setQueryData(key, { loaded: true });
  return client;
}

const invalidated = (client: QueryClient, key: string[]) => client.getQueryState(key)?.isInvalidated === true;

describe("live-events invalidator", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it("applies the first event after a quiet spell within the same task, every key of it", async () => {
    const client = cachedClient([["pipelines"], ["overview"]]);
    const invalidate = invalidator(client, 250);
    invalidate(["overview"]);
    invalidate(["pipelines"]);
    await Promise.resolve(); // microtasks only: no timer has run
    expect(invalidated(client, ["overview"])).toBe(true);
    expect(invalidated(client, ["pipelines"])).toBe(true);
  });

  it("gathers a burst that follows into one flush per window", async () => {
    const client = cachedClient([["a"], ["b"]]);
    const spy = vi.spyOn(client, "invalidateQueries");
    const invalidate = invalidator(client, 250);
    invalidate(["a"]);
    await Promise.resolve();
    expect(spy).toHaveBeenCalledTimes(1);
    for (let i = 0; i < 100; i++) invalidate(i % 2 ? ["a"] : ["b"]);
    await Promise.resolve();
    expect(spy).toHaveBeenCalledTimes(1); // still inside the window
    await vi.advanceTimersByTimeAsync(250);
    expect(spy).toHaveBeenCalledTimes(3); // a and b once each, at the window's end
    await vi.advanceTimersByTimeAsync(1000);
    expect(spy).toHaveBeenCalledTimes(3); // nothing more came: nothing more is fetched
    invalidate(["a"]); // quiet again: at once
    await Promise.resolve();
    expect(spy).toHaveBeenCalledTimes(4);
  });
});
