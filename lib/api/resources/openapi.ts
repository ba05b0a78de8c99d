// The resources routes (§4, seed 003): connections pipelines use, in a FastAPI-like dialect
// ({"detail"} errors, 422 with pydantic's list form for invalid input).
import { createResourceRequest, deleteResourceRequest, listResourcesQuery } from "./schemas";
import type { z } from "zod";
import * as res from "./responses";
import type { Operation, ResponseSpec } from "../openapi/types";

const detail = (description: string): ResponseSpec => ({ description, schema: res.resourceErrorResponse });
const unauthenticated = detail("No valid personal token or session (with WWW-Authenticate: Bearer).");
const invalidInput: ResponseSpec = {
  description: 'Invalid input: {"detail": [{"type", "loc", "msg"}]}, as pydantic reports it.',
  schema: res.resourceValidationErrorResponse,
};
const invalidId = detail('{"detail": "Invalid resource ID"}: not a 24-hex ObjectId.');
const notFound = detail('{"detail": "Resource not found"}: none in the caller\'s org, or deleted.');
const params = { id: "The resource's id: a 24-hex ObjectId." };
const common = { tag: "Resources", auth: "principal", idKind: "objectId" } as const;

export const resourceOperations: Operation[] = [
  {
    ...common,
    method: "get",
    path: "/resources",
    operationId: "listResources",
    summary: "List resources",
    description: "Live resources of the caller's org, newest first; deleted ones never appear. The total is in the X-Total-Count header.",
    query: listResourcesQuery,
    queryDocs: { skip: "Resources to skip (default 0).", limit: "At most this many (default and at most 50)." },
    responses: {
      200: { description: "The resources.", schema: res.resourceListResponse, headers: { "X-Total-Count": "Live resources in the org." } },
      401: unauthenticated,
      422: invalidInput,
    },
  },
  {
    ...common,
    method: "post",
    path: "/resources",
    operationId: "createResource",
    summary: "Create a resource",
    description: "Any member may. Connectors: a source uses sample or http (config.url), a destination uses table.",
    body: { schema: createResourceRequest, required: true },
    responses: {
      201: { description: "Created; Location names it.", schema: res.resourceResponse, headers: { Location: "/resources/{id}" } },
      401: unauthenticated,
      415: detail("A body that is not JSON."),
      422: invalidInput,
    },
  },
  {
    ...common,
    method: "get",
    path: "/resources/{id}",
    operationId: "getResource",
    summary: "Retrieve a resource",
    description: "A live resource of the caller's org, with its wrapper (the process running its connector) when it has one. A deleted resource, or one of another org, is a 404.",
    params,
    responses: { 200: { description: "The resource.", schema: res.resourceResponse }, 400: invalidId, 401: unauthenticated, 404: notFound },
  },
  {
    ...common,
    method: "delete",
    path: "/resources/{id}",
    operationId: "deleteResource",
    summary: "Delete a resource",
    description:
      "Org admins only. A soft delete: the resource disappears from every read and no API restores it. If it has a wrapper, its process is stopped, " +
      "the wrapper's status becomes STOPPED, and its log gets a line. `{resource_id, wrapper_id}` is published to the `resource_deleted` queue " +
      "in the same transaction. A reason may come as `?reason=` or in a JSON body (kept in the audit log). " +
      "A connection that pipelines' jobs use may be deleted too: those jobs keep pointing at it, and every run of such a pipeline then ends ERROR " +
      "at that job, before moving any data, with a message naming the job, the connection and when it was deleted, until the job points at another " +
      "connection or the pipeline is deleted. GET /api/v1/orgs/{org_id}/resources/{id}/usage names those pipelines first.",
    params,
    query: deleteResourceRequest,
    queryDocs: { reason: "Why, for the audit log." },
    body: { schema: deleteResourceRequest },
    responses: {
      200: { description: '{"id", "deleted": true}.', schema: res.resourceDeletedResponse },
      400: invalidId,
      401: unauthenticated,
      403: detail('{"detail": "Admin access required"}.'),
      404: notFound,
      422: invalidInput,
      500: detail('{"detail": "Internal server error"}: the database failed; nothing was deleted.'),
    },
  },
];

/** The schemas of §4 the document names in components.schemas. */
export const resourceResponseComponents: Record<string, z.ZodType> = {
  Resource: res.resourceResponse,
  Wrapper: res.wrapperResponse,
  ResourceList: res.resourceListResponse,
  ResourceDeleted: res.resourceDeletedResponse,
  ResourceError: res.resourceErrorResponse,
  ResourceValidationError: res.resourceValidationErrorResponse,
};

export const resourceRequestComponents: Record<string, z.ZodType> = {
  CreateResourceRequest: createResourceRequest,
  DeleteResourceRequest: deleteResourceRequest,
};
