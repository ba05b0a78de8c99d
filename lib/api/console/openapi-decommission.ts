// The server-side delete of pipelines (decommissions) and their configuration download and
// import. Same auth and error dialect as /api/v1.
import { reasonBody } from "../common-schemas";
import type { Operation } from "../openapi/types";
import { error, unauthenticated } from "../unstract/openapi-errors";
import * as res from "./responses-decommission";
import { bulkDecommissionRequest, decommissionRequest, importPipelineRequest } from "./schemas-decommission";
const notVisible = error("No such pipeline visible to the caller, or the org is not the caller's.");
const notOwner = error("The caller sees the pipeline but is neither its owner nor an org admin.");
const notJson = error("A body that is not JSON.");
const params = { id: "The pipeline's id (uuid)." };
const base = "/api/v1/orgs/{org_id}/pipelines";

const steps =
  "The worker pauses the pipeline (schedule off), stops its pending and executing runs (STOPPED, with a log line), clears its storage " +
  "with the clear's own progress, then deletes it with its jobs, runs, keys, shares and schedule in one transaction. Each step is audited " +
  "with the reason and who started it, and announced on the event stream (`decommission` events). The plan is kept in the database and " +
  "driven under a lease, so a worker that dies mid-way is taken over by another.";

export const decommissionOperations: Operation[] = [
  {
    method: "post",
    path: `${base}/{id}/decommission`,
    operationId: "startDecommission",
    summary: "Delete a pipeline on the server, step by step",
    description: `Starts a decommission, confirmed by the pipeline's exact name. ${steps} Asked again while one is under way, answers that one.`,
    tag: "Pipelines",
    auth: "principal",
    params,
    body: { schema: decommissionRequest, required: true },
    responses: {
      202: { description: "Started (or already under way): the plan.", schema: res.decommissionResponse },
      400: error("confirm_name is missing or is not the pipeline's name exactly (case kept, outer spaces aside)."),
      401: unauthenticated,
      403: notOwner,
      404: notVisible,
      415: notJson,
    },
  },
  {
    method: "get",
    path: `${base}/{id}/decommission`,
    operationId: "getDecommission",
    summary: "Where a pipeline's decommission stands",
    description: "The latest decommission of the pipeline, under way or ended. Once the pipeline is deleted, admins, its former owner and who started it still read it.",
    tag: "Pipelines",
    auth: "principal",
    params,
    responses: {
      200: { description: "The plan and its progress.", schema: res.decommissionResponse },
      401: unauthenticated,
      404: error("No such pipeline visible to the caller, or it never had a decommission."),
    },
  },
  {
    method: "delete",
    path: `${base}/{id}/decommission`,
    operationId: "cancelDecommission",
    summary: "Cancel a decommission before its delete step",
    description:
      "The pipeline stays paused; a storage clear already started runs to its end (a clear cannot be cancelled). Cancelling a cancelled plan answers it again. " +
      "The body is optional: `reason` goes to the audit log.",
    tag: "Pipelines",
    auth: "principal",
    params,
    body: { schema: reasonBody },
    responses: {
      200: { description: "Cancelled: the plan.", schema: res.decommissionResponse },
      400: error("The body breaks a rule."),
      401: unauthenticated,
      403: notOwner,
      404: error("No such pipeline visible to the caller, or it has no decommission."),
      409: error("Too late: the pipeline is being deleted, or the decommission has ended (DecommissionNotCancellable)."),
      415: notJson,
    },
  },
  {
    method: "post",
    path: `${base}/decommission`,
    operationId: "startBulkDecommission",
    summary: "Delete several pipelines on the server",
    description:
      `Confirmed by the phrase "delete N pipelines" (N = the number of ids; "delete 1 pipeline" for one). One result per id: accepted with its plan, ` +
      `or refused with why (not_found, forbidden), in which case nothing of that pipeline changes. ${steps}`,
    tag: "Pipelines",
    auth: "principal",
    body: { schema: bulkDecommissionRequest, required: true },
    responses: {
      202: { description: "One result per id.", schema: res.bulkDecommissionResponse },
      400: error("The phrase is not the expected one, or the ids are not a list of 1 to 500 uuids."),
      401: unauthenticated,
      404: error("The org is not the caller's."),
      415: notJson,
    },
  },
  {
    method: "get",
    path: `${base}/{id}/export`,
    operationId: "exportPipelineConfig",
    summary: "Download a pipeline's configuration",
    description:
      "Name, type, description, schedule, jobs (their connections by id and name, with their config) and sharing (by email), as a file that " +
      "`POST …/pipelines/import` takes back. Owner or org admin: a job's config may hold what others should not read.",
    tag: "Pipelines",
    auth: "principal",
    params,
    responses: {
      200: {
        description: "The configuration, as an attachment named {pipeline_name}.sluice.json.",
        schema: res.pipelineConfigResponse,
        headers: { "Content-Disposition": 'attachment; filename="{pipeline_name}.sluice.json"' },
      },
      401: unauthenticated,
      403: notOwner,
      404: notVisible,
    },
  },
  {
    method: "post",
    path: `${base}/import`,
    operationId: "importPipelineConfig",
    summary: "Create a pipeline from a configuration",
    description:
      "A new pipeline owned by the caller, created paused (nothing runs until it is resumed) and without API keys. Each job's connection is " +
      "the one with the same id if it still exists here, else the one live connection of that name and kind. Every conflict is reported at " +
      "once, each on its field (a taken name on pipeline_name, a missing connection on jobs.N.source). People in the sharing list who are " +
      "not members of this org are left out and named in skipped_shares.",
    tag: "Pipelines",
    auth: "principal",
    body: { schema: importPipelineRequest, required: true },
    responses: {
      201: { description: "The new, paused pipeline.", schema: res.importedPipelineResponse },
      400: error("The configuration is not valid, or conflicts with this org (each problem on its field)."),
      401: unauthenticated,
      404: error("The org is not the caller's."),
      415: notJson,
    },
  },
];
