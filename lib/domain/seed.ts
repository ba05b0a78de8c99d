// First-start seed, through the same domain functions the API uses: the org acme_corp and its
// admin (and, with SEED_DEMO=1, demo data). It runs once: the org's row is the marker.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import type { Db } from "@/db/client";
import { seedDemo } from "./demo";
import { createOrgWithAdmin, findOrg } from "./orgs";
import { issueToken } from "./tokens";

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

export async function seedAtFirstStart(db: Db, options: SeedOptions): Promise<SeedResult> {
  if (await findOrg(db, SEED_ORG.id)) return { seeded: false, adminEmail: options.adminEmail };
  const password = options.adminPassword ?? randomBytes(12).toString("base64url");
  return db.transaction(async (tx) => {
    // Several processes may start at once on one Postgres: the first one seeds.
    await tx.execute(sql`select pg_advisory_xact_lock(7340002)`);
    if (await findOrg(tx, SEED_ORG.id)) return { seeded: false, adminEmail: options.adminEmail };
    const admin = await createOrgWithAdmin(tx, SEED_ORG, { email: options.adminEmail, name: "Admin", password });
    // No expiry: the operator chose this value in the environment for their own scripts (CI,
    // bench), and a deployment's configured token must not stop working on a date nobody set.
    // It is revoked like any other on the tokens page.
    if (options.adminToken) await issueToken(tx, admin, { name: "Seed admin token", plain: options.adminToken, expiresAt: null });
    if (options.demo) await seedDemo(tx, admin);
    return {
      seeded: true,
      adminEmail: admin.email,
      generatedPassword: options.adminPassword ? undefined : password,
    };
  });
}
