// GET / PUT / DELETE /api/v1/unstract/{org_id}/api/keys/{key_id}/
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/unstract/dialect";
import { orgRoute } from "@/lib/api/route";
import { uuidParam } from "@/lib/api/ids";
import { reasonBody } from "@/lib/api/common-schemas";
import { updateKeyRequest } from "@/lib/api/unstract/schemas";
import { keyBody } from "@/lib/api/unstract/format";
import { deleteKey, getKey, updateKey } from "@/lib/domain/keys";
import { otherMethods } from "@/lib/api/methods";

type Params = { org_id: string; key_id: string };

export const GET = orgRoute<Params>(v1Dialect, async ({ db, principal, params }) =>
  Response.json(keyBody(await getKey(db, principal, uuidParam(params.key_id)))),
);

export const PUT = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const keyId = uuidParam(params.key_id);
  const body = await parseJsonBody(req, updateKeyRequest);
  return Response.json(keyBody(await updateKey(db, principal, keyId, { description: body.description, isActive: body.is_active, reason: body.reason })));
});

export const DELETE = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  const keyId = uuidParam(params.key_id);
  const { reason } = await parseJsonBody(req, reasonBody);
  await deleteKey(db, principal, keyId, reason);
  return new Response(null, { status: 204 });
});

export const { POST, PATCH } = otherMethods(v1Dialect, ["GET", "PUT", "DELETE"]);
