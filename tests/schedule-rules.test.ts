// nextRun remembers the next fire time of a schedule; whatever order instants are asked in,
// it must answer what a fresh computation answers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextRun, nextRuns } from "@/lib/domain/schedule-rules";

const CRONS = ["0 6 * * *", "*/15 * * * *", "30 2 * * 1-5", "0 0 1 * *", "0 9 29 2 *", "45 23 * * 0"];
const ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Lord_Howe"];
const START = Date.UTC(2026, 2, 28, 0, 0, 0); // across the March DST changes of both hemispheres

const fresh = (cron: string, zone: string, at: number) => nextRuns(cron, zone, 1, new Date(at))[0] ?? null;

describe("nextRun", () => {
  it("answers as a fresh computation for any sequence of instants, forwards and backwards", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            cron: fc.constantFrom(...CRONS),
            zone: fc.constantFrom(...ZONES),
            // Instants within ~40 days, to the second, so fire times are crossed often.
            offset: fc.integer({ min: 0, max: 40 * 24 * 3600 }).map((s) => s * 1000),
            jitterMs: fc.constantFrom(0, 1, 999, -1),
          }),
          { minLength: 1, maxLength: 30 },
        ),
        (asks) => {
          for (const { cron, zone, offset, jitterMs } of asks) {
            const at = START + offset + jitterMs;
            expect(nextRun(cron, zone, new Date(at))?.toISOString(), `${cron} in ${zone} after ${new Date(at).toISOString()}`).toBe(
              fresh(cron, zone, at)?.toISOString(),
            );
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it("moves on exactly at the fire time, and gives each caller its own Date", () => {
    const first = nextRun("0 6 * * *", "UTC", new Date(Date.UTC(2026, 0, 1, 5, 0)))!;
    expect(first.toISOString()).toBe("2026-01-01T06:00:00.000Z");
    first.setUTCFullYear(1999);
    expect(nextRun("0 6 * * *", "UTC", new Date(Date.UTC(2026, 0, 1, 5, 30)))!.toISOString()).toBe("2026-01-01T06:00:00.000Z");
    expect(nextRun("0 6 * * *", "UTC", new Date(Date.UTC(2026, 0, 1, 6, 0)))!.toISOString()).toBe("2026-01-02T06:00:00.000Z");
    expect(nextRun(null, "UTC")).toBeNull();
  });
});
