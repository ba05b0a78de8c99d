import { and, asc, eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { memberships, orgs, users, type Role } from "@/db/schema";
import { auditInTx } from "./audit";
import { DomainError, forbidden, invalid, notFound } from "./errors";
import { notifyInTx } from "./events";
import { requireAdmin, type Principal } from "./principal";
import { createUser, findUserByEmail } from "./users";

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  joined_at: Date;
}

export async function roleIn(db: Queryable, orgId: string, userId: string): Promise<Role | null> {
  const [row] = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row?.role ?? null;
}

/** The orgs a user belongs to, oldest membership first (the first is the default org). */
export async function orgsOfUser(db: Queryable, userId: string) {
  return db
    .select({ id: orgs.id, name: orgs.name, role: memberships.role })
    .from(memberships)
    .innerJoin(orgs, eq(orgs.id, memberships.orgId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(memberships.createdAt), asc(orgs.id));
}

export async function listMembers(db: Queryable, actor: Principal): Promise<Member[]> {
  return db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      role: memberships.role,
      joined_at: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.orgId, actor.orgId))
    .orderBy(asc(users.email));
}

/** Only org admins add and remove members and change their roles. */
export function assertCanManageMembers(actor: Principal): void {
  requireAdmin(actor);
}

export interface NewMember {
  email: string;
  name: string;
  password: string;
  role: Role;
}

/**
 * Adds a person to the actor's org. A new email becomes a new user with that password; an
 * existing user keeps their own password (an admin of one org must not set a password that
 * opens another).
 */
export async function addMember(db: Db, actor: Principal, input: NewMember): Promise<Member> {
  assertCanManageMembers(actor);
  return db.transaction(async (tx) => {
    const user = (await findUserByEmail(tx, input.email)) ?? (await createUser(tx, input));
    if (await roleIn(tx, actor.orgId, user.id)) {
      throw invalid("This user is already a member of this organization.", "email");
    }
    const [membership] = await tx
      .insert(memberships)
      .values({ orgId: actor.orgId, userId: user.id, role: input.role })
      .returning();
    if (!membership) throw new Error("insert returned no row");
    await auditInTx(tx, actor, { action: "member.add", objectType: "user", objectId: user.id, objectName: user.email });
    await notifyInTx(tx, { kind: "member", org_id: actor.orgId, user_id: user.id, change: "added", role: membership.role });
    return { id: user.id, email: user.email, name: user.name, role: membership.role, joined_at: membership.createdAt };
  });
}

export const LAST_ADMIN_MESSAGE = "An organization needs at least one admin: make another member an admin first.";

/**
 * Locks the org's admin memberships and answers who they are. Every removal and demotion takes
 * this lock before counting: a second one waits for the first to commit and then counts what is
 * left, so two admins removing each other at once cannot leave the org with none. The actor
 * must still be among them (an admin demoted a moment ago acts no more).
 */
async function lockAdmins(tx: Queryable, actor: Principal): Promise<Set<string>> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.role, "admin")))
    // One order for every locker, so two of them never hold each other's rows.
    .orderBy(asc(memberships.userId))
    .for("update");
  const admins = new Set(rows.map((row) => row.userId));
  if (!admins.has(actor.userId)) throw forbidden("Admin access required");
  return admins;
}

/** The member as the API shows them, or null when they are not in the actor's org. */
async function memberOf(tx: Queryable, orgId: string, userId: string): Promise<Member | null> {
  const [row] = await tx
    .select({ id: users.id, email: users.email, name: users.name, role: memberships.role, joined_at: memberships.createdAt })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.orgId, orgId), eq(memberships.userId, userId)));
  return row ?? null;
}

const lastAdmin = (field: "user_id" | "role") => new DomainError("conflict", LAST_ADMIN_MESSAGE, field, "LastAdmin");

export async function removeMember(db: Db, actor: Principal, userId: string): Promise<void> {
  assertCanManageMembers(actor);
  await db.transaction(async (tx) => {
    const admins = await lockAdmins(tx, actor);
    const member = await memberOf(tx, actor.orgId, userId);
    if (!member) throw notFound("Member not found.");
    if (admins.has(userId) && admins.size <= 1) throw lastAdmin("user_id");
    await tx.delete(memberships).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    await auditInTx(tx, actor, { action: "member.remove", objectType: "user", objectId: userId, objectName: member.email });
    await notifyInTx(tx, { kind: "member", org_id: actor.orgId, user_id: userId, change: "removed" });
  });
}

/**
 * Makes a member an admin or a plain member (org admins only), audited with the old and new
 * role. The org's last admin cannot be demoted. Asking for the role they have changes nothing.
 */
export async function changeMemberRole(db: Db, actor: Principal, userId: string, role: Role, reason?: string | null): Promise<Member> {
  assertCanManageMembers(actor);
  return db.transaction(async (tx) => {
    const admins = await lockAdmins(tx, actor);
    const member = await memberOf(tx, actor.orgId, userId);
    if (!member) throw notFound("Member not found.");
    if (member.role === role) return member;
    if (role !== "admin" && admins.has(userId) && admins.size <= 1) throw lastAdmin("role");
    await tx
      .update(memberships)
      .set({ role })
      .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    await auditInTx(tx, actor, {
      action: "member.role",
      objectType: "user",
      objectId: userId,
      objectName: member.email,
      reason: reason?.trim() || null,
      details: { from: member.role, to: role },
    });
    await notifyInTx(tx, { kind: "member", org_id: actor.orgId, user_id: userId, change: "role", role });
    return { ...member, role };
  });
}
