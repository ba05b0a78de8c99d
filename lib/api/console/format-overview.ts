// The Overview's answer from the domain's OrgHealth, typed by its response schema.
import type { z } from "zod";
import type { OrgHealth } from "@/lib/domain/org-health";
import type { overviewResponse } from "./responses-overview";

const iso = (d: Date | null) => (d ? d.toISOString() : null);

export function overviewBody(h: OrgHealth): z.infer<typeof overviewResponse> {
  return {
    at: h.at.toISOString(),
    pipelines: h.pipelines,
    failing: {
      count: h.failing.count,
      pipelines: h.failing.pipelines.map((p) => ({ id: p.id, name: p.name, last_run_time: iso(p.lastRunTime) })),
    },
    running: {
      count: h.running.count,
      pending: h.running.pending,
      executing: h.running.executing,
      runs: h.running.runs.map((r) => ({
        id: r.id,
        pipeline_id: r.pipelineId,
        pipeline_name: r.pipelineName,
        status: r.status,
        created_at: r.createdAt.toISOString(),
      })),
    },
    paused: {
      count: h.paused.count,
      pipelines: h.paused.pipelines.map((p) => ({
        id: p.id,
        name: p.name,
        paused_by: p.pausedBy,
        paused_at: iso(p.pausedAt),
        pause_reason: p.pauseReason,
        resume_at: iso(p.resumeAt),
      })),
    },
    next_runs: h.nextRuns.map((n) => ({ pipeline_id: n.pipelineId, pipeline_name: n.pipelineName, fire_at: n.fireAt.toISOString() })),
    storage: h.storage,
    runs_24h: {
      since: h.runs24h.since.toISOString(),
      total: h.runs24h.total,
      by_status: h.runs24h.byStatus,
      by_hour: h.runs24h.byHour.map((b) => ({ hour: b.hour.toISOString(), counts: b.counts })),
    },
  };
}
