// The storage dialect maps every domain refusal to {message, error_code, details}: the rule a
// domain error names becomes error_code. Errors no route of §3 can provoke today
// (InvalidStorageStatusTransition is guarded by the clear's own checks) are checked here.
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { storageDialect } from "@/lib/api/storage/dialect";
import { DomainError } from "@/lib/domain/errors";
import { cannotStartWhileClearing } from "@/lib/domain/executions";
import { assertStorageTransition, unknownPipelineName } from "@/lib/domain/storage";

const bodyOf = async (res: Response) => ({ status: res.status, body: (await res.json()) as unknown });
const thrown = (work: () => void): unknown => {
  try {
    work();
  } catch (error) {
    return error;
  }
  throw new Error("did not throw");
};

describe("storageDialect", () => {
  it.each([
    ["InvalidStorageStatusTransition", thrown(() => assertStorageTransition("Cleared", "Clearing")), 400],
    ["CannotStartWhileClearingStorage", cannotStartWhileClearing(), 400],
    ["UnknownPipelineName", unknownPipelineName("x"), 404],
    ["Unauthorized", new DomainError("unauthenticated", "Invalid token."), 401],
    ["Forbidden", new DomainError("forbidden", "No."), 403],
    ["InvalidRequest", new DomainError("invalid", "Bad."), 400],
  ])("%s", async (code, error, status) => {
    const { status: got, body } = await bodyOf(storageDialect.errorResponse(error));
    expect(got).toBe(status);
    expect(body).toEqual({ message: expect.any(String), error_code: code, details: {} });
  });

  it("a validation error lists its issues in details", async () => {
    const parsed = z.object({ reason: z.string() }).safeParse({ reason: 1 });
    const { status, body } = await bodyOf(storageDialect.errorResponse(parsed.error));
    expect(status).toBe(400);
    expect(body).toMatchObject({ error_code: "InvalidRequest", details: { issues: [{ field: "reason" }] } });
  });

  it("anything else is a 500 InternalServerError that tells nothing of the cause", async () => {
    const { status, body } = await bodyOf(storageDialect.errorResponse(new Error("secret internals")));
    expect(status).toBe(500);
    expect(body).toEqual({ message: "An internal server error occurred.", error_code: "InternalServerError", details: {} });
  });
});
