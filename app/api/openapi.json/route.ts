// GET /api/openapi.json: the OpenAPI 3.1 document of every route, built once per process at the
// first request (not at build time, so it states this server's own schedule interval).
import { openApiDocument, servedFrom, type OpenApiDocument } from "@/lib/api/openapi/document";
import { publicOrigin } from "@/lib/api/public-origin";
import { minScheduleIntervalSeconds } from "@/lib/domain/schedule-rules";
import { v1Dialect } from "@/lib/api/console/dialect";
import { otherMethods } from "@/lib/api/methods";

export const dynamic = "force-dynamic";

let document: OpenApiDocument | undefined;

export async function GET(req: Request): Promise<Response> {
  document ??= openApiDocument({ minScheduleIntervalSeconds: minScheduleIntervalSeconds() });
  // Per request: the origin is the one this request was addressed to when PUBLIC_URL is unset.
  return Response.json(servedFrom(document, publicOrigin(req)), { headers: { "cache-control": "public, max-age=300", vary: "host, x-forwarded-host, x-forwarded-proto" } });
}

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
