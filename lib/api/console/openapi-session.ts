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
    description: "Served by Auth.js. The console signs in with the credentials provider only; scripts use personal tokens (POST /api/auth/token) instead.",
    tag: "Session",
    auth: "none",
    responses: { 200: { description: "Providers by id: here only `credentials` (email and password).", schema: providersResponse } },
  },
  {
    method: "post",
    path: "/api/auth/callback/credentials",
    operationId: "signIn",
    summary: "Sign in with email and password",
    description:
      "Served by Auth.js. Sets the session cookie (next-auth.session-token; __Host-next-auth.session-token over HTTPS); the session starts in the user's first org. " +
      "Send json=true to get the outcome as a status and a JSON {url} (200 or 401) instead of a redirect.",
    tag: "Session",
    auth: "none",
    body: { schema: credentialsSignInForm, mediaType: "application/x-www-form-urlencoded", required: true },
    responses: {
      200: {
        description: "With json=true, signed in: the session cookie is set, and {url} is callbackUrl.",
        schema: redirectResponse,
      },
      302: {
        description:
          "Without json=true: signed in, to callbackUrl (the session cookie set); a wrong email or password, to /api/auth/error?error=CredentialsSignin.",
        headers: { Location: "Where to go next." },
      },
      401: {
        description: "With json=true, a wrong email or password: {url} naming /api/auth/error?error=CredentialsSignin; no cookie is set.",
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
    description: "Served by Auth.js: the signed-in user, the org the console acts in and when the session expires; {} without a session cookie.",
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
