// The bodies of the decommission routes and of the pipeline configuration, from domain objects.
import type { z } from "zod";
import type { BulkResult, DecommissionPlan } from "@/lib/domain/decommission";
import type { PipelineConfig } from "@/lib/domain/pipeline-config";
import type { bulkDecommissionResponse, decommissionResponse, pipelineConfigResponse } from "./responses-decommission";

type DecommissionBody = z.infer<typeof decommissionResponse>;

export function decommissionBody(plan: DecommissionPlan): DecommissionBody {
  return {
    id: plan.id,
    pipeline_id: plan.pipelineId,
    pipeline_name: plan.pipelineName,
    state: plan.state,
    steps: plan.steps,
    progress: { done_rows: plan.progress.doneRows, total_rows: plan.progress.totalRows },
    reason: plan.reason,
    started_by: plan.startedByLabel,
    started_at: plan.startedAt.toISOString(),
    finished_at: plan.finishedAt ? plan.finishedAt.toISOString() : null,
    error: plan.error,
    batch_id: plan.batchId,
  };
}

export function bulkDecommissionBody(batchId: string, results: BulkResult[]): z.infer<typeof bulkDecommissionResponse> {
  return {
    batch_id: batchId,
    results: results.map((r) =>
      r.status === "accepted" ? { id: r.id, status: r.status, decommission: decommissionBody(r.plan) } : { id: r.id, status: r.status, code: r.code, detail: r.detail },
    ),
  };
}

export const configBody = (config: PipelineConfig): z.infer<typeof pipelineConfigResponse> => config;
