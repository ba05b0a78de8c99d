// GET /platform/pipelines[?page=&page_size=] — the org's pipelines with their jobs, as a list.
import { parseQuery } from "@/lib/api/body";
import { pipelineListItem } from "@/lib/api/maestro/format";
import { maestroRoute } from "@/lib/api/maestro/route";
import { listPipelinesQuery } from "@/lib/api/maestro/schemas";
import { jobsOfPipelines, listPipelines } from "@/lib/domain/pipelines";
import { maestroDialect } from "@/lib/api/maestro/dialect";
import { otherMethods } from "@/lib/api/methods";

export const GET = maestroRoute(async ({ req, db, principal }) => {
  const query = parseQuery(req, listPipelinesQuery);
  const list = await listPipelines(db, principal, { page: query.page, pageSize: query.page_size });
  const jobs = await jobsOfPipelines(db, principal.orgId, list.results.map((p) => p.id));
  // Maestro answers a bare array; the total rides in a header so paging stays possible.
  return Response.json(
    list.results.map((p) => pipelineListItem(p, jobs.get(p.id) ?? [])),
    { headers: { "X-Total-Count": String(list.count) } },
  );
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(maestroDialect, ["GET"]);
