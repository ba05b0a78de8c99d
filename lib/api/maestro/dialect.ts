// The error dialect of §2 (Maestro, seeds 000/001):
//   401 {"msg": "Unauthorized"}
//   404 {"detail": "pipeline_id <id> not found!!"} (and other not-founds as {"detail"})
//   400 {"status": false, "error": "<RuleName>", "detail": "<message>"} for every refusal of a
//       request or of a state (PipelineAlreadyPaused, PipelineNotPaused, PipelinePaused, ...)
//   500 {"detail": "Unable to complete transaction due to database error"}
import { ZodError } from "zod";
import { DomainError, type DomainErrorCode } from "@/lib/domain/errors";
import { RequestRefused, type RefusalCode } from "../refusal";
import { logServerError, type Dialect } from "../dialect";
import { isDatabaseFailure } from "./database-failure";

export const DATABASE_FAILURE = "Unable to complete transaction due to database error";

export const maestroUnauthorized = () => Response.json({ msg: "Unauthorized" }, { status: 401 });

export function maestroRefusal(status: number, error: string, detail: string): Response {
  return Response.json({ status: false, error, detail }, { status });
}

// The rule name a refusal carries when the domain gives none.
const fallbackRule: Record<Exclude<DomainErrorCode, "unauthenticated" | "not_found" | "forbidden">, string> = {
  invalid: "ValidationError",
  conflict: "Conflict",
  too_late: "Conflict",
  // Maestro's own name for "cannot execute a paused pipeline".
  inactive: "PipelinePaused",
};

// A request refused before the domain: a body it cannot read is a ValidationError like any other.
const refusalName: Record<RefusalCode, string> = {
  parse_error: "ValidationError",
  too_deep: "ValidationError",
  unsupported_media_type: "ValidationError",
  request_too_large: "RequestTooLarge",
  method_not_allowed: "MethodNotAllowed",
};

function domainResponse(error: DomainError): Response {
  switch (error.code) {
    case "unauthenticated":
      return maestroUnauthorized();
    case "not_found":
      return Response.json({ detail: error.message }, { status: 404 });
    case "forbidden":
      return Response.json({ detail: error.message }, { status: 403 });
    default:
      return maestroRefusal(400, error.rule ?? fallbackRule[error.code], error.message);
  }
}

/** "name: This field is required." — the first issue, with where it is. */
function zodDetail(error: ZodError): string {
  return error.issues.map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message)).join(" ");
}

export const maestroDialect: Dialect = {
  errorResponse(error) {
    if (error instanceof ZodError) return maestroRefusal(400, "ValidationError", zodDetail(error));
    if (error instanceof RequestRefused) {
      const res = maestroRefusal(error.status, refusalName[error.code], error.message);
      for (const [name, value] of Object.entries(error.headers)) res.headers.set(name, value);
      return res;
    }
    if (error instanceof DomainError) return domainResponse(error);
    logServerError(error);
    if (isDatabaseFailure(error)) return Response.json({ detail: DATABASE_FAILURE }, { status: 500 });
    return Response.json({ detail: "Internal server error" }, { status: 500 });
  },
};
