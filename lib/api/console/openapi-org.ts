// The org-level routes the console reads besides §1: runs across pipelines, their logs, the
// audit log, what a delete would remove and which pipelines use a connection. Same auth and
// error dialect as /api/v1.
import type { z } from "zod";
import { reasonBody } from "../common-schemas";
import type { Operation } from "../openapi/types";
import { error, unauthenticated } from "../unstract/openapi-errors";
import { executionResponse } from "../unstract/responses";
import * as res from "./responses-org";
import { auditQuery, logsQuery, orgExecutionsQuery } from "./schemas-org";

const notMember = error("The org is not the caller's.");
const executionNotVisible = error("No such run of a pipeline the caller may see, or the org is not the caller's.");
const executionParams = { id: "The run's id (uuid)." };
const cursorDoc = "The `next_cursor` or `previous_cursor` of an earlier answer.";

export const orgOperations: Operation[] = [
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/executions",
    operationId: "listOrgExecutions",
    summary: "List runs across pipelines",
    description: "Runs of every pipeline the caller may see, newest first, paged by keyset cursor.",
    tag: "Executions",
    auth: "principal",
    query: orgExecutionsQuery,
    queryDocs: {
      limit: "Runs per page (default 50, at most 200).",
      cursor: cursorDoc,
      pipeline_id: "Only this pipeline's runs.",
      status: "One status or several, comma-separated: PENDING,EXECUTING.",
      triggered_by: "Only runs started this way: schedule, user or api_key.",
      start_date: "Runs created at or after this date (a day from its start, UTC) or date-time.",
      end_date: "Runs created at or before this date (a day to its end, UTC) or date-time.",
    },
    responses: {
      200: { description: "One page of runs.", schema: res.orgExecutionListResponse },
      400: error("A filter or cursor is not valid."),
      401: unauthenticated,
      404: notMember,
    },
  },
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/executions/{id}",
    operationId: "getOrgExecution",
    summary: "Retrieve a run",
    description: "One run of a pipeline the caller may see, with its counts, timings, error and who started it (`triggered_by`); a run of a pipeline the caller may not see is a 404.",
    tag: "Executions",
    auth: "principal",
    params: executionParams,
    responses: { 200: { description: "The run.", schema: res.orgExecutionResponse }, 401: unauthenticated, 404: executionNotVisible },
  },
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/executions/{id}/logs",
    operationId: "getExecutionLogs",
    summary: "Read a run's log",
    description: "Lines in order. Poll with `after` set to the last line's id to get only new ones.",
    tag: "Executions",
    auth: "principal",
    params: executionParams,
    query: logsQuery,
    queryDocs: { after: "Only lines with a greater id (default 0: from the start).", limit: "Lines per answer (default 500, at most 1000)." },
    responses: {
      200: { description: "The run's status and its log lines.", schema: res.executionLogsResponse },
      400: error("`after` or `limit` is not a whole number."),
      401: unauthenticated,
      404: executionNotVisible,
    },
  },
  {
    method: "post",
    path: "/api/v1/orgs/{org_id}/executions/{id}/stop",
    operationId: "stopExecution",
    summary: "Stop a run",
    description:
      "A PENDING run stops at once (200, STOPPED); an EXECUTING one stops at its worker's next batch (202, still EXECUTING). A finished run is answered as it is. " +
      "The body is optional: `reason` goes to the audit log.",
    tag: "Executions",
    auth: "principal",
    params: executionParams,
    body: { schema: reasonBody },
    responses: {
      200: { description: "Stopped, or already finished.", schema: executionResponse },
      202: { description: "Stopping: the run ends STOPPED at its next batch.", schema: executionResponse },
      400: error("The body breaks a rule."),
      401: unauthenticated,
      403: error("Only the pipeline's owner (or an org admin) stops its runs."),
      404: executionNotVisible,
      415: error("A body that is not JSON."),
    },
  },
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/pipelines/{id}/deletion-impact",
    operationId: "getDeletionImpact",
    summary: "What deleting a pipeline would remove",
    description: "Counts of what a delete removes with the pipeline, and the resources and destination tables that stay.",
    tag: "Pipelines",
    auth: "principal",
    params: { id: "The pipeline's id (uuid)." },
    responses: {
      200: { description: "What goes and what stays.", schema: res.deletionImpactResponse },
      401: unauthenticated,
      404: error("No such pipeline visible to the caller, or the org is not the caller's."),
    },
  },
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/resources/{id}/usage",
    operationId: "getResourceUsage",
    summary: "Which pipelines use a connection",
    description:
      "The pipelines whose jobs read from (`source`) or write to (`destination`) this connection: those the caller may see by name with their jobs, " +
      "the others only counted in `hidden_pipelines`. Ask before deleting it: a delete is allowed, and those jobs then fail their pipelines' runs " +
      "until they point at another connection.",
    tag: "Resources",
    auth: "principal",
    idKind: "objectId",
    params: { id: "The connection's id: a 24-hex ObjectId; anything else is a 404." },
    responses: {
      200: { description: "The pipelines using it.", schema: res.resourceUsageResponse },
      401: unauthenticated,
      404: error('"Resource not found": no live connection with this id in the org, a malformed id, or the org is not the caller\'s.'),
    },
  },
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/audit",
    operationId: "listAuditEvents",
    summary: "Read the audit log",
    description: "Newest first, paged by keyset cursor. Admins read the whole org's log; members read their own actions.",
    tag: "Account",
    auth: "principal",
    query: auditQuery,
    queryDocs: {
      limit: "Events per page (default 50, at most 200).",
      cursor: cursorDoc,
      actor: "Only events by this email or user id.",
      action: "Only this action, e.g. pipeline.delete.",
      object_type: "Only events about this kind of object, e.g. pipeline.",
      object_id: "Only events about this object.",
    },
    responses: {
      200: { description: "One page of events.", schema: res.auditListResponse },
      400: error("A filter or cursor is not valid."),
      401: unauthenticated,
      404: notMember,
    },
  },
];

/** The schemas of these operations the document names in components.schemas. */
export const orgResponseComponents: Record<string, z.ZodType> = {
  OrgExecution: res.orgExecutionResponse,
  OrgExecutionList: res.orgExecutionListResponse,
  ExecutionLogs: res.executionLogsResponse,
  AuditEvent: res.auditEventResponse,
  AuditEventList: res.auditListResponse,
  DeletionImpact: res.deletionImpactResponse,
  ResourceUsage: res.resourceUsageResponse,
};
