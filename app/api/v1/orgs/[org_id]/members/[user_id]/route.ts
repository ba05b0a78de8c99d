// One member of an org: admins change their role or remove them; the last admin stays.
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { changeRoleRequest } from "@/lib/api/console/schemas-account";
import { uuidParam } from "@/lib/api/ids";
import { assertCanManageMembers, changeMemberRole, removeMember } from "@/lib/domain/members";
import { otherMethods } from "@/lib/api/methods";

type Params = { org_id: string; user_id: string };

export const PATCH = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  // Refused callers learn nothing about the body's shape.
  assertCanManageMembers(principal);
  const body = await parseJsonBody(req, changeRoleRequest);
  const member = await changeMemberRole(db, principal, uuidParam(params.user_id), body.role, body.reason);
  return Response.json(member);
});

export const DELETE = orgRoute<Params>(v1Dialect, async ({ db, principal, params }) => {
  await removeMember(db, principal, uuidParam(params.user_id));
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT } = otherMethods(v1Dialect, ["PATCH", "DELETE"]);
