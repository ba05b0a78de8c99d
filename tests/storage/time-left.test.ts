// The time left of a storage clear, as the panel words it: from the rate this browser measured,
// hidden until it is stable. The case: at 10 % of a 9 s clear it said "about 2 s".
import { describe, expect, it } from "vitest";
import { addSample, formatDuration, secondsLeft, type ClearProgress, type RateSample } from "@/components/storage/progress-math";

const TOTAL = 9000; // a 9 s clear at 1,000 rows a second
const clearing = (doneRows: number, startedAt: number | null): ClearProgress => ({
  status: "Clearing",
  doneRows,
  totalRows: TOTAL,
  doneBytes: doneRows * 100,
  totalBytes: TOTAL * 100,
  startedAt,
});

/** What the panel shows, as storage-progress.tsx words it. */
const words = (left: number | null) => (left === null ? "estimating time left…" : `about ${formatDuration(left)} left`);

/** Events every `step` ms of a steady 1,000 rows/s clear, seen by a browser whose clock reads `base` at its start. */
function watch(base: number, untilMs: number, step = 450): { samples: RateSample[]; now: number; done: number } {
  let samples: RateSample[] = [];
  let done = 0;
  for (let t = step; t <= untilMs; t += step) {
    done = Math.round(t); // 1 row per ms
    samples = addSample(samples, { at: base + t, doneRows: done });
  }
  return { samples, now: base + untilMs, done };
}

describe("time left of a clear", () => {
  it("says nothing at 10 % of a 9 s clear, though the server's start time (another clock) would give 'about 2 s'", () => {
    const base = 1_000_000;
    const { samples, now, done } = watch(base, 900);
    expect(done / TOTAL).toBeCloseTo(0.1);
    // The server's clock runs 0.7 s ahead: its start time reads 0.2 s ago here. Not used.
    const progress = clearing(done, now - 200);
    expect(secondsLeft(progress, samples, now)).toBeNull();
    expect(words(secondsLeft(progress, samples, now))).toBe("estimating time left…");
    expect(words(secondsLeft(progress, samples, now))).not.toBe("about 2 s left");
  });

  it("once stable (watched ≥ 2 s, ≥ 5 % done, a rate measured), says what is really left", () => {
    const base = 5_000_000;
    const at27 = watch(base, 2700);
    const left = secondsLeft(clearing(at27.done, base - 60_000), at27.samples, at27.now);
    expect(left).not.toBeNull();
    expect(left!).toBeCloseTo(6.3, 1);
    expect(words(left)).toBe("about 7 s left");
    // Half way: 4.5 s are left, whatever the start time says.
    const at45 = watch(base, 4500);
    expect(secondsLeft(clearing(at45.done, null), at45.samples, at45.now)).toBeCloseTo(4.5, 1);
    // Between events the estimate counts down with the clock.
    expect(secondsLeft(clearing(at45.done, null), at45.samples, at45.now + 1000)).toBeCloseTo(3.5, 1);
  });

  it("follows the recent rate: a clear that slows down is not promised its early speed", () => {
    const base = 0;
    let samples: RateSample[] = [];
    // 4,000 rows in the first 2 s, then 200 rows a second.
    for (const [t, done] of [
      [500, 1000],
      [1000, 2000],
      [1500, 3000],
      [2000, 4000],
      [4000, 4400],
      [6000, 4800],
      [8000, 5200],
      [10000, 5600],
    ] as const) {
      samples = addSample(samples, { at: base + t, doneRows: done });
    }
    const left = secondsLeft(clearing(5600, 0), samples, 10000);
    // 3,400 rows at ~200/s: about 17 s (the average since the start would say about 6 s).
    expect(left!).toBeGreaterThan(14);
    expect(left!).toBeLessThan(20);
  });

  it("waits for 5 % of the rows, and starts over when the count goes back (another clear)", () => {
    let samples: RateSample[] = [];
    for (const t of [1000, 2000, 3000]) samples = addSample(samples, { at: t, doneRows: t / 100 });
    expect(secondsLeft(clearing(30, null), samples, 3000)).toBeNull(); // 30 of 9,000 rows
    samples = addSample(samples, { at: 4000, doneRows: 5 });
    expect(samples).toEqual([{ at: 4000, doneRows: 5 }]);
    expect(secondsLeft({ ...clearing(9000, null), status: "Cleared" }, samples, 5000)).toBeNull();
  });
});
