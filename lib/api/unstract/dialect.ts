// The error dialect of §1 (seed 004) and of our own /api/v1 routes:
// {"type": "validation_error"|"client_error"|"server_error", "errors": [{code, detail, attr}]}.
import { ZodError } from "zod";
import { DomainError, InvalidFields, type DomainErrorCode } from "@/lib/domain/errors";
import { RequestRefused } from "../refusal";
import { REQUIRED } from "../messages";
import { logServerError, type Dialect } from "../dialect";

type ErrorType = "validation_error" | "client_error" | "server_error";
interface ErrorItem {
  code: string;
  detail: string;
  attr: string | null;
}

export function v1Error(status: number, type: ErrorType, errors: ErrorItem[]): Response {
  return Response.json({ type, errors }, { status });
}

const domainStatus: Record<DomainErrorCode, [number, ErrorType, string]> = {
  invalid: [400, "validation_error", "invalid"],
  conflict: [400, "client_error", "invalid"],
  too_late: [409, "client_error", "conflict"],
  unauthenticated: [401, "client_error", "not_authenticated"],
  forbidden: [403, "client_error", "permission_denied"],
  not_found: [404, "client_error", "not_found"],
  inactive: [422, "client_error", "inactive"],
};

export const v1Dialect: Dialect = {
  errorResponse(error) {
    if (error instanceof ZodError) {
      return v1Error(
        400,
        "validation_error",
        error.issues.map((issue) => ({
          code: isMissing(issue) ? "required" : "invalid",
          detail: issue.message,
          attr: issue.path.length ? issue.path.join(".") : null,
        })),
      );
    }
    if (error instanceof RequestRefused) {
      // DRF's codes; a body nested too deeply is a ParseError there too.
      const code = error.code === "too_deep" ? "parse_error" : error.code;
      const res = v1Error(error.status, "client_error", [{ code, detail: error.message, attr: null }]);
      for (const [name, value] of Object.entries(error.headers)) res.headers.set(name, value);
      return res;
    }
    if (error instanceof InvalidFields) {
      return v1Error(400, "validation_error", error.items.map((item) => ({ code: "invalid", detail: item.message, attr: item.field })));
    }
    if (error instanceof DomainError) {
      const [status, type, code] = domainStatus[error.code];
      return v1Error(status, type, [{ code: error.rule ?? code, detail: error.message, attr: error.field }]);
    }
    logServerError(error);
    return v1Error(500, "server_error", [{ code: "error", detail: "A server error occurred.", attr: null }]);
  },
};

function isMissing(issue: ZodError["issues"][number]): boolean {
  return (issue.code === "invalid_type" || issue.code === "invalid_value") && issue.message === REQUIRED;
}
