// The console's words for runs: relative times in the past and the future, "Last run" of a run
// under way, the run chart's scale, and counts with thousands separators.
import { describe, expect, it } from "vitest";
import { countOf, formatCount, formatLogTime } from "@/components/format";
import { lastRunWords } from "@/components/pipelines/last-run-words";
import { axisMarks, barShare } from "@/components/pipelines/run-scale";
import { sinceInWords, timeInWords } from "@/components/pipelines/time-words";
import { triggerInWords } from "@/components/executions/trigger-words";

const NOW = Date.parse("2026-11-27T12:00:00.000Z");
const at = (seconds: number) => new Date(NOW + seconds * 1000).toISOString();

describe("relative times", () => {
  it("say the past as past and the future as future", () => {
    expect(timeInWords(at(-10), NOW)).toBe("just now");
    expect(timeInWords(at(-5 * 60), NOW)).toBe("5 minutes ago");
    expect(timeInWords(at(10), NOW)).toBe("in less than a minute");
    expect(timeInWords(at(25 * 60), NOW)).toBe("in 25 minutes");
    // A run that just ended, on a page whose clock reads a little behind the server's: not "in …".
    expect(sinceInWords(at(20), NOW)).toBe("just now");
    expect(sinceInWords(at(-3 * 3600), NOW)).toBe("3 hours ago");
  });

  it("counts days by the calendar: Monday 08:00 seen on Saturday evening is in 2 days, not tomorrow", () => {
    const saturdayEvening = Date.parse("2026-11-28T20:10:00.000Z");
    expect(timeInWords("2026-11-30T08:00:00.000Z", saturdayEvening, "UTC")).toBe("in 2 days");
    expect(timeInWords("2026-11-29T17:00:00.000Z", saturdayEvening, "UTC")).toBe("in 21 hours");
    // 22 hours or more but the same day: still hours, never "today" dressed as "in 0 days".
    expect(timeInWords("2026-11-28T23:30:00.000Z", Date.parse("2026-11-28T00:30:00.000Z"), "UTC")).toBe("in 23 hours");
    expect(timeInWords("2026-11-29T21:00:00.000Z", saturdayEvening, "UTC")).toBe("tomorrow");
    expect(timeInWords("2026-11-27T09:00:00.000Z", saturdayEvening, "UTC")).toBe("yesterday");
    expect(timeInWords("2026-11-26T23:00:00.000Z", saturdayEvening, "UTC")).toBe("2 days ago");
    // The day is the reader's: the same moments in Tokyo (UTC+9) are Sunday 05:10 and Monday 17:00.
    expect(timeInWords("2026-11-30T08:00:00.000Z", saturdayEvening, "Asia/Tokyo")).toBe("tomorrow");
  });

  it("'Last run' of a finished run says when it ended; of a run under way, when that run started", () => {
    const justEnded = { last_run_status: "SUCCESS" as const, last_run_time: at(15) };
    expect(lastRunWords(justEnded, undefined, NOW)).toBe("Succeeded · just now");
    const previousEnded = { last_run_status: "INPROGRESS" as const, last_run_time: at(-8 * 60) };
    const current = { status: "EXECUTING", started_at: at(-30), created_at: at(-31) };
    expect(lastRunWords(previousEnded, current, NOW)).toBe("In progress · started just now");
    expect(lastRunWords(previousEnded, { ...current, started_at: at(-120) }, NOW)).toBe("In progress · started 2 minutes ago");
    expect(lastRunWords({ ...previousEnded, last_run_status: "RESTARTING" }, { status: "PENDING", started_at: null, created_at: at(-5) }, NOW)).toBe(
      "Starting · queued just now",
    );
    // The newest loaded run is a finished one (the list lags): no time rather than the previous run's.
    expect(lastRunWords(previousEnded, { status: "COMPLETED", started_at: at(-600), created_at: at(-600) }, NOW)).toBe("In progress");
  });
});

describe("run chart scale", () => {
  it("keeps a 1 h 09 min run from flattening 30 s runs, longest at full height", () => {
    const longest = 69 * 60;
    expect(barShare(longest, longest)).toBe(1);
    expect(barShare(30, longest)).toBeGreaterThan(0.35); // linear would be 0.007
    expect(barShare(30, longest)).toBeLessThan(barShare(60, longest));
    expect(barShare(0, longest)).toBe(0);
    expect(barShare(5, 0)).toBe(0);
    expect(axisMarks(longest)).toEqual([1, 10, 60, 600]);
  });
});

describe("counts and log times", () => {
  it("write counts with thousands separators and log times to the millisecond", () => {
    expect(formatCount(16500)).toBe("16,500");
    expect(formatCount(60000)).toBe("60,000");
    expect(countOf(1, "record", "records")).toBe("1 record");
    expect(countOf(19962, "record", "records")).toBe("19,962 records");
    expect(formatLogTime("2026-11-27T12:03:27.041Z")).toMatch(/^\d{2}:03:27\.041$/);
    expect(formatLogTime("2026-11-27T12:03:27.941Z")).not.toBe(formatLogTime("2026-11-27T12:03:27.041Z"));
  });

  it("say who started a run", () => {
    expect(triggerInWords({ kind: "schedule" })).toBe("Schedule");
    expect(triggerInWords({ kind: "user", email: "ada@example.com" })).toBe("ada@example.com");
    expect(triggerInWords({ kind: "api_key", description: "nightly cron" })).toBe("API key “nightly cron”");
    expect(triggerInWords({ kind: "api_key", description: null })).toBe("API key");
  });
});
