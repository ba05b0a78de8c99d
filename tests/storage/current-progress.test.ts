// How the console merges the last storage read with the last live event (reads and events of
// a clear may arrive in either order): the figures a user sees only move forward.
import { describe, expect, it } from "vitest";
import { currentProgress, type ClearProgress } from "@/components/storage/progress-math";

const T1 = Date.parse("2026-11-22T10:00:00Z");
const T2 = Date.parse("2026-11-22T11:00:00Z");
const clearing = (startedAt: number | null, doneRows: number): ClearProgress => ({
  status: "Clearing",
  doneRows,
  totalRows: 1000,
  doneBytes: doneRows * 10,
  totalBytes: 10_000,
  startedAt,
});
const cleared = (startedAt: number | null): ClearProgress => ({ ...clearing(startedAt, 1000), status: "Cleared" });

describe("currentProgress", () => {
  it("takes whichever exists, or nothing", () => {
    expect(currentProgress(null, null, true)).toBeNull();
    expect(currentProgress(clearing(T1, 10), null, true)).toEqual(clearing(T1, 10));
    expect(currentProgress(null, clearing(T1, 20), false)).toEqual(clearing(T1, 20));
  });

  it("a read of a clear's progress landing after its Cleared event does not bring it back to Clearing", () => {
    expect(currentProgress(clearing(T1, 900), cleared(T1), false)).toEqual(cleared(T1));
    expect(currentProgress(cleared(T1), clearing(T1, 900), true)).toEqual(cleared(T1));
  });

  it("while one clear runs, the further of the read and the event counts", () => {
    expect(currentProgress(clearing(T1, 600), clearing(T1, 400), true)).toMatchObject({ status: "Clearing", doneRows: 600, doneBytes: 6000, startedAt: T1 });
    expect(currentProgress(clearing(T1, 300), clearing(T1, 500), false)).toMatchObject({ status: "Clearing", doneRows: 500, startedAt: T1 });
  });

  it("a new clear is not held back by the end of the one before", () => {
    expect(currentProgress(cleared(T1), clearing(T2, 50), true)).toEqual(clearing(T2, 50));
    expect(currentProgress(clearing(T2, 50), cleared(T1), false)).toEqual(clearing(T2, 50));
  });

  it("storage in use again after a clear is not taken for the clear's end", () => {
    const inUse: ClearProgress = { ...cleared(T1), status: "InUse" };
    expect(currentProgress(inUse, cleared(T1), false)).toEqual(inUse);
  });
});
