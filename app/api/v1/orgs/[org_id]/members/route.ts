// Members of an org: every member may list them (to share pipelines); admins add people.
import { parseJsonBody } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { addMemberRequest } from "@/lib/api/console/schemas-account";
import { addMember, assertCanManageMembers, listMembers } from "@/lib/domain/members";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute(v1Dialect, async ({ db, principal }) =>
  Response.json({ results: await listMembers(db, principal) }),
);

export const POST = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  // Refused callers learn nothing about the body's shape.
  assertCanManageMembers(principal);
  const body = await parseJsonBody(req, addMemberRequest);
  return Response.json(await addMember(db, principal, body), { status: 201 });
});

export const { PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET", "POST"]);
