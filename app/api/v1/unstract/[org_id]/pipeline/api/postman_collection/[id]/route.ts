// GET /api/v1/unstract/{org_id}/pipeline/api/postman_collection/{id}/ — a download.
import { attachment } from "@/lib/api/attachment";
import { and, asc, eq } from "drizzle-orm";
import { pipelineKeys } from "@/db/schema";
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { publicOrigin } from "@/lib/api/public-origin";
import { postmanCollection } from "@/lib/api/unstract/postman";
import { DomainError } from "@/lib/domain/errors";
import { getPipeline } from "@/lib/domain/pipelines";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ req, db, principal, params }) => {
  const pipeline = await getPipeline(db, principal, uuidParam(params.id));
  const [key] = await db
    .select({ prefix: pipelineKeys.prefix })
    .from(pipelineKeys)
    .where(and(eq(pipelineKeys.pipelineId, pipeline.id), eq(pipelineKeys.orgId, principal.orgId), eq(pipelineKeys.isActive, true)))
    .orderBy(asc(pipelineKeys.createdAt))
    .limit(1);
  if (!key) throw new DomainError("conflict", "No active API key found for this pipeline.", null, "no_active_api_key");
  const body = postmanCollection(pipeline, publicOrigin(req), key.prefix);
  const filename = `${pipeline.name}.json`;
  return new Response(JSON.stringify(body, null, 2), {
    headers: {
      "content-type": "application/json",
      "content-disposition": attachment(filename),
    },
  });
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
