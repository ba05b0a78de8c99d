// GET, PUT, PATCH, DELETE /api/v1/unstract/{org_id}/pipeline/{id}/
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/dialects/v1";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/schemas/common";
import { patchPipelineRequest, replacePipelineRequest, type PatchPipelineRequest } from "@/lib/api/schemas/pipelines";
import { pipelineBody } from "@/lib/api/unstract/format";
import { deletePipeline, getPipeline, updatePipeline, type PipelineInput } from "@/lib/domain/pipelines";

type Params = { org_id: string; id: string };

function toInput(body: PatchPipelineRequest): PipelineInput {
  return {
    name: body.pipeline_name,
    type: body.pipeline_type,
    description: body.description,
    cronString: body.cron_string,
    timezone: body.timezone,
    active: body.active,
    sharedToOrg: body.shared_to_org,
    sharedUserIds: body.shared_users,
  };
}

export const GET = orgRoute<Params>(v1Dialect, async ({ db, principal, params }) =>
  Response.json(pipelineBody(await getPipeline(db, principal, uuidParam(params.id)))),
);

export const PUT = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const body = await parseJsonBody(req, replacePipelineRequest);
  return Response.json(pipelineBody(await updatePipeline(db, principal, id, toInput(body))));
});

export const PATCH = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const body = await parseJsonBody(req, patchPipelineRequest);
  return Response.json(pipelineBody(await updatePipeline(db, principal, id, toInput(body))));
});

export const DELETE = orgRoute<Params>(v1Dialect, async ({ db, principal, params }) => {
  await deletePipeline(db, principal, uuidParam(params.id));
  return new Response(null, { status: 204 });
});
