// How the OpenAPI document describes answers in the §1 error dialect ({type, errors}), which the
// console's own /api/v1 routes share.
import type { z } from "zod";
import type { ResponseSpec } from "../openapi/types";
import { v1ErrorResponse } from "./responses";

export const error = (description: string): ResponseSpec => ({ description, schema: v1ErrorResponse });

export const unauthenticated = error("No valid credential: no token or session, or the token is unknown, expired or revoked.");
export const invalidBody = error("The body breaks a rule: each error names its field in `attr`.");
export const badMediaType = error("A body that is not JSON (Content-Type other than application/json).");
export const notMember = error("The org is not the caller's (an org's existence is not confirmed).");
export const pipelineNotVisible = error("No such pipeline visible to the caller, or the org is not the caller's.");
export const noContent: ResponseSpec = { description: "Done; no body." };

/** The error body, named in components.schemas. */
export const errorComponents: Record<string, z.ZodType> = { Error: v1ErrorResponse };
