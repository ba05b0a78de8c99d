// The surfaces the OpenAPI document describes: each surface's operations and named schemas (in
// its own openapi.ts), gathered in the document's order. tests/openapi.test.ts checks the
// operations against the route files both ways.
import type { z } from "zod";
import { accountOperations, accountRequestComponents, accountResponseComponents } from "../console/openapi-account";
import { decommissionOperations } from "../console/openapi-decommission";
import { orgOperations, orgResponseComponents } from "../console/openapi-org";
import { overviewOperations, overviewResponseComponents } from "../console/openapi-overview";
import { serviceOperations } from "../console/openapi-service";
import { sessionOperations, sessionResponseComponents } from "../console/openapi-session";
import { maestroOperations, maestroRequestComponents, maestroResponseComponents } from "../maestro/openapi";
import { maestroDetailResponse } from "../maestro/responses";
import { resourceOperations, resourceRequestComponents, resourceResponseComponents } from "../resources/openapi";
import { storageOperations, storageRequestComponents, storageResponseComponents } from "../storage/openapi";
import { pipelineOperations, unstractRequestComponents, unstractResponseComponents } from "../unstract/openapi";
import { errorComponents } from "../unstract/openapi-errors";
import { keyOperations } from "../unstract/openapi-keys";
import type { DocumentSettings, Operation, ResponseSpec } from "./types";

/** Answers as the handlers write them (output side), by the name the document gives them. */
export const responseComponents: Record<string, z.ZodType> = {
  ...unstractResponseComponents,
  ...accountResponseComponents,
  ...errorComponents,
  ...orgResponseComponents,
  ...overviewResponseComponents,
  ...maestroResponseComponents,
  ...storageResponseComponents,
  ...resourceResponseComponents,
  ...sessionResponseComponents,
};

/** Request bodies as clients send them (input side: defaults make a field optional). */
export const requestComponents: Record<string, z.ZodType> = {
  ...unstractRequestComponents,
  ...accountRequestComponents,
  ...maestroRequestComponents,
  ...storageRequestComponents,
  ...resourceRequestComponents,
};

const CROSS_SITE =
  "Cross-site request refused: a change made with the session cookie must carry this site's own Origin (or, without Origin, Referer). Bearer-token calls are not checked.";

/**
 * Every change a session cookie may make can also be refused as cross-site: say so, in the
 * surface's shape for a 403 (the 401's, except Maestro, whose 401 alone is {"msg"}).
 */
function withCrossSiteRefusal(op: Operation): Operation {
  const unauthenticatedSpec = op.responses[401];
  if (op.auth !== "principal" || op.method === "get" || !unauthenticatedSpec) return op;
  const existing = op.responses[403];
  const forbiddenSpec: ResponseSpec = existing
    ? { ...existing, description: `${existing.description} Also: ${CROSS_SITE}` }
    : { description: CROSS_SITE, schema: op.tag === "Maestro" ? maestroDetailResponse : unauthenticatedSpec.schema };
  return { ...op, responses: { ...op.responses, 403: forbiddenSpec } };
}

/** Every operation we serve, one entry per method and path, in the document's order. */
export function apiOperations(settings: DocumentSettings): Operation[] {
  return [
    ...pipelineOperations(settings),
    ...keyOperations,
    ...orgOperations,
    ...overviewOperations,
    ...decommissionOperations,
    ...maestroOperations,
    ...storageOperations,
    ...resourceOperations,
    ...accountOperations,
    ...sessionOperations,
    ...serviceOperations,
  ].map(withCrossSiteRefusal);
}
