import { eq } from "drizzle-orm";
import type { Queryable, Tx } from "@/db/client";
import { memberships, orgs, type Org } from "@/db/schema";
import type { Principal } from "./principal";
import { createUser, findUserByEmail } from "./users";

export async function createOrg(db: Queryable, input: { id: string; name: string }): Promise<Org> {
  const [org] = await db.insert(orgs).values(input).returning();
  if (!org) throw new Error("insert returned no row");
  return org;
}

export async function findOrg(db: Queryable, id: string): Promise<Org | null> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, id));
  return org ?? null;
}

/** Creates an org with its first admin (a new user, or an existing one joining). */
export async function createOrgWithAdmin(
  tx: Tx,
  org: { id: string; name: string },
  admin: { email: string; name: string; password: string },
): Promise<Principal> {
  await tx.insert(orgs).values(org);
  const user = (await findUserByEmail(tx, admin.email)) ?? (await createUser(tx, admin));
  await tx.insert(memberships).values({ orgId: org.id, userId: user.id, role: "admin" });
  return { userId: user.id, email: user.email, orgId: org.id, role: "admin", via: "session" };
}
