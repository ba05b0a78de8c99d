import { eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { users, type User } from "@/db/schema";
import { DUMMY_PASSWORD_HASH, hashPassword, verifyPassword } from "./secrets";

export const normaliseEmail = (email: string) => email.trim().toLowerCase();

export async function findUserByEmail(db: Queryable, email: string): Promise<User | null> {
  const [user] = await db.select().from(users).where(eq(users.email, normaliseEmail(email)));
  return user ?? null;
}

export async function createUser(
  db: Queryable,
  input: { email: string; name: string; password: string },
): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ email: normaliseEmail(input.email), name: input.name, passwordHash: await hashPassword(input.password) })
    .returning();
  if (!user) throw new Error("insert returned no row");
  return user;
}

/** The user whose email and password these are, or null; as slow for unknown emails. */
export async function verifyCredentials(db: Queryable, email: string, password: string): Promise<User | null> {
  const user = await findUserByEmail(db, email);
  const ok = await verifyPassword(password, user?.passwordHash ?? DUMMY_PASSWORD_HASH);
  return user && ok ? user : null;
}
