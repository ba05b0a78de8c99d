// The storage routes (§3, seed 002) under /v0, with {message, error_code, details} errors.
import { clearStorageRequest } from "./schemas";
import type { z } from "zod";
import * as res from "./responses";
import type { Operation, ResponseSpec } from "../openapi/types";

const error = (description: string): ResponseSpec => ({ description, schema: res.storageErrorResponse });
const unauthorized = error("Unauthorized: no valid personal token or session.");
const unknownName = error("UnknownPipelineName: no pipeline of this name visible to the caller; details {pipeline_name}.");
const params = { pipeline_name: "The pipeline's name, in the caller's org (the token's org, or the session's current org)." };

export const storageOperations: Operation[] = [
  {
    method: "get",
    path: "/v0/pipelines/{pipeline_name}",
    operationId: "getPipelineStorage",
    summary: "A pipeline's storage status",
    description: "`storage_status` is Cleared, InUse or Clearing; while Clearing, poll this for `storage_status_details`.",
    tag: "Storage",
    auth: "principal",
    params,
    responses: { 200: { description: "The pipeline with its storage status.", schema: res.storagePipelineResponse }, 401: unauthorized, 404: unknownName },
  },
  {
    method: "post",
    path: "/v0/pipelines/{pipeline_name}/clear",
    operationId: "clearPipelineStorage",
    summary: "Clear a pipeline's storage",
    description:
      "Asynchronous and cannot be cancelled. Only when nothing of the pipeline is running. Asking again while Clearing, or once Cleared, is also 202 and changes nothing. " +
      "The body is optional: `reason` goes to the audit log. Runs cannot start while the storage is Clearing (CannotStartWhileClearingStorage).",
    tag: "Storage",
    auth: "principal",
    params,
    body: { schema: clearStorageRequest },
    responses: {
      202: { description: "Clearing started, or already under way or done (the message says which).", schema: res.clearAcceptedResponse },
      400: error("StorageStatusImmutableUnlessStopped (a run is under way; details name the current state), InvalidStorageStatusTransition, or InvalidRequest."),
      401: unauthorized,
      403: error("Forbidden: only the pipeline's owner (or an org admin) clears its storage."),
      404: unknownName,
      415: error("InvalidRequest: a body that is not JSON."),
    },
  },
];

/** The schemas of §3 the document names in components.schemas. */
export const storageResponseComponents: Record<string, z.ZodType> = {
  StoragePipeline: res.storagePipelineResponse,
  StorageProgress: res.storageProgressResponse,
  ClearAccepted: res.clearAcceptedResponse,
  StorageError: res.storageErrorResponse,
};

export const storageRequestComponents: Record<string, z.ZodType> = { ClearStorageRequest: clearStorageRequest };
