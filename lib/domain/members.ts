import { and, asc, count, eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { memberships, orgs, users, type Role } from "@/db/schema";
import { auditInTx } from "./audit";
import { DomainError, invalid, notFound } from "./errors";
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

/** Only org admins add and remove members. */
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
    return { id: user.id, email: user.email, name: user.name, role: membership.role, joined_at: membership.createdAt };
  });
}

export async function removeMember(db: Db, actor: Principal, userId: string): Promise<void> {
  assertCanManageMembers(actor);
  await db.transaction(async (tx) => {
    const role = await roleIn(tx, actor.orgId, userId);
    if (!role) throw notFound("Member not found.");
    if (role === "admin") {
      const [admins] = await tx
        .select({ n: count() })
        .from(memberships)
        .where(and(eq(memberships.orgId, actor.orgId), eq(memberships.role, "admin")));
      if ((admins?.n ?? 0) <= 1) {
        throw new DomainError("conflict", "An organization needs at least one admin.", "user_id", "LastAdmin");
      }
    }
    await tx.delete(memberships).where(and(eq(memberships.orgId, actor.orgId), eq(memberships.userId, userId)));
    await auditInTx(tx, actor, { action: "member.remove", objectType: "user", objectId: userId });
  });
}
