// GET and DELETE /platform/pipeline/{id} — the id written with "-" or "_".
import { parseJsonBody } from "@/lib/api/body";
import { deletedAnswer, pipelineAnswer } from "@/lib/api/maestro/format";
import { onPipeline } from "@/lib/api/maestro/ids";
import { assertCustomer, maestroRoute } from "@/lib/api/maestro/route";
import { deletePipelineRequest } from "@/lib/api/maestro/schemas";
import { deletePipeline, getPipeline, jobsOfPipelines } from "@/lib/domain/pipelines";
import { maestroDialect } from "@/lib/api/maestro/dialect";
import { otherMethods } from "@/lib/api/methods";

type Params = { id: string };

export const GET = maestroRoute<Params>(async ({ db, principal, params }) => {
  const pipeline = await onPipeline(params.id, (id) => getPipeline(db, principal, id));
  const jobs = await jobsOfPipelines(db, principal.orgId, [pipeline.id]);
  return Response.json(pipelineAnswer(pipeline, jobs.get(pipeline.id) ?? []));
});

/** Everything that is the pipeline's own goes in one transaction; resources and destinations stay. */
export const DELETE = maestroRoute<Params>(async ({ req, db, principal, params }) => {
  const body = await parseJsonBody(req, deletePipelineRequest); // optional: {reason, customer_id}
  assertCustomer(principal, body.customer_id);
  await onPipeline(params.id, (id) => deletePipeline(db, principal, id, body.reason ?? null));
  return Response.json(deletedAnswer(params.id));
});

export const { POST, PUT, PATCH } = otherMethods(maestroDialect, ["GET", "DELETE"]);
