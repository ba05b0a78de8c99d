// The worker's polling loop: a wake (a NOTIFY) is never lost, even when it arrives while a
// step is running — that step may have read the database before the change it announces.
import { describe, expect, it, vi } from "vitest";
import { startLoop } from "@/lib/worker/loop";

const tick = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("startLoop", () => {
  it("runs the step again at once when woken during a step, not at the next interval", async () => {
    let steps = 0;
    let release: () => void = () => {};
    const loop = startLoop("test", 60_000, async () => {
      steps++;
      if (steps === 1) await new Promise<void>((resolve) => (release = resolve));
      return false;
    });
    await tick();
    expect(steps).toBe(1);
    loop.wake(); // while the first step is still running
    release();
    await tick();
    expect(steps).toBe(2);
    await loop.stop();
  });

  it("sleeps the interval when nobody wakes it, and a wake while sleeping runs the step", async () => {
    let steps = 0;
    const loop = startLoop("test", 60_000, async () => (steps++, false));
    await tick();
    await tick();
    expect(steps).toBe(1);
    loop.wake();
    await tick();
    expect(steps).toBe(2);
    await loop.stop();
  });

  it("logs a failed statement's first line with the database's own words, not the parameters", async () => {
    const logged: string[] = [];
    const spy = vi.spyOn(console, "error").mockImplementation((line: string) => void logged.push(line));
    const loop = startLoop("scheduler", 60_000, async () => {
      throw new Error("Failed query: select 1\nparams: secret", { cause: new Error('relation "schedules" does not exist') });
    });
    await tick();
    await loop.stop();
    spy.mockRestore();
    expect(logged[0]).toBe('[worker:scheduler] step failed: Failed query: select 1 — relation "schedules" does not exist');
  });
});
