import type { Queryable } from "@/db/client";
import { auditEvents } from "@/db/schema";
import type { AuditAction, AuditObjectType } from "@/lib/vocabulary";
import type { Principal } from "./principal";

export interface AuditEntry {
  action: AuditAction;
  objectType: AuditObjectType;
  objectId: string;
  objectName?: string | null;
  reason?: string | null;
  details?: Record<string, unknown>;
}

/** A user, or a credential acting without one (a pipeline key): userId null, a label instead. */
export type AuditActor = Pick<Principal, "orgId" | "email"> & { userId: string | null };

/** Records who did what, in the transaction of the change itself so neither exists alone. */
export async function auditInTx(db: Queryable, actor: AuditActor, entry: AuditEntry): Promise<void> {
  await db.insert(auditEvents).values({
    orgId: actor.orgId,
    actorUserId: actor.userId,
    actorLabel: actor.email,
    action: entry.action,
    objectType: entry.objectType,
    objectId: entry.objectId,
    objectName: entry.objectName ?? null,
    reason: entry.reason ?? null,
    details: entry.details ?? null,
  });
}
