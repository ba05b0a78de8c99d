// What the console makes of a configuration before and after the server reads it: a chosen
// file is recognised or refused in plain words; a refused import's errors land where the user
// looks (the name field, the job, the schedule, or one list).
import { describe, expect, it } from "vitest";
import { ApiError } from "@/components/api-client";
import { placeImportErrors, snapshotOf } from "@/components/pipelines/config-document";
import { NOT_A_CONFIG, readPipelineConfig } from "@/components/pipelines/config-file";

const config = {
  format: "sluice.pipeline/1",
  exported_at: "2026-01-02T03:04:05.000Z",
  pipeline_name: "nightly",
  pipeline_type: "ETL",
  description: "",
  cron_string: "0 4 * * *",
  timezone: "Europe/Berlin",
  jobs: [{ name: "extract", source: { id: "a".repeat(24), name: "orders", connector: "sample" }, destination: null, config: {} }],
  sharing: { shared_to_org: true, shared_users: ["mia@example.com"] },
};

describe("readPipelineConfig", () => {
  it("reads an exported file as it is", () => {
    const read = readPipelineConfig(JSON.stringify(config));
    expect(read).toEqual({ ok: true, config });
  });

  it("fills what an older or hand-written file leaves out with the server's defaults", () => {
    const read = readPipelineConfig(JSON.stringify({ format: "sluice.pipeline/1", pipeline_name: "bare" }));
    expect(read).toMatchObject({ ok: true, config: { pipeline_type: "DEFAULT", cron_string: null, timezone: "UTC", jobs: [], sharing: { shared_to_org: false, shared_users: [] } } });
  });

  it.each([
    ["not JSON", "name,schedule\nnightly,0 4 * * *", `${NOT_A_CONFIG} It is not JSON.`],
    ["a JSON array", "[1, 2]", `${NOT_A_CONFIG} It has no "format": "sluice.pipeline/1".`],
    ["JSON without a format", '{"pipeline_name": "x"}', `${NOT_A_CONFIG} It has no "format": "sluice.pipeline/1".`],
    ["another format", '{"format": "sluice.pipeline/2"}', `${NOT_A_CONFIG} Its format is "sluice.pipeline/2"; this Sluice reads "sluice.pipeline/1".`],
  ])("refuses %s, saying why", (_case, text, problem) => {
    expect(readPipelineConfig(text)).toEqual({ ok: false, problems: [problem] });
  });

  it("names each field the server would refuse", () => {
    const read = readPipelineConfig(JSON.stringify({ ...config, pipeline_name: "x".repeat(33), jobs: [{ ...config.jobs[0], name: "" }] }));
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.problems).toEqual(["pipeline_name: Ensure this field has no more than 32 characters.", expect.stringMatching(/^jobs\.0\.name: /)]);
  });
});

describe("placeImportErrors", () => {
  it("puts the name, job and schedule errors by their field, bare or under config., and the rest in one list", () => {
    const error = new ApiError(400, [
      { code: "invalid", detail: "That name is taken.", attr: "pipeline_name" },
      { code: "invalid", detail: "No source connection.", attr: "jobs.0.source" },
      { code: "invalid", detail: "No destination connection.", attr: "config.jobs.0.destination" },
      { code: "invalid", detail: "Bad job name.", attr: "config.jobs.2.name" },
      { code: "invalid", detail: "Not a timezone.", attr: "timezone" },
      { code: "invalid", detail: "Not a cron.", attr: "config.cron_string" },
      { code: "invalid", detail: "Too long.", attr: "reason" },
      { code: "invalid", detail: "Something else.", attr: null },
    ]);
    expect(placeImportErrors(error)).toEqual({
      name: "That name is taken.",
      jobs: { 0: ["No source connection.", "No destination connection."], 2: ["Bad job name."] },
      schedule: ["Not a timezone.", "Not a cron."],
      general: ["Too long.", "Something else."],
    });
  });

  it("shows a failure without field errors (no network, a 500) as one message", () => {
    const offline = new ApiError(0, [{ code: "network_error", detail: "Could not reach Sluice.", attr: null }]);
    expect(placeImportErrors(offline).general).toEqual(["Could not reach Sluice."]);
    expect(placeImportErrors(new ApiError(500, []))).toMatchObject({ name: undefined, general: ["The request failed (HTTP 500)."] });
  });
});

describe("snapshotOf", () => {
  it("finds the configuration a deletion kept, and nothing in other details", () => {
    expect(snapshotOf({ snapshot: config })).toBe(config);
    expect(snapshotOf({ snapshot: { ...config, format: "other" } })).toBeNull();
    expect(snapshotOf({ reason: "x" })).toBeNull();
    expect(snapshotOf(null)).toBeNull();
  });
});
