// The service's own operations: health, and this document.
import { z } from "../messages";
import type { Operation } from "../openapi/types";
import { healthResponse } from "./responses-account";

const openApiShape = z
  .looseObject({ openapi: z.literal("3.1.0"), info: z.looseObject({}), paths: z.record(z.string(), z.unknown()) })
  .describe("An OpenAPI 3.1 document.");

export const serviceOperations: Operation[] = [
  {
    method: "get",
    path: "/api/health",
    operationId: "getHealth",
    summary: "Health check",
    description: "For load balancers and start scripts: answers whether the database does.",
    tag: "Service",
    auth: "none",
    responses: {
      200: { description: "Up: status \"ok\".", schema: healthResponse },
      503: { description: "The database does not answer: status \"unavailable\".", schema: healthResponse },
    },
  },
  {
    method: "get",
    path: "/api/openapi.json",
    operationId: "getOpenApiDocument",
    summary: "This document",
    description: "The OpenAPI 3.1 description of every route, generated from the schemas the handlers use.",
    tag: "Service",
    auth: "none",
    responses: { 200: { description: "An OpenAPI 3.1.0 document.", schema: openApiShape } },
  },
];
