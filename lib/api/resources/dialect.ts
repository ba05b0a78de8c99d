// The error dialect of the resources API (§4, seed 003, a FastAPI service): every error is
// {"detail": "..."}; request validation is 422 with pydantic's list form
// {"detail": [{"type", "loc", "msg"}]}; anything unexpected (the database failing) is
// 500 {"detail": "Internal server error"}, with the cause logged and never sent.
import { ZodError, type z } from "zod";
import { DomainError, type DomainErrorCode } from "@/lib/domain/errors";
import { parseJsonBody, parseQuery } from "../body";
import { RequestRefused } from "../refusal";
import { logServerError, type Dialect } from "../dialect";

type Location = "body" | "query" | "path";

/** pydantic's message for an absent field; the schemas of this surface use it. */
export const FIELD_REQUIRED = "Field required";

interface DetailItem {
  type: string;
  loc: (string | number)[];
  msg: string;
}

/** A request that failed its schema, with where the bad input was. */
export class RequestValidationError extends Error {
  constructor(readonly items: DetailItem[]) {
    super("Request validation failed");
  }
}

// zod's expected types in pydantic's names.
const TYPE_NAMES: Record<string, string> = { record: "dict_type", object: "dict_type", boolean: "bool_type", number: "int_type", int: "int_type" };

function typeOf(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case "invalid_type":
      // Issues do not carry their input; the schemas say "Field required" for an absent one.
      return issue.message === FIELD_REQUIRED ? "missing" : (TYPE_NAMES[issue.expected] ?? `${issue.expected}_type`);
    case "too_big":
      return issue.origin === "string" ? "string_too_long" : "less_than_equal";
    case "too_small":
      return issue.origin === "string" ? "string_too_short" : "greater_than_equal";
    case "invalid_value":
      return "enum";
    case "invalid_format":
      return issue.format === "regex" ? "int_parsing" : "value_error";
    default:
      return "value_error";
  }
}

function validationError(location: Location, error: ZodError): RequestValidationError {
  return new RequestValidationError(error.issues.map((issue) => ({ type: typeOf(issue), loc: [location, ...issue.path.map((p) => (typeof p === "number" ? p : String(p)))], msg: issue.message })));
}

/** The JSON body through `schema`; a schema failure becomes a 422 in this dialect's words. */
export async function resourceBody<T extends z.ZodType>(req: Request, schema: T): Promise<z.infer<T>> {
  try {
    return await parseJsonBody(req, schema);
  } catch (error) {
    if (error instanceof ZodError) throw validationError("body", error);
    throw error;
  }
}

export function resourceQuery<T extends z.ZodType>(req: Request, schema: T): z.infer<T> {
  try {
    return parseQuery(req, schema);
  } catch (error) {
    if (error instanceof ZodError) throw validationError("query", error);
    throw error;
  }
}

const detail = (status: number, message: string | DetailItem[], headers?: HeadersInit) =>
  Response.json({ detail: message }, { status, headers });

const domainStatus: Record<DomainErrorCode, number> = {
  invalid: 400,
  conflict: 409,
  too_late: 409,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  inactive: 422,
};

export const resourcesDialect: Dialect = {
  errorResponse(error) {
    if (error instanceof RequestValidationError) return detail(422, error.items);
    if (error instanceof ZodError) return detail(422, validationError("body", error).items);
    if (error instanceof RequestRefused) {
      // FastAPI reports JSON it cannot decode as a 422 validation error; every other refusal
      // (too deep, too large, media type, method) is a plain {"detail"} with its own status.
      if (error.code === "parse_error") return detail(422, [{ type: "json_invalid", loc: ["body", 0], msg: "JSON decode error" }]);
      return detail(error.status, error.message, error.headers);
    }
    if (error instanceof DomainError) {
      // A rule about one input field is a validation error (422) as pydantic would report it;
      // one about the request as a whole ("Invalid resource ID") is a plain 400.
      if (error.code === "invalid" && error.field) return detail(422, [{ type: "value_error", loc: ["body", error.field], msg: error.message }]);
      const headers = error.code === "unauthenticated" ? { "www-authenticate": "Bearer" } : undefined;
      return detail(domainStatus[error.code], error.message, headers);
    }
    logServerError(error);
    return detail(500, "Internal server error");
  },
};
