// GET /api/v1/orgs/{org_id}/audit — the audit log (admins: the org's; members: their own).
import { parseQuery } from "@/lib/api/body";
import { v1Dialect } from "@/lib/api/console/dialect";
import { orgRoute } from "@/lib/api/route";
import { auditQuery } from "@/lib/api/console/schemas-org";
import { listAuditEvents } from "@/lib/domain/audit-log";

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
  return Response.json({
    results: page.results.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actorLabel,
      actor_user_id: e.actorUserId,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId,
      object_name: e.objectName,
      reason: e.reason,
      details: e.details,
    })),
    next_cursor: page.next,
    previous_cursor: page.previous,
  });
});
