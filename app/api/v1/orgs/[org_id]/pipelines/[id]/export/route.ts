// GET /api/v1/orgs/{org_id}/pipelines/{id}/export — the pipeline's configuration as a file.
import { configBody } from "@/lib/api/console/format-decommission";
import { v1Dialect } from "@/lib/api/console/dialect";
import { attachment } from "@/lib/api/attachment";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { exportPipelineConfig } from "@/lib/domain/pipeline-config";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) => {
  const config = await exportPipelineConfig(db, principal, uuidParam(params.id));
  return new Response(JSON.stringify(configBody(config), null, 2), {
    headers: { "content-type": "application/json", "content-disposition": attachment(`${config.pipeline_name}.sluice.json`) },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
