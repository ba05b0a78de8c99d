// The console's account operations: a sign-in token for scripts, the caller, members, personal
// tokens and the live event stream. In the §1 error dialect.
import { z } from "../messages";
import type { Operation } from "../openapi/types";
import { badMediaType, error, invalidBody, noContent, notMember, unauthenticated } from "../unstract/openapi-errors";
import { LAST_ADMIN_MESSAGE } from "@/lib/domain/members";
import * as res from "./responses-account";
import { addMemberRequest, changeRoleRequest, createTokenRequest, issueTokenRequest } from "./schemas-account";

const adminOnly = error('"Admin access required": only org admins manage members.');
const lastAdminDoc = `"${LAST_ADMIN_MESSAGE}"`;
const noSuchMember = error("No such member (or not a uuid), or the org is not the caller's.");
const eventStream = z.string().describe("`id: <n>`, `event: <kind>` and `data: <JSON>` lines, a blank line after each event.");

export const accountOperations: Operation[] = [
  {
    method: "post",
    path: "/api/auth/token",
    operationId: "issueToken",
    summary: "Get a personal token with email and password",
    description:
      "For scripts: a personal token for one org, carrying the user's role there. The token is in this answer only (it is stored hashed). " +
      "Send it as `Authorization: Bearer <token>`. It expires after `expires_in_days`, or this server's TOKEN_TTL_DAYS (90 by default) when that is " +
      'omitted or null; an expired token is answered 401 "Token expired.".',
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

/** The schemas of these operations (and of health) the document names in components.schemas. */
export const accountResponseComponents: Record<string, z.ZodType> = {
  Token: res.tokenResponse,
  IssuedToken: res.issuedTokenResponse,
  SignInToken: res.signInTokenResponse,
  TokenList: res.tokenListResponse,
  Member: res.memberResponse,
  MemberList: res.memberListResponse,
  Me: res.meResponse,
  Health: res.healthResponse,
};

export const accountRequestComponents: Record<string, z.ZodType> = {
  IssueTokenRequest: issueTokenRequest,
  CreateTokenRequest: createTokenRequest,
  AddMemberRequest: addMemberRequest,
  ChangeRoleRequest: changeRoleRequest,
};
