// A form's errors in one map, field path → message, from its zod schema (before sending) or
// from the API's {attr, detail} items (after): both name fields the same way, e.g. "jobs.0.source".
import type { z } from "zod";
import { ApiError, errorMessage } from "@/components/api-client";

export type FieldErrors = Record<string, string>;

export function zodFieldErrors(error: z.ZodError): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".") || "form";
    errors[path] ??= issue.message;
  }
  return errors;
}

/** The API's field errors, and the messages about no field this form shows. */
export function apiFieldErrors(error: unknown, fields: (path: string) => boolean): { fields: FieldErrors; general: string[] } {
  if (!(error instanceof ApiError) || error.errors.length === 0) return { fields: {}, general: [errorMessage(error)] };
  const result: { fields: FieldErrors; general: string[] } = { fields: {}, general: [] };
  for (const item of error.errors) {
    if (item.attr && fields(item.attr)) result.fields[item.attr] ??= item.detail;
    else result.general.push(item.detail);
  }
  return result;
}
