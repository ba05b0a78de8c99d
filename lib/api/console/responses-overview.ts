// The answer of GET /api/v1/orgs/{org_id}/overview: the org's health among the pipelines the
// caller may see, for the console's Overview page.
import { EXECUTION_STATUSES } from "@/lib/vocabulary";
import { optionalTime, time } from "../common-schemas";
import { z } from "../messages";
import { executionStatus } from "../unstract/responses";

const statusCounts = z
  .object(Object.fromEntries(EXECUTION_STATUSES.map((s) => [s, z.int()])) as Record<(typeof EXECUTION_STATUSES)[number], z.ZodInt>)
  .describe("Runs by status.");

export const overviewResponse = z.object({
  at: time.describe("When the figures were read."),
  pipelines: z.int().describe("Pipelines the caller may see."),
  failing: z.object({
    count: z.int().describe("Pipelines whose last run failed (last_run_status FAILURE)."),
    pipelines: z.array(z.object({ id: z.uuid(), name: z.string(), last_run_time: optionalTime })).describe("The five that failed last."),
  }),
  running: z.object({
    count: z.int().describe("Runs pending or executing now."),
    pending: z.int(),
    executing: z.int(),
    runs: z
      .array(z.object({ id: z.uuid(), pipeline_id: z.uuid(), pipeline_name: z.string(), status: executionStatus, created_at: time }))
      .describe("The five newest of them."),
  }),
  paused: z.object({
    count: z.int().describe("Pipelines paused (active false)."),
    pipelines: z
      .array(
        z.object({
          id: z.uuid(),
          name: z.string(),
          paused_by: z.string().nullable().describe('An email, or "system".'),
          paused_at: optionalTime,
          pause_reason: z.string().nullable(),
          resume_at: optionalTime,
        }),
      )
      .describe("The five paused last, with who paused them, when and why."),
  }),
  next_runs: z
    .array(z.object({ pipeline_id: z.uuid(), pipeline_name: z.string(), fire_at: time }))
    .describe("The next ten scheduled fire times of active pipelines, soonest first."),
  storage: z.object({
    bytes: z.int().describe("Bytes the pipelines' storage holds."),
    records: z.int().describe("Records it holds."),
    pipelines: z.int().describe("Pipelines holding any."),
  }),
  runs_24h: z.object({
    since: time.describe("Start of the window: the start of the hour 23 hours before the current one."),
    total: z.int(),
    by_status: statusCounts,
    by_hour: z.array(z.object({ hour: time, counts: statusCounts })).describe("24 hourly buckets, oldest first."),
  }),
});
