// The live-events invalidator: a change on another instance must reach an open console within
// 250 ms of its commit (issue 14), so the first event after a quiet spell is applied at once;
// only the events of a burst that follows are gathered, at most one refetch per window.
import { QueryClient, QueryObserver } from "@tanstack/react-query";
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

// A query's first fetch may have read the database before a change committed, and the change's
// event arrive while that answer is still on its way (a tab just opened under a run that then
// completed). react-query joins an invalidation of a query that has no data yet onto the fetch
// in flight, so the stale answer stood with nothing left to replace it: the run said EXECUTING
// for good (CI, e2e/pipelines-detail.spec.ts). An event must be followed by a read that began after it.
describe("an event during a query's first fetch", () => {
  it("is followed by a fetch that starts after it, so the older answer does not stand", async () => {
    const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
    let status = "EXECUTING";
    const answers: Array<() => void> = [];
    const observer = new QueryObserver(client, {
      queryKey: ["run"],
      // The server reads now and answers later, as a slow page request does.
      queryFn: () => {
        const read = status;
        return new Promise<string>((resolve) => answers.push(() => resolve(read)));
      },
    });
    const seen: Array<string | undefined> = [];
    const stop = observer.subscribe((result) => seen.push(result.data));
    expect(answers).toHaveLength(1); // the first fetch is on its way

    status = "COMPLETED"; // the run completes; its event arrives before the old answer
    invalidator(client, 250)(["run"]);
    await Promise.resolve();
    await Promise.resolve();
    for (const answer of answers.splice(0)) answer();
    await vi.waitFor(() => {
      for (const answer of answers.splice(0)) answer();
      expect(client.getQueryData(["run"])).toBe("COMPLETED");
    });
    stop();
  });
});
