// Every operation we serve, one entry per method and path, with the schemas its handler parses
// and answers with. tests/openapi.test.ts checks this list against the route files both ways.
import { addMemberRequest, changeRoleRequest, createTokenRequest, issueTokenRequest } from "@/lib/api/schemas/auth";
import {
  createKeyRequest,
  createPipelineRequest,
  executeRequest,
  listExecutionsQuery,
  listPipelinesQuery,
  MAX_PAGE_SIZE,
  patchPipelineRequest,
  reasonBody,
  replacePipelineRequest,
  updateKeyRequest,
} from "@/lib/api/schemas/pipelines";
import * as res from "@/lib/api/schemas/responses";
import { z } from "@/lib/api/schemas/messages";
import { LAST_ADMIN_MESSAGE } from "@/lib/domain/members";
import { PIPELINE_ORDERINGS } from "@/lib/domain/pipelines";
import {
  credentialsSignInForm,
  csrfResponse,
  providersResponse,
  redirectResponse,
  sessionResponse,
  sessionUpdateRequest,
  signOutForm,
} from "./auth-js";
import { consoleOperations } from "./console-operations";
import { decommissionOperations } from "./decommission-operations";
import { maestroOperations } from "./maestro-operations";
import { resourceOperations } from "./resource-operations";
import { storageOperations } from "./storage-operations";
import type { Operation, ResponseSpec } from "./types";

export interface DocumentSettings {
  /** MIN_SCHEDULE_INTERVAL_SECONDS of this server. */
  minScheduleIntervalSeconds: number;
}

const error = (description: string): ResponseSpec => ({ description, schema: res.v1ErrorResponse });

const unauthenticated = error("No valid credential: no token or session, or the token is unknown, expired or revoked.");
const invalidBody = error("The body breaks a rule: each error names its field in `attr`.");
const badMediaType = error("A body that is not JSON (Content-Type other than application/json).");
const notMember = error("The org is not the caller's (an org's existence is not confirmed).");
const pipelineNotVisible = error("No such pipeline visible to the caller, or the org is not the caller's.");
const ownerOnly = error("Only the pipeline's owner (or an org admin) may do this.");
const keyHolders = error("Only the pipeline's owner, a user it is shared with, or an org admin manages its keys.");
const keyChangers = error(
  "Only the key's creator, the pipeline's owner or an org admin may change a key (one whose creator was deleted: the owner or an admin); " +
    "a user the pipeline is shared with may change only their own. Also: a member of a shared-to-org pipeline, who manages none of its keys.",
);
const adminOnly = error('"Admin access required": only org admins manage members.');
const lastAdminDoc = `"${LAST_ADMIN_MESSAGE}"`;
const noSuchMember = error("No such member (or not a uuid), or the org is not the caller's.");
const noContent: ResponseSpec = { description: "Done; no body." };
const openApiShape = z
  .looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) })
  .describe("An OpenAPI 3.1 document.");
const eventStream = z.string().describe("`id: <n>`, `event: <kind>` and `data: <JSON>` lines, a blank line after each event.");

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
    (seconds > 60 ? "; so a minute field of `*` is always too frequent." : ".")
  );
}

function pipelineOperations({ minScheduleIntervalSeconds }: DocumentSettings): Operation[] {
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
        201: { description: "Created, with its API key shown this once.", schema: res.createdPipelineResponse },
        400: error(
          'Invalid body: "This pipeline name is already in use. Please select a different name.", "Invalid cron string format.", a schedule too frequent, an unknown timezone or shared user.',
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
      tag: "Pipelines",
      auth: "principal",
      params: pipelineIdParams,
      responses: {
        200: { description: "The pipeline.", schema: res.pipelineResponse },
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
        200: { description: "The updated pipeline.", schema: res.pipelineResponse },
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
      description: `Any subset of the fields. \`{"active": false}\` pauses the pipeline and its schedule; \`{"active": true}\` resumes both. ${schedule}`,
      tag: "Pipelines",
      auth: "principal",
      params: pipelineIdParams,
      body: { schema: patchPipelineRequest },
      responses: {
        200: { description: "The updated pipeline.", schema: res.pipelineResponse },
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
}

const accountOperations: Operation[] = [
  {
    method: "post",
    path: "/api/auth/token",
    operationId: "issueToken",
    summary: "Get a personal token with email and password",
    description:
      "For scripts: a personal token for one org, carrying the user's role there. The token is in this answer only (it is stored hashed). " +
      "Send it as `Authorization: Bearer <token>`.",
    tag: "Tokens",
    auth: "none",
    body: { schema: issueTokenRequest, required: true },
    responses: {
      201: { description: "The token, shown this once.", schema: res.signInTokenResponse },
      400: invalidBody,
      401: error('"Invalid email, password or organization." (one answer for all three).'),
      415: badMediaType,
      429: {
        ...error(
          "Too many failed attempts: 5 per client and email, or 50 per client, in 15 minutes (code `throttled`). Successful sign-ins never count; the wait is in Retry-After.",
        ),
        headers: { "Retry-After": "Seconds until an attempt is allowed again." },
      },
    },
  },
  {
    method: "get",
    path: "/api/v1/me",
    operationId: "getMe",
    summary: "Who am I",
    description: "The caller, their current org and role (a token's own org, or the session's current org), and every org they belong to.",
    tag: "Account",
    auth: "principal",
    responses: { 200: { description: "The caller.", schema: res.meResponse }, 401: unauthenticated },
  },
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/members",
    operationId: "listMembers",
    summary: "List members",
    description: "Every member may list the org's members (to share pipelines with them).",
    tag: "Members",
    auth: "principal",
    responses: {
      200: { description: "The members, by email.", schema: res.memberListResponse },
      401: unauthenticated,
      404: notMember,
    },
  },
  {
    method: "post",
    path: "/api/v1/orgs/{org_id}/members",
    operationId: "addMember",
    summary: "Add a member",
    description: "Adds an existing user by email, or creates the user with this name and password.",
    tag: "Members",
    auth: "principal",
    body: { schema: addMemberRequest, required: true },
    responses: {
      201: { description: "The new member.", schema: res.memberResponse },
      400: error('Invalid body, or "This user is already a member of this organization.".'),
      401: unauthenticated,
      403: adminOnly,
      404: notMember,
      415: badMediaType,
    },
  },
  {
    method: "patch",
    path: "/api/v1/orgs/{org_id}/members/{user_id}",
    operationId: "changeMemberRole",
    summary: "Change a member's role",
    description:
      "Makes a member an admin, or an admin a member (yourself included). The org's only admin cannot be demoted: make another member an admin first. " +
      "Asking for the role the member has changes nothing. The change and its `reason` go to the audit log (`member.role`, with `from` and `to`), " +
      "and the member's open event streams end so they reconnect with their new role.",
    tag: "Members",
    auth: "principal",
    body: { schema: changeRoleRequest, required: true },
    responses: {
      200: { description: "The member, with their role now.", schema: res.memberResponse },
      400: error(`Invalid body, or ${lastAdminDoc} (code LastAdmin, attr role).`),
      401: unauthenticated,
      403: adminOnly,
      404: noSuchMember,
      415: badMediaType,
    },
  },
  {
    method: "delete",
    path: "/api/v1/orgs/{org_id}/members/{user_id}",
    operationId: "removeMember",
    summary: "Remove a member",
    description: "Ends the member's access to the org: their tokens of this org stop working and their open event streams end. The org's only admin cannot be removed.",
    tag: "Members",
    auth: "principal",
    responses: {
      204: noContent,
      400: error(`${lastAdminDoc} (code LastAdmin, attr user_id).`),
      401: unauthenticated,
      403: adminOnly,
      404: noSuchMember,
    },
  },
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/events",
    operationId: "streamEvents",
    summary: "Stream live changes",
    description:
      "Server-Sent Events of committed changes the caller may see, in order: `event:` is the kind (pipeline, execution, storage, wrapper, resource, member) " +
      "and `data:` a JSON object with `kind`, `org_id`, the ids involved, what changed, and `at`. A comment line every 15 seconds keeps the connection open; " +
      "`retry: 3000` asks the browser to reconnect after 3 seconds. The stream ends right after an event that removes the caller from the org " +
      "or changes their role: a reconnection is authorised afresh.",
    tag: "Events",
    auth: "principal",
    responses: {
      200: { description: "An event stream that stays open.", schema: eventStream, mediaType: "text/event-stream" },
      401: unauthenticated,
      404: notMember,
    },
  },
  {
    method: "get",
    path: "/api/v1/orgs/{org_id}/tokens",
    operationId: "listTokens",
    summary: "List your tokens",
    description: "The caller's own personal tokens in this org, newest first; never the tokens themselves.",
    tag: "Tokens",
    auth: "principal",
    responses: {
      200: { description: "The caller's tokens.", schema: res.tokenListResponse },
      401: unauthenticated,
      404: notMember,
    },
  },
  {
    method: "post",
    path: "/api/v1/orgs/{org_id}/tokens",
    operationId: "createToken",
    summary: "Create a token",
    description: "The token is in this answer only: it is stored hashed and cannot be shown again.",
    tag: "Tokens",
    auth: "principal",
    body: { schema: createTokenRequest, required: true },
    responses: {
      201: { description: "The token, shown this once.", schema: res.issuedTokenResponse },
      400: invalidBody,
      401: unauthenticated,
      404: notMember,
      415: badMediaType,
    },
  },
  {
    method: "delete",
    path: "/api/v1/orgs/{org_id}/tokens/{id}",
    operationId: "revokeToken",
    summary: "Revoke a token",
    description: "Scripts using it get 401 from the next request on.",
    tag: "Tokens",
    auth: "principal",
    params: { id: "The token's id (uuid)." },
    responses: { 204: noContent, 401: unauthenticated, 404: error("No such token of the caller's in this org.") },
  },
];

// Served by Auth.js through app/api/auth/[...nextauth]; the ones a client of the console uses.
const sessionOperations: Operation[] = [
  {
    method: "get",
    path: "/api/auth/csrf",
    operationId: "getCsrfToken",
    summary: "Get a CSRF token",
    description: "Also sets the csrf cookie that the POSTs below must send back.",
    tag: "Session",
    auth: "none",
    responses: { 200: { description: "The token.", schema: csrfResponse } },
  },
  {
    method: "get",
    path: "/api/auth/providers",
    operationId: "listAuthProviders",
    summary: "List sign-in providers",
    tag: "Session",
    auth: "none",
    responses: { 200: { description: "Providers by id: here only `credentials` (email and password).", schema: providersResponse } },
  },
  {
    method: "post",
    path: "/api/auth/callback/credentials",
    operationId: "signIn",
    summary: "Sign in with email and password",
    description: "Sets the session cookie (next-auth.session-token; __Secure-next-auth.session-token over HTTPS). The session starts in the user's first org.",
    tag: "Session",
    auth: "none",
    body: { schema: credentialsSignInForm, mediaType: "application/x-www-form-urlencoded", required: true },
    responses: {
      302: {
        description: "Signed in: to callbackUrl; refused: to /login?error=CredentialsSignin. With json=true the target is in the body instead of Location.",
        schema: redirectResponse,
      },
      429: {
        description:
          "Too many failed attempts (5 per client and email, or 50 per client, in 15 minutes; successes never count): {url} naming /login?error=TooManyAttempts, and the wait in Retry-After.",
        schema: redirectResponse,
        headers: { "Retry-After": "Seconds until an attempt is allowed again." },
      },
    },
  },
  {
    method: "get",
    path: "/api/auth/session",
    operationId: "getSession",
    summary: "The current session",
    tag: "Session",
    auth: "session",
    responses: { 200: { description: "The session, or {} without one.", schema: sessionResponse } },
  },
  {
    method: "post",
    path: "/api/auth/session",
    operationId: "switchOrg",
    summary: "Switch the session's org",
    description: "Changes the org the console acts in; only to an org the user belongs to (checked on the server).",
    tag: "Session",
    auth: "session",
    body: { schema: sessionUpdateRequest, required: true },
    responses: {
      200: { description: "The session after the switch.", schema: sessionResponse },
      400: { description: "The CSRF token is missing or wrong (an empty body)." },
    },
  },
  {
    method: "post",
    path: "/api/auth/signout",
    operationId: "signOut",
    summary: "Sign out",
    description: "Clears the session cookie.",
    tag: "Session",
    auth: "session",
    body: { schema: signOutForm, mediaType: "application/x-www-form-urlencoded", required: true },
    responses: {
      302: { description: "Signed out: to callbackUrl. With json=true the target is in the body instead of Location.", schema: redirectResponse },
    },
  },
];

const serviceOperations: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Health check",
    description: "For load balancers and start scripts: answers whether the database does.",
    tag: "Service",
    auth: "none",
    responses: {
      200: { description: "Up: status \"ok\".", schema: res.healthResponse },
      503: { description: "The database does not answer: status \"unavailable\".", schema: res.healthResponse },
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "The OpenAPI 3.1 description of every route, generated from the schemas the handlers use.",
    tag: "Service",
    auth: "none",
    responses: { 200: { description: "An OpenAPI 3.1.0 document.", schema: openApiShape } },
  },
];

const CROSS_SITE =
  "Cross-site request refused: a change made with the session cookie must carry this site's own Origin (or, without Origin, Referer). Bearer-token calls are not checked.";

/**
 * Every change a session cookie may make can also be refused as cross-site: say so, in the
 * surface's shape for a 403 (the 401's, except Maestro, whose 401 alone is {"msg"}).
 */
function withCrossSiteRefusal(op: Operation): Operation {
  const unauthenticatedSpec = op.responses[401];
  if (op.auth !== "principal" || op.method === "get" || !unauthenticatedSpec) return op;
  const existing = op.responses[403];
  const forbiddenSpec: ResponseSpec = existing
    ? { ...existing, description: `${existing.description} Also: ${CROSS_SITE}` }
    : { description: CROSS_SITE, schema: op.tag === "Maestro" ? res.maestroDetailResponse : unauthenticatedSpec.schema };
  return { ...op, responses: { ...op.responses, 403: forbiddenSpec } };
}

export function apiOperations(settings: DocumentSettings): Operation[] {
  return [...pipelineOperations(settings), ...consoleOperations, ...decommissionOperations, ...maestroOperations, ...storageOperations, ...resourceOperations, ...accountOperations, ...sessionOperations, ...serviceOperations].map(withCrossSiteRefusal);
}
