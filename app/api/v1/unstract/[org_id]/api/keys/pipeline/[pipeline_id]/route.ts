// GET / POST /api/v1/unstract/{org_id}/api/keys/pipeline/{pipeline_id}/
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { createKeyRequest } from "@/lib/api/unstract/schemas";
import { keyBody } from "@/lib/api/unstract/format";
import { invalid } from "@/lib/domain/errors";
import { createKey, listKeys } from "@/lib/domain/keys";
import { otherMethods } from "@/lib/api/methods";

type Params = { org_id: string; pipeline_id: string };

export const GET = orgRoute<Params>(v1Dialect, async ({ db, principal, params }) => {
  const keys = await listKeys(db, principal, uuidParam(params.pipeline_id));
  return Response.json(keys.map((k) => keyBody(k)));
});

export const POST = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const pipelineId = uuidParam(params.pipeline_id);
  const body = await parseJsonBody(req, createKeyRequest);
  // A key belongs to exactly one of an API deployment or a pipeline; this console has pipelines.
  if (body.api && body.pipeline) throw invalid("Only one of `api` or `pipeline` should be set, not both.", "non_field_errors");
  if (!body.api && !body.pipeline) throw invalid("At least one of `api` or `pipeline` must be set.", "non_field_errors");
  if (body.api) throw invalid(`Invalid pk "${body.api}" - object does not exist.`, "api");
  if (body.pipeline !== pipelineId) throw invalid("The pipeline must be the one named in the path.", "pipeline");
  const key = await createKey(db, principal, pipelineId, { description: body.description, isActive: body.is_active, reason: body.reason });
  return Response.json(keyBody(key, key.apiKey), { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET", "POST"]);
