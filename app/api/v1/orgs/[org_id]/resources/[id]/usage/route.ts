// GET /api/v1/orgs/{org_id}/resources/{id}/usage — the pipelines whose jobs use a connection,
// asked before deleting it (their runs would then fail at those jobs).
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { resourceUsage } from "@/lib/domain/resource-usage";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) => {
  const usage = await resourceUsage(db, principal, params.id);
  return Response.json({
    resource_id: usage.resourceId,
    pipelines: usage.pipelines.map((p) => ({ id: p.id, pipeline_name: p.name, jobs: p.jobs })),
    hidden_pipelines: usage.hiddenPipelines,
  });
});
