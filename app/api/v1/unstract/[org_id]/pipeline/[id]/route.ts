// GET, PUT, PATCH, DELETE /api/v1/unstract/{org_id}/pipeline/{id}/
import { parseJsonBody } from "@/lib/api/body";
import { parsePipelineBody } from "@/lib/api/unstract/pipeline-body";
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { reasonBody } from "@/lib/api/common-schemas";
import { patchPipelineRequest, replacePipelineRequest, type PatchPipelineRequest } from "@/lib/api/unstract/schemas";
import { pipelineBody } from "@/lib/api/unstract/format";
import { deletePipeline, getPipeline, updatePipeline, type PipelineInput } from "@/lib/domain/pipelines";

type Params = { org_id: string; id: string };

function toInput(body: PatchPipelineRequest | Omit<PatchPipelineRequest, "resume_at">): PipelineInput {
  return {
    name: body.pipeline_name,
    type: body.pipeline_type,
    description: body.description,
    cronString: body.cron_string,
    timezone: body.timezone,
    active: body.active,
    sharedToOrg: body.shared_to_org,
    sharedUserIds: body.shared_users,
    resumeAt: "resume_at" in body && body.resume_at !== undefined ? (body.resume_at ? new Date(body.resume_at) : null) : undefined,
  };
}

export const GET = orgRoute<Params>(v1Dialect, async ({ db, principal, params }) =>
  Response.json(pipelineBody(await getPipeline(db, principal, uuidParam(params.id)))),
);

export const PUT = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const body = await parsePipelineBody(req, replacePipelineRequest);
  return Response.json(pipelineBody(await updatePipeline(db, principal, id, toInput(body), { reason: body.reason })));
});

export const PATCH = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const body = await parsePipelineBody(req, patchPipelineRequest);
  return Response.json(pipelineBody(await updatePipeline(db, principal, id, toInput(body), { reason: body.reason })));
});

export const DELETE = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  // A body is optional on DELETE; when given it may carry the reason for the audit log.
  const { reason } = await parseJsonBody(req, reasonBody);
  await deletePipeline(db, principal, id, reason);
  return new Response(null, { status: 204 });
});
