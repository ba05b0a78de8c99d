// POST /deployment/pipeline/api/{org_id}/{pipeline_id}/ — the public trigger, with a pipeline key.
import { uuidParam } from "@/lib/api/ids";
import { bearerOf } from "@/lib/api/principal";
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { triggerBody } from "@/lib/api/unstract/format";
import { publicRoute } from "@/lib/api/route";
import { DomainError } from "@/lib/domain/errors";
import { triggerWithKey } from "@/lib/domain/keys";
import { otherMethods } from "@/lib/api/methods";

const pipelineNotFound = () => new DomainError("not_found", "Pipeline not found");

export const POST = publicRoute<{ org_id: string; pipeline_id: string }>(v1Dialect, async ({ req, db, params }) => {
  const key = bearerOf(req) || null;
  if (key) uuidParam(params.pipeline_id, pipelineNotFound);
  const { pipeline, execution } = await triggerWithKey(db, params.org_id, params.pipeline_id, key);
  return Response.json(triggerBody(pipeline, execution));
}, pipelineNotFound);

export const { GET, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["POST"]);
