// GET, PUT, PATCH, DELETE /api/v1/unstract/{org_id}/pipeline/{id}/
import { parseJsonBody } from "@/lib/api/body";
import { parsePipelineBody } from "@/lib/api/unstract/pipeline-body";
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { reasonBody } from "@/lib/api/common-schemas";
import { patchPipelineRequest, replacePipelineRequest, type PatchPipelineRequest } from "@/lib/api/unstract/schemas";
import { pipelineDetailBody } from "@/lib/api/unstract/format";
import { deletePipeline, getPipeline, updatePipeline, type PipelineDetails, type PipelineInput } from "@/lib/domain/pipelines";
import { jobsOfPipeline } from "@/lib/domain/pipeline-jobs";
import type { Queryable } from "@/db/client";
import { otherMethods } from "@/lib/api/methods";

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
    jobs:
      "jobs" in body
        ? body.jobs?.map((j) => ({ id: j.id, name: j.name, sourceResourceId: j.source, destinationResourceId: j.destination, config: j.config }))
        : undefined,
    resumeAt: "resume_at" in body && body.resume_at !== undefined ? (body.resume_at ? new Date(body.resume_at) : null) : undefined,
  };
}

/** One pipeline's answer: the list's body plus its jobs (read after the change, by its org). */
async function detailAnswer(db: Queryable, pipeline: PipelineDetails): Promise<Response> {
  return Response.json(pipelineDetailBody(pipeline, await jobsOfPipeline(db, pipeline)));
}

export const GET = orgRoute<Params>(v1Dialect, async ({ db, principal, params }) => detailAnswer(db, await getPipeline(db, principal, uuidParam(params.id))));

export const PUT = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const body = await parsePipelineBody(req, replacePipelineRequest);
  return detailAnswer(db, await updatePipeline(db, principal, id, toInput(body), { reason: body.reason }));
});

export const PATCH = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  const body = await parsePipelineBody(req, patchPipelineRequest);
  return detailAnswer(db, await updatePipeline(db, principal, id, toInput(body), { reason: body.reason }));
});

export const DELETE = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const id = uuidParam(params.id);
  // A body is optional on DELETE; when given it may carry the reason for the audit log.
  const { reason } = await parseJsonBody(req, reasonBody);
  await deletePipeline(db, principal, id, reason);
  return new Response(null, { status: 204 });
});

export const { POST } = otherMethods(v1Dialect, ["GET", "PUT", "PATCH", "DELETE"]);
