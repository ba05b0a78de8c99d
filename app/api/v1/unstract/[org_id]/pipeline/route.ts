// GET /api/v1/unstract/{org_id}/pipeline/ (list) and POST (create → 201).
import { parseQuery } from "@/lib/api/body";
import { parsePipelineBody } from "@/lib/api/unstract/pipeline-body";
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { orgRoute } from "@/lib/api/route";
import { createPipelineRequest, listPipelinesQuery } from "@/lib/api/unstract/schemas";
import { createdPipelineBody, paginated, pipelineBody } from "@/lib/api/unstract/format";
import { orderingOf, pageOrNotFound } from "@/lib/api/unstract/params";
import { createPipeline, listPipelines } from "@/lib/domain/pipelines";
import { jobsOfPipeline } from "@/lib/domain/pipeline-jobs";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const query = parseQuery(req, listPipelinesQuery);
  const page = pageOrNotFound(query.page);
  const list = await listPipelines(db, principal, {
    page,
    pageSize: query.page_size,
    type: query.type,
    active: query.active,
    search: query.search,
    ordering: orderingOf(query.ordering),
    cursor: query.cursor,
  });
  return Response.json(paginated(req, list, page, list.results.map(pipelineBody)));
});

export const POST = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const body = await parsePipelineBody(req, createPipelineRequest);
  const { pipeline, key } = await createPipeline(db, principal, {
    name: body.pipeline_name,
    type: body.pipeline_type,
    description: body.description,
    cronString: body.cron_string,
    timezone: body.timezone,
    sharedToOrg: body.shared_to_org,
    sharedUserIds: body.shared_users,
    reason: body.reason,
    jobs: body.jobs?.map((job) => ({ name: job.name, sourceResourceId: job.source, destinationResourceId: job.destination, config: job.config })),
  });
  // The auto-created key is shown here once, as every key is at its creation.
  return Response.json(createdPipelineBody(pipeline, await jobsOfPipeline(db, pipeline), key), { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET", "POST"]);
