import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { orgs, type Org } from "@/db/schema";

export async function createOrg(db: Queryable, input: { id: string; name: string }): Promise<Org> {
  const [org] = await db.insert(orgs).values(input).returning();
  if (!org) throw new Error("insert returned no row");
  return org;
}

export async function findOrg(db: Queryable, id: string): Promise<Org | null> {
  const [org] = await db.select().from(orgs).where(eq(orgs.id, id));
  return org ?? null;
}
