// The Auth.js (next-auth 4) endpoints a client of the console uses, documented though Auth.js
// serves them itself (app/api/auth/[...nextauth]).
import type { z } from "zod";
import type { Operation } from "../openapi/types";
import {
  credentialsSignInForm,
  csrfResponse,
  providersResponse,
  redirectResponse,
  sessionResponse,
  sessionUpdateRequest,
  signOutForm,
} from "./auth-js";

export const sessionOperations: Operation[] = [
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
    description: "Sets the session cookie (next-auth.session-token; __Host-next-auth.session-token over HTTPS). The session starts in the user's first org.",
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

/** The Auth.js answers the document names in components.schemas. */
export const sessionResponseComponents: Record<string, z.ZodType> = {
  Csrf: csrfResponse,
  Providers: providersResponse,
  Session: sessionResponse,
  Redirect: redirectResponse,
};
