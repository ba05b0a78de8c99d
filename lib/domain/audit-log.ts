// Reading the audit log: admins read the whole org's; members read their own actions.
import { and, eq, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { auditEvents, type AuditEvent } from "@/db/schema";
import { afterCursor, decodeCursor, keysetPage, orderBy, type Sort } from "./keyset";
import type { Principal } from "./principal";

const newestFirst: Sort<AuditEvent> = {
  name: "-at",
  desc: true,
  keys: [
    { expr: sql`${auditEvents.at}`, cast: "timestamptz", read: (e) => e.at.toISOString() },
    { expr: sql`${auditEvents.id}`, cast: "int8", read: (e) => String(e.id) },
  ],
};

export interface AuditQuery {
  limit: number;
  cursor?: string;
  actor?: string; // email or user id
  action?: string;
  objectType?: string;
  objectId?: string;
}

export async function listAuditEvents(db: Queryable, actor: Principal, query: AuditQuery) {
  const cursor = query.cursor ? decodeCursor(query.cursor, newestFirst as Sort<unknown>) : null;
  const filters: (SQL | undefined)[] = [
    eq(auditEvents.orgId, actor.orgId),
    actor.role === "admin" ? undefined : eq(auditEvents.actorUserId, actor.userId),
    query.actor ? sql`(${auditEvents.actorLabel} = ${query.actor} or ${auditEvents.actorUserId}::text = ${query.actor})` : undefined,
    query.action ? eq(auditEvents.action, query.action) : undefined,
    query.objectType ? eq(auditEvents.objectType, query.objectType) : undefined,
    query.objectId ? eq(auditEvents.objectId, query.objectId) : undefined,
  ];
  const rows = await db
    .select()
    .from(auditEvents)
    .where(and(...filters, cursor ? afterCursor(newestFirst, cursor) : undefined))
    .orderBy(...orderBy(newestFirst, cursor?.backwards ?? false))
    .limit(query.limit + 1);
  const page = keysetPage(newestFirst, rows, query.limit, cursor);
  return { results: page.rows, next: page.next, previous: page.previous };
}
