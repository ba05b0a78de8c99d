// GET /api/v1/orgs/{org_id}/audit — the audit log (admins: the org's; members: their own).
import { parseQuery } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { auditQuery } from "@/lib/api/console/schemas-org";
import { auditListBody } from "@/lib/api/console/format-org";
import { listAuditEvents } from "@/lib/domain/audit-log";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute(v1Dialect, async ({ req, db, principal }) => {
  const query = parseQuery(req, auditQuery);
  const page = await listAuditEvents(db, principal, {
    limit: query.limit,
    cursor: query.cursor,
    actor: query.actor,
    action: query.action,
    objectType: query.object_type,
    objectId: query.object_id,
  });
  return Response.json(auditListBody(page));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
