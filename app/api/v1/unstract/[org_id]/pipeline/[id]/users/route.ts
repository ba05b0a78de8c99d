// GET /api/v1/unstract/{org_id}/pipeline/{id}/users/ — who the pipeline is shared with.
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { sharingBody } from "@/lib/api/unstract/format";
import { getPipeline } from "@/lib/domain/pipelines";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute<{ org_id: string; id: string }>(v1Dialect, async ({ db, principal, params }) =>
  Response.json(sharingBody(await getPipeline(db, principal, uuidParam(params.id)))),
);

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
