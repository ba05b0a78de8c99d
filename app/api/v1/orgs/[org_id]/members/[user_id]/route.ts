// One member of an org: admins change their role or remove them; the last admin stays.
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { changeRoleRequest } from "@/lib/api/console/schemas-account";
import { uuidParam } from "@/lib/api/ids";
import { assertCanManageMembers, changeMemberRole, removeMember } from "@/lib/domain/members";
import { otherMethods } from "@/lib/api/methods";
import type { MemberEvent, TokenEvent } from "@/lib/domain/events";
import { forgetMember, heardEverywhere } from "@/lib/api/principal-cache";

type Params = { org_id: string; user_id: string };

const memberEvent = (orgId: string, userId: string) => (e: TokenEvent | MemberEvent) => e.kind === "member" && e.org_id === orgId && e.user_id === userId;

export const PATCH = orgRoute<Params>(v1Dialect, async ({ req, db, principal, params }) => {
  // Refused callers learn nothing about the body's shape.
  assertCanManageMembers(principal);
  const body = await parseJsonBody(req, changeRoleRequest);
  const userId = uuidParam(params.user_id);
  // In force from the next request on, on this server and every other (they hear the NOTIFY).
  const isItsEvent = memberEvent(principal.orgId, userId);
  const member = await heardEverywhere(db, () => changeMemberRole(db, principal, userId, body.role, body.reason), isItsEvent);
  forgetMember(principal.orgId, userId);
  return Response.json(member);
});

export const DELETE = orgRoute<Params>(v1Dialect, async ({ db, principal, params }) => {
  const userId = uuidParam(params.user_id);
  await heardEverywhere(db, () => removeMember(db, principal, userId), memberEvent(principal.orgId, userId));
  forgetMember(principal.orgId, userId);
  return new Response(null, { status: 204 });
});

export const { GET, POST, PUT } = otherMethods(v1Dialect, ["PATCH", "DELETE"]);
