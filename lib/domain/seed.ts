// First-start seed, through the same domain functions the API uses: the org acme_corp and its
// admin (and, with SEED_DEMO=1, demo data). It runs once: the org's row is the marker.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db, Tx } from "@/db/client";
import { memberships, orgs } from "@/db/schema";
import { seedDemo } from "./demo";
import { findOrg } from "./orgs";
import type { Principal } from "./principal";
import { issueToken } from "./tokens";
import { createUser, findUserByEmail } from "./users";

export const SEED_ORG = { id: "acme_corp", name: "Acme Corp" };

export interface SeedOptions {
  adminEmail: string;
  adminPassword?: string;
  adminToken?: string;
  demo: boolean;
}

export interface SeedResult {
  seeded: boolean;
  adminEmail: string;
  /** The admin's password when this run chose it (printed once, at first start). */
  generatedPassword?: string;
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

export async function seedAtFirstStart(db: Db, options: SeedOptions): Promise<SeedResult> {
  if (await findOrg(db, SEED_ORG.id)) return { seeded: false, adminEmail: options.adminEmail };
  const password = options.adminPassword ?? randomBytes(12).toString("base64url");
  return db.transaction(async (tx) => {
    // Several processes may start at once on one Postgres: the first one seeds.
    await tx.execute(sql`select pg_advisory_xact_lock(7340002)`);
    if (await findOrg(tx, SEED_ORG.id)) return { seeded: false, adminEmail: options.adminEmail };
    const admin = await createOrgWithAdmin(tx, SEED_ORG, { email: options.adminEmail, name: "Admin", password });
    if (options.adminToken) await issueToken(tx, admin, { name: "Seed admin token", plain: options.adminToken });
    if (options.demo) await seedDemo(tx, admin);
    return {
      seeded: true,
      adminEmail: admin.email,
      generatedPassword: options.adminPassword ? undefined : password,
    };
  });
}
