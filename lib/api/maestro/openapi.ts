// The Maestro lifecycle routes (§2, seeds 000/001) under /platform, in their own error dialect.
import {
  createPipelineRequest,
  deletePipelineRequest,
  executePipelineRequest,
  jobRequest,
  listPipelinesQuery,
  pipelineActionRequest,
} from "./schemas";
import type { z } from "zod";
import * as res from "./responses";
import type { Operation, ResponseSpec } from "../openapi/types";

const customerHeader = {
  customer_name:
    "The org's id. Required on every call, and it must name the org of the token or signed-in user: missing or different is 401.",
};
const unauthorized: ResponseSpec = {
  description: '{"msg": "Unauthorized"}: no customer_name header, no valid credential, or a customer_name (or body customer_id) of another org.',
  schema: res.maestroUnauthorizedResponse,
};
const refusal = (description: string): ResponseSpec => ({ description, schema: res.maestroRefusalResponse });
const notFound: ResponseSpec = {
  description: '{"detail": "pipeline_id <id> not found!!"}: no such pipeline visible to the caller (the id as written).',
  schema: res.maestroDetailResponse,
};
const ownerOnly: ResponseSpec = {
  description: "Only the pipeline's owner (or an org admin) may do this.",
  schema: res.maestroDetailResponse,
};

const pipelineId = 'The pipeline\'s id (uuid, with "-" or "_").';
const common = { tag: "Maestro", auth: "principal", headers: customerHeader, idKind: "asWritten", params: { id: pipelineId } } as const;

export const maestroOperations: Operation[] = [
  {
    ...common,
    method: "post",
    path: "/platform/pipeline",
    operationId: "maestroCreatePipeline",
    summary: "Create a pipeline (Maestro)",
    description: "The same pipeline as §1's, with its jobs in order. `id` is checked for form only: the server chooses the id.",
    body: { schema: createPipelineRequest, required: true },
    responses: {
      201: { description: "Created.", schema: res.maestroPipelineAnswer },
      400: refusal("ValidationError: an invalid field, a name in use, an invalid or too frequent cron, an unknown resource."),
      401: unauthorized,
    },
  },
  {
    ...common,
    method: "get",
    path: "/platform/pipelines",
    operationId: "maestroListPipelines",
    summary: "List pipelines (Maestro)",
    description: "A bare array, as Maestro answers; the total count is in the X-Total-Count header.",
    query: listPipelinesQuery,
    queryDocs: { page: "Page number, from 1 (default 1).", page_size: "Pipelines per page (default and at most 1000)." },
    responses: {
      200: { description: "The pipelines, with their jobs.", schema: res.maestroPipelineListResponse, headers: { "X-Total-Count": "Pipelines in all pages." } },
      400: refusal("ValidationError: page or page_size is not a positive integer in range."),
      401: unauthorized,
    },
  },
  {
    ...common,
    method: "get",
    path: "/platform/pipeline/{id}",
    operationId: "maestroGetPipeline",
    summary: "Retrieve a pipeline (Maestro)",
    description: "The pipeline with its jobs in Maestro's shape; `status` is \"active\" or \"paused\" (the same flag as §1's `active`), or \"error\" when its last run failed. The id may be written with \"-\" or \"_\".",
    responses: { 200: { description: "The pipeline and its jobs.", schema: res.maestroPipelineAnswer }, 401: unauthorized, 404: notFound },
  },
  {
    ...common,
    method: "delete",
    path: "/platform/pipeline/{id}",
    operationId: "maestroDeletePipeline",
    summary: "Delete a pipeline (Maestro)",
    description:
      "Removes in one transaction the pipeline, its jobs, job states, runs and schedule; keeps destination data, source data and resources. " +
      "A body is optional: `reason` goes to the audit log.",
    body: { schema: deletePipelineRequest },
    responses: {
      200: { description: "Deleted.", schema: res.maestroDeletedAnswer },
      401: unauthorized,
      403: ownerOnly,
      404: notFound,
      500: {
        description: '{"detail": "Unable to complete transaction due to database error"}: nothing was removed.',
        schema: res.maestroDetailResponse,
      },
    },
  },
  {
    ...common,
    method: "post",
    path: "/platform/pipeline/pause",
    operationId: "maestroPausePipeline",
    summary: "Pause a pipeline (Maestro)",
    description: "Suspends the schedule and manual runs; running executions continue. The same state as `active: false` in §1.",
    body: { schema: pipelineActionRequest, required: true },
    responses: {
      200: { description: '"Pipeline paused successfully".', schema: res.maestroActionAnswer },
      400: refusal("PipelineAlreadyPaused, or ValidationError."),
      401: unauthorized,
      403: ownerOnly,
      404: notFound,
    },
  },
  {
    ...common,
    method: "post",
    path: "/platform/pipeline/unpause",
    operationId: "maestroUnpausePipeline",
    summary: "Unpause a pipeline (Maestro)",
    description: "Resumes a paused pipeline: its schedule fires again and it may be executed. 400 PipelineNotPaused when it is not paused, and DecommissionInProgress while it is being deleted.",
    body: { schema: pipelineActionRequest, required: true },
    responses: {
      200: { description: '"Pipeline unpaused successfully".', schema: res.maestroActionAnswer },
      400: refusal("PipelineNotPaused, or ValidationError."),
      401: unauthorized,
      403: ownerOnly,
      404: notFound,
    },
  },
  {
    ...common,
    method: "post",
    path: "/platform/pipeline/execute",
    operationId: "maestroExecutePipeline",
    summary: "Execute a pipeline (Maestro)",
    description: "Starts a run now, whatever the schedule.",
    body: { schema: executePipelineRequest, required: true },
    responses: {
      200: { description: '"Pipeline execution triggered successfully", with the run id.', schema: res.maestroExecuteAnswer },
      400: refusal("PipelinePaused, CannotStartWhileClearingStorage, or ValidationError."),
      401: unauthorized,
      404: notFound,
    },
  },
  {
    ...common,
    method: "get",
    path: "/platform/pipeline/{id}/pipeline_run/{run_id}",
    operationId: "maestroGetPipelineRun",
    summary: "Retrieve a run (Maestro)",
    description: "One run of the pipeline, with its status, timings and counts of records moved and failed.",
    params: { id: pipelineId, run_id: 'The run\'s id (uuid, with "-" or "_").' },
    responses: {
      200: { description: "The run.", schema: res.maestroRunResponse },
      401: unauthorized,
      404: { description: "No such pipeline, or no such run of it (the id as written).", schema: res.maestroDetailResponse },
    },
  },
];

/** The schemas of §2 the document names in components.schemas: answers (output side)… */
export const maestroResponseComponents: Record<string, z.ZodType> = {
  MaestroJob: res.maestroJobResponse,
  MaestroPipeline: res.maestroPipelineResponse,
  MaestroPipelineAnswer: res.maestroPipelineAnswer,
  MaestroPipelineListItem: res.maestroPipelineListItem,
  MaestroPipelineList: res.maestroPipelineListResponse,
  MaestroActionAnswer: res.maestroActionAnswer,
  MaestroExecuteAnswer: res.maestroExecuteAnswer,
  MaestroDeletedAnswer: res.maestroDeletedAnswer,
  MaestroRun: res.maestroRunResponse,
  MaestroUnauthorized: res.maestroUnauthorizedResponse,
  MaestroDetail: res.maestroDetailResponse,
  MaestroRefusal: res.maestroRefusalResponse,
};

/** …and request bodies (input side). */
export const maestroRequestComponents: Record<string, z.ZodType> = {
  MaestroCreatePipelineRequest: createPipelineRequest,
  MaestroJobRequest: jobRequest,
  MaestroPipelineActionRequest: pipelineActionRequest,
  MaestroDeletePipelineRequest: deletePipelineRequest,
  MaestroExecuteRequest: executePipelineRequest,
};
