// GET /api/openapi.json: the OpenAPI 3.1 document of every route, built once per process at the
// first request (not at build time, so it states this server's own schedule interval).
import { openApiDocument, type OpenApiDocument } from "@/lib/api/openapi/document";
import { minScheduleIntervalSeconds } from "@/lib/domain/schedule-rules";
import { v1Dialect } from "@/lib/api/console/dialect";
import { otherMethods } from "@/lib/api/methods";

export const dynamic = "force-dynamic";

let document: OpenApiDocument | undefined;

export async function GET(): Promise<Response> {
  document ??= openApiDocument({ minScheduleIntervalSeconds: minScheduleIntervalSeconds() });
  return Response.json(document, { headers: { "cache-control": "public, max-age=300" } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
