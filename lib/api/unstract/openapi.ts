// The operations of §1 (Unstract-compatible paths with trailing slashes): pipelines, their
// executions and sharing. Keys and the public trigger are in ./openapi-keys.ts.
import type { z } from "zod";
import type { DocumentSettings, Operation } from "../openapi/types";
import { reasonBody } from "../common-schemas";
import { PIPELINE_ORDERINGS } from "@/lib/domain/pipelines";
import { badMediaType, error, invalidBody, noContent, notMember, pipelineNotVisible, unauthenticated } from "./openapi-errors";
import * as res from "./responses";
import {
  createKeyRequest,
  createPipelineRequest,
  executeRequest,
  listExecutionsQuery,
  listPipelinesQuery,
  MAX_PAGE_SIZE,
  patchPipelineRequest,
  replacePipelineRequest,
  updateKeyRequest,
} from "./schemas";

const ownerOnly = error("Only the pipeline's owner (or an org admin) may do this.");

const pipelineIdParams = { id: "The pipeline's id (uuid); any other value is a 404." };
const pagingDocs = {
  page: "Page number, from 1 (default 1). A page past the end, or not a positive integer, is a 404 \"Invalid page.\".",
  page_size: `Items per page (default 50, at most ${MAX_PAGE_SIZE}; larger values are capped).`,
  cursor:
    "Keyset paging: the `next_cursor` of a previous answer (or the cursor in its `next`/`previous` link). With a cursor, `page` is ignored and `next`/`previous` carry cursors, so pages stay stable while pipelines are added.",
};

function scheduleRule(seconds: number): string {
  const minutes = seconds / 60;
  const interval = seconds % 60 === 0 ? `${minutes} minute${minutes === 1 ? "" : "s"} (${seconds} seconds)` : `${seconds} seconds`;
  return (
    `\`cron_string\` is a five-field cron expression read in \`timezone\` (default UTC); null or "" removes the schedule. ` +
    `Runs closer together than this server's minimum interval, ${interval}, are refused with a message naming it ` +
    `(the setting MIN_SCHEDULE_INTERVAL_SECONDS, default 1800)` +
    (seconds > 60 ? "; so a minute field of `*` is always too frequent. " : ". ") +
    "A value outside its field's range is refused naming the field and the range (\"minute 61 is outside 0–59.\"; hour 0–23, " +
    "day of month 1–31, month 1–12, day of week 0–7, in lists, ranges and steps alike), and a cron that never fires is refused " +
    "(\"0 2 31 2 * never fires: February has no 31st.\"). Every field error of a body comes back at once, one `errors[]` entry each with its `attr`. " +
    "`timezone` is an IANA name; an old alias (Asia/Calcutta, Europe/Kiev, Etc/UTC) is accepted and stored and answered by its canonical name " +
    "(Asia/Kolkata, Europe/Kyiv, UTC); an unknown zone is a 400 on `timezone`."
  );
}

export function pipelineOperations({ minScheduleIntervalSeconds }: DocumentSettings): Operation[] {
  const base = "/api/v1/unstract/{org_id}";
  const schedule = scheduleRule(minScheduleIntervalSeconds);
  const orderings = PIPELINE_ORDERINGS.map((field) => `\`${field}\``).join(", ");
  return [
    {
      method: "get",
      path: `${base}/pipeline/`,
      operationId: "listPipelines",
      summary: "List pipelines",
      description:
        "Pipelines the caller owns, that are shared with them, or shared to the org (admins see all), paginated. " +
        "Page by number (`page`, `page_size`) or by keyset cursor (`cursor`, from `next_cursor`).",
      tag: "Pipelines",
      auth: "principal",
      query: listPipelinesQuery,
      queryDocs: {
        ...pagingDocs,
        type: "Only pipelines of this type.",
        search: "Case-insensitive match anywhere in the pipeline name.",
        ordering: `One of ${orderings}; prefix \`-\` for descending. Default: last_run_time descending with never-run pipelines last, then created_at descending.`,
      },
      responses: {
        200: { description: "One page of pipelines.", schema: res.pipelineListResponse },
        400: error("A filter, ordering or cursor is not valid."),
        401: unauthenticated,
        404: error("The page does not exist (\"Invalid page.\"), or the org is not the caller's."),
      },
    },
    {
      method: "post",
      path: `${base}/pipeline/`,
      operationId: "createPipeline",
      summary: "Create a pipeline",
      description:
        "Only `pipeline_name` is required (≤32 characters, unique in the org); `pipeline_type` defaults to DEFAULT. " +
        "The pipeline starts active, gets its schedule when `cron_string` is given, and gets one API key, " +
        '"API Key for {pipeline_name}". The key is in `api_key.api_key` of this answer only: keys are stored hashed, ' +
        "so later reads show `api_key: null` and `api_key_prefix`. " +
        schedule,
      tag: "Pipelines",
      auth: "principal",
      body: { schema: createPipelineRequest, required: true },
      responses: {
        201: { description: "Created, with its jobs (as a retrieve shows them) and its API key, shown this once.", schema: res.createdPipelineResponse },
        400: error(
          'Invalid body, every field at fault at once: "This pipeline name is already in use. Please select a different name.", "Invalid cron string format.", a cron value out of its field\'s range, a cron that never fires, a schedule too frequent, an unknown timezone or shared user.',
        ),
        401: unauthenticated,
        404: notMember,
        415: badMediaType,
      },
    },
    {
      method: "post",
      path: `${base}/pipeline/execute/`,
      operationId: "executePipeline",
      summary: "Execute a pipeline",
      description:
        "Starts a run now. run_count goes up at once; last_run_status reads RESTARTING, then INPROGRESS, then SUCCESS or FAILURE, " +
        "and last_run_time is set when the run ends. Sending the same `execution_id` again starts no second run.",
      tag: "Executions",
      auth: "principal",
      body: { schema: executeRequest, required: true },
      responses: {
        200: { description: "The run was queued.", schema: res.executeResponse },
        400: error('"Invalid pipeline ID" (unknown or not visible), an execution_id of another pipeline, or storage being cleared (CannotStartWhileClearingStorage).'),
        401: unauthenticated,
        404: notMember,
        415: badMediaType,
        422: error("\"Pipeline '{name}' is inactive, please activate the pipeline\"."),
      },
    },
    {
      method: "get",
      path: `${base}/pipeline/{id}/`,
      operationId: "getPipeline",
      summary: "Retrieve a pipeline",
      description: "The pipeline with its schedule, last runs (`last_5_run_statuses`, oldest first), storage status, pause details and jobs. A pipeline the caller may not see is a 404.",
      tag: "Pipelines",
      auth: "principal",
      params: pipelineIdParams,
      responses: {
        200: { description: "The pipeline with its jobs (our addition: connections by name, state).", schema: res.pipelineDetailResponse },
        401: unauthenticated,
        404: pipelineNotVisible,
      },
    },
    {
      method: "put",
      path: `${base}/pipeline/{id}/`,
      operationId: "replacePipeline",
      summary: "Update a pipeline",
      description: `\`pipeline_name\` is required, as at creation; fields left out keep their value. ${schedule}`,
      tag: "Pipelines",
      auth: "principal",
      params: pipelineIdParams,
      body: { schema: replacePipelineRequest, required: true },
      responses: {
        200: { description: "The updated pipeline with its jobs.", schema: res.pipelineDetailResponse },
        400: invalidBody,
        401: unauthenticated,
        403: ownerOnly,
        404: pipelineNotVisible,
        415: badMediaType,
      },
    },
    {
      method: "patch",
      path: `${base}/pipeline/{id}/`,
      operationId: "patchPipeline",
      summary: "Partly update, pause or resume a pipeline",
      description: `Any subset of the fields. \`{"active": false}\` pauses the pipeline and its schedule; \`{"active": true}\` resumes both. Our addition: \`jobs\` replaces the pipeline's jobs with the ordered list given (items with an \`id\` keep that job and its state, items without are new, jobs left out are removed), in one transaction with the other fields; a connection that is not a live source (or destination) of this organization is a 400 on \`jobs.{index}.source\` (or \`.destination\`), an id that is not one of its jobs a 400 on \`jobs.{index}.id\`. ${schedule}`,
      tag: "Pipelines",
      auth: "principal",
      params: pipelineIdParams,
      body: { schema: patchPipelineRequest },
      responses: {
        200: { description: "The updated pipeline with its jobs.", schema: res.pipelineDetailResponse },
        400: invalidBody,
        401: unauthenticated,
        403: ownerOnly,
        404: pipelineNotVisible,
        415: badMediaType,
      },
    },
    {
      method: "delete",
      path: `${base}/pipeline/{id}/`,
      operationId: "deletePipeline",
      summary: "Delete a pipeline",
      description: "Removes the pipeline with its schedule, runs and keys. The body is optional: `reason` goes to the audit log.",
      tag: "Pipelines",
      auth: "principal",
      params: pipelineIdParams,
      body: { schema: reasonBody },
      responses: { 204: noContent, 400: invalidBody, 401: unauthenticated, 403: ownerOnly, 404: pipelineNotVisible, 415: badMediaType },
    },
    {
      method: "get",
      path: `${base}/pipeline/{id}/executions/`,
      operationId: "listPipelineExecutions",
      summary: "List a pipeline's executions",
      description: "Newest first, paginated by page number or keyset cursor (`cursor`, from `next_cursor`). Owner (or org admin) only, as documented.",
      tag: "Executions",
      auth: "principal",
      params: pipelineIdParams,
      query: listExecutionsQuery,
      queryDocs: {
        ...pagingDocs,
        start_date: "Runs created at or after this date (YYYY-MM-DD: from the start of that day, UTC) or date-time.",
        end_date: "Runs created at or before this date (YYYY-MM-DD: to the end of that day, UTC) or date-time.",
        status: "Only runs in this status.",
      },
      responses: {
        200: { description: "One page of executions.", schema: res.executionListResponse },
        400: error("A filter or cursor is not valid."),
        401: unauthenticated,
        403: ownerOnly,
        404: error("No such pipeline visible to the caller, or the page does not exist (\"Invalid page.\")."),
      },
    },
    {
      method: "get",
      path: `${base}/pipeline/{id}/users/`,
      operationId: "getPipelineSharing",
      summary: "Who a pipeline is shared with",
      description: "The owner, the users the pipeline is shared with by name, and whether it is shared to the whole org.",
      tag: "Pipelines",
      auth: "principal",
      params: pipelineIdParams,
      responses: {
        200: { description: "The owner, the users it is shared with, and shared_to_org.", schema: res.sharingResponse },
        401: unauthenticated,
        404: pipelineNotVisible,
      },
    },
    {
      method: "get",
      path: `${base}/pipeline/api/postman_collection/{id}/`,
      operationId: "downloadPostmanCollection",
      summary: "Download the Postman collection",
      description:
        "A Postman v2.1 collection with one request, \"Process pipeline\", that triggers the pipeline. " +
        "Keys are stored hashed, so the collection carries a variable `api_key` to fill in with the key shown at its creation.",
      tag: "Pipeline keys",
      auth: "principal",
      params: pipelineIdParams,
      responses: {
        200: {
          description: "The collection, as an attachment named {pipeline_name}.json.",
          schema: res.postmanCollectionResponse,
          headers: { "Content-Disposition": 'attachment; filename="{pipeline_name}.json"' },
        },
        400: error("The pipeline has no active API key (no_active_api_key)."),
        401: unauthenticated,
        404: pipelineNotVisible,
      },
    },
  ];
}

/** The schemas of §1 the document names in components.schemas: answers (output side)… */
export const unstractResponseComponents: Record<string, z.ZodType> = {
  Pipeline: res.pipelineResponse,
  PipelineDetail: res.pipelineDetailResponse,
  PipelineJob: res.jobResponse,
  CreatedPipeline: res.createdPipelineResponse,
  PipelineList: res.pipelineListResponse,
  RecentRun: res.recentRunResponse,
  PipelineSharing: res.sharingResponse,
  Execution: res.executionResponse,
  ExecutionList: res.executionListResponse,
  ExecuteResponse: res.executeResponse,
  PipelineKey: res.keyResponse,
  PipelineKeyList: res.keyListResponse,
  TriggerResponse: res.triggerResponse,
  PostmanCollection: res.postmanCollectionResponse,
};

/** …and request bodies as clients send them (input side: defaults make a field optional). */
export const unstractRequestComponents: Record<string, z.ZodType> = {
  CreatePipelineRequest: createPipelineRequest,
  ReplacePipelineRequest: replacePipelineRequest,
  PatchPipelineRequest: patchPipelineRequest,
  ExecuteRequest: executeRequest,
  ReasonRequest: reasonBody,
  CreateKeyRequest: createKeyRequest,
  UpdateKeyRequest: updateKeyRequest,
};
