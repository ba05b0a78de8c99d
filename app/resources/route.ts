// GET /resources (live resources of the caller's org, ?skip=&limit= ≤ 50, newest first) and
// POST /resources (create → 201). §4: a personal token or the session; the org is the caller's.
import { resourceBody, resourceQuery, resourcesDialect } from "@/lib/api/resources/dialect";
import { orgRoute } from "@/lib/api/route";
import { resourceJson } from "@/lib/api/resources/format";
import { createResourceRequest, listResourcesQuery } from "@/lib/api/resources/schemas";
import { createResource, listResources } from "@/lib/domain/resources";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute(resourcesDialect, async ({ req, db, principal }) => {
  const query = resourceQuery(req, listResourcesQuery);
  const page = await listResources(db, principal, { skip: query.skip, limit: query.limit });
  return Response.json(page.items.map(resourceJson), { headers: { "x-total-count": String(page.total) } });
});

export const POST = orgRoute(resourcesDialect, async ({ req, db, principal }) => {
  const body = await resourceBody(req, createResourceRequest);
  const resource = await createResource(db, principal, {
    name: body.name,
    kind: body.kind,
    connector: body.connector,
    config: body.config,
    withWrapper: body.with_wrapper,
  });
  return Response.json(resourceJson(resource), { status: 201, headers: { location: `/resources/${resource.id}` } });
});

export const { PUT, PATCH, DELETE } = otherMethods(resourcesDialect, ["GET", "POST"]);
