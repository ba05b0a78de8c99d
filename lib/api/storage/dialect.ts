// The error dialect of §3 (storage, seed 002): every error is {message, error_code, details},
// error_code naming the rule (UnknownPipelineName, StorageStatusImmutableUnlessStopped,
// InvalidStorageStatusTransition, CannotStartWhileClearingStorage, Unauthorized, ...).
import { ZodError } from "zod";
import { DomainError, type DomainErrorCode } from "@/lib/domain/errors";
import { MAX_BODY_BYTES } from "../body-limits";
import { RequestRefused } from "../refusal";
import { logServerError, type Dialect } from "../dialect";
import { DetailedError } from "./errors";

export function storageError(status: number, errorCode: string, message: string, details: Record<string, unknown> = {}): Response {
  return Response.json({ message, error_code: errorCode, details }, { status });
}

// Status and error_code of a domain error that names no rule of its own.
const byCode: Record<DomainErrorCode, [number, string]> = {
  invalid: [400, "InvalidRequest"],
  conflict: [400, "Conflict"],
  too_late: [409, "Conflict"],
  unauthenticated: [401, "Unauthorized"],
  forbidden: [403, "Forbidden"],
  not_found: [404, "NotFound"],
  inactive: [400, "PipelineInactive"],
};

function domainResponse(error: DomainError, details: Record<string, unknown>): Response {
  const [status, fallback] = byCode[error.code];
  // 401 is always "Unauthorized", whatever the credential's failure was.
  const code = error.code === "unauthenticated" ? fallback : (error.rule ?? fallback);
  return storageError(status, code, error.message, details);
}

function refusalResponse(error: RequestRefused): Response {
  const res =
    error.code === "request_too_large"
      ? storageError(413, "RequestTooLarge", error.message, { limit_bytes: MAX_BODY_BYTES })
      : error.code === "method_not_allowed"
        ? storageError(405, "MethodNotAllowed", error.message, { allowed: error.headers.Allow ?? "" })
        : storageError(error.status, "InvalidRequest", error.message);
  for (const [name, value] of Object.entries(error.headers)) res.headers.set(name, value);
  return res;
}

export const storageDialect: Dialect = {
  errorResponse(error) {
    if (error instanceof DetailedError) return domainResponse(error.error, error.details);
    if (error instanceof DomainError) return domainResponse(error, {});
    if (error instanceof ZodError) {
      const issues = error.issues.map((issue) => ({ field: issue.path.join("."), message: issue.message }));
      return storageError(400, "InvalidRequest", issues[0]?.message ?? "Invalid request.", { issues });
    }
    if (error instanceof RequestRefused) return refusalResponse(error);
    logServerError(error);
    return storageError(500, "InternalServerError", "An internal server error occurred.");
  },
};
