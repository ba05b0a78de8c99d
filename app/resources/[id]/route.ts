// GET /resources/{id} and DELETE /resources/{id} (seed 003: org admins; soft delete, wrapper
// stopped, `resource_deleted` published through the outbox → 200 {"id", "deleted": true}).
import { resourceBody, resourceQuery, resourcesDialect } from "@/lib/api/resources/dialect";
import { orgRoute } from "@/lib/api/route";
import { resourceDeletedJson, resourceJson } from "@/lib/api/resources/format";
import { deleteResourceRequest } from "@/lib/api/resources/schemas";
import { deleteResource, getResource } from "@/lib/domain/resources";
import { otherMethods } from "@/lib/api/methods";

type Params = { id: string };

export const GET = orgRoute<Params>(resourcesDialect, async ({ db, principal, params }) =>
  Response.json(resourceJson(await getResource(db, principal, params.id))),
);

export const DELETE = orgRoute<Params>(resourcesDialect, async ({ req, db, principal, params }) => {
  const query = resourceQuery(req, deleteResourceRequest);
  const body = await resourceBody(req, deleteResourceRequest);
  const result = await deleteResource(db, principal, params.id, body.reason ?? query.reason);
  return Response.json(resourceDeletedJson(result));
});

export const { POST, PUT, PATCH } = otherMethods(resourcesDialect, ["GET", "DELETE"]);
