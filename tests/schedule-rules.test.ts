// nextRun remembers the next fire time of a schedule; whatever order instants are asked in,
// it must answer what a fresh computation answers.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { nextRun, nextRuns } from "@/lib/domain/schedule-rules";
import { checkSchedule } from "@/lib/schedule-rules";
import { canonicalTimezone, timezoneLabel, timezoneNames, utcOffset } from "@/lib/timezones";

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

// The shared rules (lib/schedule-rules.ts): the words the server answers and the form shows as you type.
const NOW = new Date(Date.UTC(2026, 0, 15, 12, 0));
const check = (cron: string, timezone = "UTC", min = 1800) => checkSchedule(cron, timezone, min, { now: NOW });
const details = (cron: string, timezone = "UTC") => check(cron, timezone).errors.map((e) => `${e.attr}: ${e.detail}`);

describe("checkSchedule", () => {
  it.each([
    ["61 * * * *", "minute 61 is outside 0–59."],
    ["0 24 * * *", "hour 24 is outside 0–23."],
    ["0 0 0 * *", "day of month 0 is outside 1–31."],
    ["0 0 1 13 *", "month 13 is outside 1–12."],
    ["0 0 * * 8", "day of week 8 is outside 0–7."],
    ["0,15,70 * * * *", "minute 70 is outside 0–59."],
    ["0 9-25 * * *", "hour 25 is outside 0–23."],
    ["*/90 * * * *", "minute step 90 is outside 1–59."],
    ["0 */0 * * *", "hour step 0 is outside 1–23."],
    ["0 20-5 * * *", "hour range 20-5 runs backwards: 20 is after 5."],
    ["x 0 * * *", 'minute "x" is not a number.'],
  ])("%s: %s", (cron, detail) => {
    expect(details(cron)).toEqual([`cron_string: ${detail}`]);
  });

  it("names every out-of-range field of one cron", () => {
    expect(details("61 25 * * *")).toEqual(["cron_string: minute 61 is outside 0–59.", "cron_string: hour 25 is outside 0–23."]);
  });

  it("keeps the old words for a cron that is not five fields", () => {
    expect(details("0 0 * *")).toEqual(["cron_string: Invalid cron string format."]);
    expect(details("every hour")).toEqual(["cron_string: Invalid cron string format."]);
  });

  it("refuses a cron that never fires, saying why when it is plain", () => {
    expect(details("0 2 31 2 *")).toEqual(["cron_string: 0 2 31 2 * never fires: February has no 31st."]);
    expect(details("0 2 30 2 *")).toEqual(["cron_string: 0 2 30 2 * never fires: February has no 30th."]);
    expect(details("0 0 31 4,6 *")).toEqual(["cron_string: 0 0 31 4,6 * never fires: none of April, June has a 31st."]);
    expect(check("0 2 31 2 *").nextRuns).toEqual([]);
  });

  it("accepts February 29th, with a warning that it is more than a year away", () => {
    const result = check("0 0 29 2 *");
    expect(result.errors).toEqual([]);
    expect(result.nextRuns[0]?.toISOString()).toBe("2028-02-29T00:00:00.000Z");
    expect(result.warning).toBe("This schedule next fires on 2028-02-29, more than a year from now.");
  });

  it("refuses a schedule too frequent with the current words, once", () => {
    const tooFrequent = "cron_string: Schedules must be at least 30 minutes apart (1800 seconds); this cron runs more often.";
    expect(details("* * * * *")).toEqual([tooFrequent]);
    expect(details("0,10 * * * *")).toEqual([tooFrequent]);
    expect(check("* * * * *", "UTC", 60).errors).toEqual([]);
    expect(check("* * * * *").warning).toBeUndefined();
  });

  it("answers the next five runs of a good schedule, read in its timezone", () => {
    const result = check("30 9 * * *", "Asia/Kolkata");
    expect(result.errors).toEqual([]);
    expect(result.warning).toBeUndefined();
    expect(result.nextRuns.map((d) => d.toISOString())).toEqual(
      ["2026-01-16", "2026-01-17", "2026-01-18", "2026-01-19", "2026-01-20"].map((day) => `${day}T04:00:00.000Z`),
    );
  });

  it("accepts a legacy timezone and answers its canonical name; refuses an unknown one on timezone", () => {
    expect(check("0 0 * * *", "Asia/Calcutta")).toMatchObject({ errors: [], timezone: "Asia/Kolkata" });
    expect(details("0 0 * * *", "Mars/Olympus_Mons")).toEqual(['timezone: "Mars/Olympus_Mons" is not a valid IANA timezone.']);
    expect(details("61 * * * *", "Nowhere")).toEqual(['timezone: "Nowhere" is not a valid IANA timezone.', "cron_string: minute 61 is outside 0–59."]);
  });

  it("an empty cron is no schedule and no error", () => {
    expect(check("  ")).toEqual({ errors: [], nextRuns: [], timezone: "UTC" });
  });
});

describe("timezones", () => {
  it.each([
    ["Asia/Calcutta", "Asia/Kolkata"],
    ["Europe/Kiev", "Europe/Kyiv"],
    ["Asia/Saigon", "Asia/Ho_Chi_Minh"],
    ["Asia/Katmandu", "Asia/Kathmandu"],
    ["Asia/Rangoon", "Asia/Yangon"],
    ["America/Buenos_Aires", "America/Argentina/Buenos_Aires"],
    ["Asia/Kolkata", "Asia/Kolkata"],
    ["asia/kolkata", "Asia/Kolkata"],
    ["Etc/UTC", "UTC"],
    ["UTC", "UTC"],
    ["Europe/Berlin", "Europe/Berlin"],
  ])("%s is %s", (name, canonical) => {
    expect(canonicalTimezone(name)).toBe(canonical);
  });

  it("knows no Atlantis", () => {
    expect(canonicalTimezone("Europe/Atlantis")).toBeNull();
    expect(canonicalTimezone("")).toBeNull();
  });

  it("lists canonical names only, UTC first, each once", () => {
    const names = timezoneNames();
    expect(names[0]).toBe("UTC");
    expect(names).toContain("Asia/Kolkata");
    expect(names).toContain("Europe/Kyiv");
    for (const legacy of ["Asia/Calcutta", "Europe/Kiev", "Asia/Saigon", "Asia/Katmandu", "Asia/Rangoon", "America/Buenos_Aires"]) expect(names).not.toContain(legacy);
    expect(new Set(names).size).toBe(names.length);
  });

  it("says the current offset from UTC", () => {
    const winter = new Date(Date.UTC(2026, 0, 15));
    const summer = new Date(Date.UTC(2026, 6, 15));
    expect(utcOffset("Asia/Kolkata", winter)).toBe("UTC+05:30");
    expect(utcOffset("Asia/Kathmandu", winter)).toBe("UTC+05:45");
    expect(utcOffset("UTC", winter)).toBe("UTC+00:00");
    expect(utcOffset("America/New_York", winter)).toBe("UTC-05:00");
    expect(utcOffset("America/New_York", summer)).toBe("UTC-04:00");
    expect(timezoneLabel("Asia/Kolkata", winter)).toBe("Asia/Kolkata (UTC+05:30)");
  });
});
