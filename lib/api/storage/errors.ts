// A domain refusal with the details §3 attaches to it (`details` is determined by error_code).
import type { DomainError } from "@/lib/domain/errors";

export class DetailedError extends Error {
  constructor(
    readonly error: DomainError,
    readonly details: Record<string, unknown>,
  ) {
    super(error.message);
    this.name = "DetailedError";
  }
}
