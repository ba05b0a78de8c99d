// The one error type the domain throws. Each surface maps a code to its own status and body.
export type DomainErrorCode =
  | "invalid" // the input breaks a rule (400)
  | "unauthenticated" // no valid credential (401)
  | "forbidden" // known principal, not allowed (403)
  | "not_found" // absent, or in another org, or not visible to the principal (404)
  | "conflict" // the current state forbids it (400 or 409 by dialect)
  | "too_late" // the work has gone past the point where this was possible (409)
  | "inactive"; // the pipeline is paused (422 in §1)

export class DomainError extends Error {
  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** The input field at fault, when there is one. */
    readonly field: string | null = null,
    /** A machine-readable name of the rule broken (e.g. PipelineAlreadyPaused). */
    readonly rule: string | null = null,
  ) {
    super(message);
    this.name = "DomainError";
  }
}

export const notFound = (message = "Not found.") => new DomainError("not_found", message);
export const forbidden = (message = "You do not have permission to perform this action.") =>
  new DomainError("forbidden", message);
export const invalid = (message: string, field: string | null = null, rule: string | null = null) =>
  new DomainError("invalid", message, field, rule);

/** Several fields wrong at once: every one is reported, each with its field. */
export class InvalidFields extends DomainError {
  constructor(readonly items: { message: string; field: string | null }[]) {
    const first = items[0] ?? { message: "Invalid input.", field: null };
    super("invalid", first.message, first.field);
  }
}
