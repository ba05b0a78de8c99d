// How a pause reads on the page and in the list's tooltip: who, when, why, until when. A pause
// the server stamped a moment ahead of this page's clock is "just now", never "in less than a minute".
import { describe, expect, it } from "vitest";
import { pauseSummary } from "@/components/pipelines/pause-words";

const now = Date.parse("2026-11-27T12:00:00Z");
const paused = { active: false, paused_by: "ada@acme.test", paused_at: "2026-11-27T11:55:00Z", pause_reason: "upstream outage", resume_at: null };

describe("pauseSummary", () => {
  it("says who, when and why", () => {
    expect(pauseSummary(paused, now)).toBe("Paused by ada@acme.test 5 minutes ago: upstream outage.");
  });

  it("adds when it resumes by itself", () => {
    expect(pauseSummary({ ...paused, resume_at: "2026-11-27T16:00:00Z" }, now)).toBe("Paused by ada@acme.test 5 minutes ago: upstream outage; resumes in 4 hours.");
  });

  it("calls a pause stamped ahead of this clock, or seconds ago, just now", () => {
    expect(pauseSummary({ ...paused, paused_at: "2026-11-27T12:00:02Z" }, now)).toBe("Paused by ada@acme.test just now: upstream outage.");
    expect(pauseSummary({ ...paused, paused_at: "2026-11-27T11:59:30Z" }, now)).toBe("Paused by ada@acme.test just now: upstream outage.");
  });

  it("says only what it knows: a pipeline paused before pauses were recorded, and an active one", () => {
    expect(pauseSummary({ active: false, paused_by: null, paused_at: null, pause_reason: null, resume_at: null }, now)).toBe("Paused.");
    expect(pauseSummary({ ...paused, active: true }, now)).toBe("Active");
  });
});
