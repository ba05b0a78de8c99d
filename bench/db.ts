// The bench's own connection to the bench database, beside the server's: raw SQL for seeding
// and for the floors, and a drizzle handle whose logger captures the SQL a domain call runs.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import type { Logger } from "drizzle-orm/logger";
import { PGlite } from "@electric-sql/pglite";
import postgres from "postgres";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { acquireDataDirLock, releaseDataDirLock } from "@/db/pglite-lock";

export interface Statement {
  text: string;
  params: unknown[];
}

export interface BenchDb {
  kind: "postgres" | "pglite";
  db: Db;
  query: <T = Record<string, unknown>>(text: string, params?: unknown[]) => Promise<T[]>;
  /** Runs the statements in one transaction. */
  transaction: (statements: Statement[]) => Promise<void>;
  /** The statements `work` sent through `db`. */
  capture: (work: (db: Db) => Promise<unknown>) => Promise<Statement[]>;
  close: () => Promise<void>;
}

/** Where the bench's data lives: a fresh database on DATABASE_URL's server, or a temp dir. */
export interface Target {
  kind: "postgres" | "pglite";
  /** The bench database's URL (postgres) — what the server gets as DATABASE_URL. */
  url: string | null;
  /** DATA_DIR of the server (PGlite lives in DATA_DIR/pglite). */
  dataDir: string;
  drop: () => Promise<void>;
}

export async function createTarget(serverUrl: string | undefined): Promise<Target> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-bench-"));
  const removeDir = () => fs.rmSync(dataDir, { recursive: true, force: true });
  if (!serverUrl) return { kind: "pglite", url: null, dataDir, drop: async () => removeDir() };
  const name = `sluice_bench_${Date.now()}_${process.pid}`;
  const admin = postgres(serverUrl, { max: 1, connect_timeout: 5, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    kind: "postgres",
    url: url.toString(),
    dataDir,
    drop: async () => {
      const sql = postgres(serverUrl, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
      removeDir();
    },
  };
}

class Recorder implements Logger {
  active: Statement[] | null = null;
  logQuery(query: string, params: unknown[]): void {
    this.active?.push({ text: query, params });
  }
}

async function recording(recorder: Recorder, db: Db, work: (db: Db) => Promise<unknown>): Promise<Statement[]> {
  const list: Statement[] = [];
  recorder.active = list;
  try {
    await work(db);
  } finally {
    recorder.active = null;
  }
  return list;
}

export async function openBenchDb(target: Target, connections: number): Promise<BenchDb> {
  const recorder = new Recorder();
  if (target.kind === "postgres" && target.url) {
    // The server's session settings (db/client.ts), so a floor replays statements as it runs them.
    const client = postgres(target.url, { max: connections, onnotice: () => {}, connection: { jit: "off" } });
    const db = drizzlePostgres(client, { schema, logger: recorder }) as unknown as Db;
    const run = async <T>(text: string, params: unknown[] = []) => (await client.unsafe(text, params as never[])) as unknown as T[];
    return {
      kind: "postgres",
      db,
      query: run,
      transaction: async (statements) => {
        await client.begin(async (tx) => {
          for (const s of statements) await tx.unsafe(s.text, s.params as never[]);
        });
      },
      capture: (work) => recording(recorder, db, work),
      close: () => client.end({ timeout: 5 }),
    };
  }
  // The lock the server and worker take: a process still closing the dir is refused, loudly.
  const dir = path.join(target.dataDir, "pglite");
  acquireDataDirLock(dir);
  const pg = await PGlite.create(dir);
  const db = drizzlePglite(pg, { schema, logger: recorder }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    query: async <T>(text: string, params: unknown[] = []) => (await pg.query<T>(text, params)).rows,
    transaction: async (statements) => {
      await pg.transaction(async (tx) => {
        for (const s of statements) await tx.query(s.text, s.params);
      });
    },
    capture: (work) => recording(recorder, db, work),
    close: async () => {
      await pg.close();
      releaseDataDirLock(dir);
    },
  };
}
