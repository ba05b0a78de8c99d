// POST /platform/pipeline {id?, name, description?, cron?, jobs: [{name, source, destination?, config?}]}
import { parseJsonBody } from "@/lib/api/body";
import { pipelineAnswer } from "@/lib/api/maestro/format";
import { uuidOf } from "@/lib/api/maestro/ids";
import { assertCustomer, maestroRoute } from "@/lib/api/maestro/route";
import { createPipelineRequest } from "@/lib/api/maestro/schemas";
import { createPipeline, jobsOfPipelines } from "@/lib/domain/pipelines";
import { maestroDialect } from "@/lib/api/maestro/dialect";
import { otherMethods } from "@/lib/api/methods";

export const POST = maestroRoute(async ({ req, db, principal }) => {
  const body = await parseJsonBody(req, createPipelineRequest);
  assertCustomer(principal, body.customer_id);
  const { pipeline } = await createPipeline(db, principal, {
    id: body.id ? (uuidOf(body.id) ?? undefined) : undefined,
    name: body.name,
    description: body.description ?? undefined,
    cronString: body.cron ?? null,
    jobs: body.jobs.map((job) => ({
      name: job.name,
      sourceResourceId: job.source,
      destinationResourceId: job.destination ?? null,
      config: job.config,
    })),
  });
  const jobs = await jobsOfPipelines(db, principal.orgId, [pipeline.id]);
  return Response.json(pipelineAnswer(pipeline, jobs.get(pipeline.id) ?? []), { status: 201 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(maestroDialect, ["POST"]);
