// One fresh database for the run: a migrated PGlite template that each test file copies, or,
// with DATABASE_URL set, a new database on that server, dropped when the run ends.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string | null;
    databaseUrl: string | null;
  }
}

const migrationsFolder = path.resolve(__dirname, "../../db/migrations");

async function makePgliteTemplate(): Promise<string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-template-"));
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = await PGlite.create(path.join(dir, "pglite"));
  await migrate(drizzle(client), { migrationsFolder });
  await client.close();
  return dir;
}

async function makePostgresDatabase(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const { default: postgres } = await import("postgres");
  const name = `sluice_test_${Date.now()}_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  // Migrated here, once, so every test file and process finds the schema in place.
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const migrator = postgres(fresh.toString(), { max: 1, onnotice: () => {} });
  await migrate(drizzle(migrator), { migrationsFolder });
  await migrator.end();
  return {
    url: fresh.toString(),
    drop: async () => {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}

export default async function setup(project: TestProject) {
  const base = process.env.DATABASE_URL;
  if (base) {
    const db = await makePostgresDatabase(base);
    project.provide("databaseUrl", db.url);
    project.provide("pgliteTemplate", null);
    console.log(`[tests] on Postgres, fresh database ${new URL(db.url).pathname.slice(1)}`);
    return db.drop;
  }
  const template = await makePgliteTemplate();
  project.provide("databaseUrl", null);
  project.provide("pgliteTemplate", template);
  console.log("[tests] on PGlite, a fresh copy of a migrated template per test file");
  return () => fs.rmSync(template, { recursive: true, force: true });
}
