// POST /api/v1/orgs/{org_id}/pipelines/import {config, pipeline_name?, reason?} — a new, paused
// pipeline from a configuration (a downloaded file, or what a deletion kept); no keys.
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { importPipelineRequest } from "@/lib/api/console/schemas-decommission";
import { pipelineBody } from "@/lib/api/unstract/format";
import { importPipeline } from "@/lib/domain/pipeline-import";
import { otherMethods } from "@/lib/api/methods";

export const POST = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const body = await parseJsonBody(req, importPipelineRequest);
  const { pipeline, skippedShares } = await importPipeline(db, principal, body.config, { name: body.pipeline_name, reason: body.reason });
  return Response.json({ pipeline: pipelineBody(pipeline), skipped_shares: skippedShares }, { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["POST"]);
