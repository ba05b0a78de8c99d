// The operations of §1 on a pipeline's API keys, and the public trigger called with one.
import type { Operation } from "../openapi/types";
import { reasonBody } from "../common-schemas";
import { badMediaType, error, invalidBody, noContent, pipelineNotVisible, unauthenticated } from "./openapi-errors";
import * as res from "./responses";
import { createKeyRequest, updateKeyRequest } from "./schemas";

const base = "/api/v1/unstract/{org_id}";

const keyHolders = error("Only the pipeline's owner, a user it is shared with, or an org admin manages its keys.");
const keyChangers = error(
  "Only the key's creator, the pipeline's owner or an org admin may change a key (one whose creator was deleted: the owner or an admin); " +
    "a user the pipeline is shared with may change only their own. Also: a member of a shared-to-org pipeline, who manages none of its keys.",
);

export const keyOperations: Operation[] = [
  {
    method: "get",
    path: `${base}/api/keys/pipeline/{pipeline_id}/`,
    operationId: "listPipelineKeys",
    summary: "List a pipeline's API keys",
    description: "Oldest first. `api_key` is null in every key: the key is shown only when it is created.",
    tag: "Pipeline keys",
    auth: "principal",
    responses: {
      200: { description: "The pipeline's keys.", schema: res.keyListResponse },
      401: unauthenticated,
      403: keyHolders,
      404: pipelineNotVisible,
    },
  },
  {
    method: "post",
    path: `${base}/api/keys/pipeline/{pipeline_id}/`,
    operationId: "createPipelineKey",
    summary: "Create a pipeline API key",
    description:
      "Exactly one of `api` and `pipeline` must be set, and `pipeline` must be the pipeline in the path. " +
      "The key (a uuid) is in `api_key` of this answer only: it is stored hashed, and later reads show null and `api_key_prefix`.",
    tag: "Pipeline keys",
    auth: "principal",
    body: { schema: createKeyRequest, required: true },
    responses: {
      201: { description: "Created, with the key shown this once.", schema: res.keyResponse },
      400: error('"Only one of `api` or `pipeline` should be set, not both.", "At least one of `api` or `pipeline` must be set.", or another invalid field.'),
      401: unauthenticated,
      403: keyHolders,
      404: pipelineNotVisible,
      415: badMediaType,
    },
  },
  {
    method: "get",
    path: `${base}/api/keys/{key_id}/`,
    operationId: "getPipelineKey",
    summary: "Retrieve an API key",
    description: "One API key of a pipeline the caller may see. The key itself is shown only when it is created: here `api_key` is null and `api_key_prefix` tells keys apart.",
    tag: "Pipeline keys",
    auth: "principal",
    responses: {
      200: { description: "The key, without the key itself (`api_key` is null).", schema: res.keyResponse },
      401: unauthenticated,
      403: keyHolders,
      404: error("No such key in the caller's org, or its pipeline is not visible to them."),
    },
  },
  {
    method: "put",
    path: `${base}/api/keys/{key_id}/`,
    operationId: "updatePipelineKey",
    summary: "Activate, deactivate or describe an API key",
    description:
      "A deactivated key is refused by the trigger (401) until it is active again. " +
      "Only the key's creator (`created_by`), the pipeline's owner or an org admin may change it: a user the pipeline is shared with changes only the keys they made (403 otherwise).",
    tag: "Pipeline keys",
    auth: "principal",
    body: { schema: updateKeyRequest },
    responses: {
      200: { description: "The updated key.", schema: res.keyResponse },
      400: invalidBody,
      401: unauthenticated,
      403: keyChangers,
      404: error("No such key in the caller's org, or its pipeline is not visible to them."),
      415: badMediaType,
    },
  },
  {
    method: "delete",
    path: `${base}/api/keys/{key_id}/`,
    operationId: "deletePipelineKey",
    summary: "Delete an API key",
    description:
      "The body is optional: `reason` goes to the audit log. " +
      "Only the key's creator (`created_by`), the pipeline's owner or an org admin may delete it: a user the pipeline is shared with deletes only the keys they made (403 otherwise).",
    tag: "Pipeline keys",
    auth: "principal",
    body: { schema: reasonBody },
    responses: {
      204: noContent,
      400: invalidBody,
      401: unauthenticated,
      403: keyChangers,
      404: error("No such key in the caller's org, or its pipeline is not visible to them."),
      415: badMediaType,
    },
  },
  {
    method: "post",
    path: "/deployment/pipeline/api/{org_id}/{pipeline_id}/",
    operationId: "triggerPipeline",
    summary: "Trigger a pipeline with its API key",
    description:
      "The public endpoint of a pipeline (its `api_endpoint`), for `Authorization: Bearer <api_key>` with an active key of this pipeline. " +
      "The request body is not read.",
    tag: "Trigger",
    auth: "pipelineKey",
    responses: {
      200: { description: "The run was queued.", schema: res.triggerResponse },
      400: error("The pipeline's storage is being cleared (CannotStartWhileClearingStorage)."),
      401: error('"Unauthorized": the key is wrong, inactive, or of another pipeline.'),
      403: error('"Missing api key": no Authorization header.'),
      404: error('"Pipeline not found": no such pipeline in this org, or it is inactive.'),
    },
  },
];
