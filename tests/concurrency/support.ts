// Real concurrency needs the real Postgres: a fresh database on it for this file (the run's
// own when the suite runs on Postgres), and worker processes started as `npm run worker` does.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { drizzle } from "drizzle-orm/postgres-js";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { inject } from "vitest";
import type { Db } from "@/db/client";
import * as schema from "@/db/schema";
import { createOrgWithAdmin } from "@/lib/domain/orgs";
import { postgresReachable } from "../support/reachable";

const LOCAL_POSTGRES = "postgres://postgres@127.0.0.1:5432/postgres";

export interface RealPostgres {
  url: string;
  db: Db;
  close: () => Promise<void>;
}


/**
 * A fresh database of its own on the suite's Postgres server (or the local one): the worker
 * processes started here serve every org of their database, so they must not share the one
 * the other test files use. Null when there is no Postgres (and never in CI).
 */
export async function realPostgres(): Promise<RealPostgres | null> {
  const server = inject("databaseUrl") ?? LOCAL_POSTGRES;
  if (!(await postgresReachable(server))) {
    if (process.env.CI) throw new Error(`CI needs a Postgres at ${server} for the concurrency tests`);
    return null;
  }
  const name = `sluice_conc_${Date.now()}_${process.pid}`;
  const admin = postgres(server, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const fresh = new URL(server);
  fresh.pathname = `/${name}`;
  const url = fresh.toString();
  const drop = async () => {
    const sql = postgres(server, { max: 1, onnotice: () => {} });
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
    await sql.end();
  };
  const migrator = postgres(url, { max: 1, onnotice: () => {} });
  await migrate(drizzle(migrator), { migrationsFolder: path.resolve("db/migrations") });
  await migrator.end();
  const client = postgres(url, { max: 10, onnotice: () => {} });
  return {
    url,
    db: drizzle(client, { schema }) as unknown as Db,
    close: async () => {
      await client.end();
      await drop();
    },
  };
}

export async function orgIn(db: Db, tag: string) {
  const id = `conc_${tag}_${Date.now()}`;
  return db.transaction((tx) =>
    createOrgWithAdmin(tx, { id, name: id }, { email: `${id}@example.com`, name: "Admin", password: "a-good-password" }),
  );
}

export interface WorkerProcess {
  child: ChildProcess;
  output: () => string;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

/** `npm run worker` against `url`, with short polls and leases; resolves once it says it started. */
export async function startWorkerProcess(url: string, env: Record<string, string> = {}): Promise<WorkerProcess> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-worker-"));
  // One process, as `npm run worker` starts it (tsx's CLI would put the worker in a child of
  // its own, out of reach of the signal a test sends).
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"], {
    env: { ...process.env, DATABASE_URL: url, DATA_DIR: dataDir, WORKER_POLL_MS: "100", WORKER_LEASE_MS: "1500", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let text = "";
  child.stdout?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  child.stderr?.on("data", (chunk: Buffer) => (text += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`worker did not start:\n${text}`)), 30_000);
    const check = () => {
      if (/worker \S+ started/.test(text)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout?.on("data", check);
    child.once("exit", () => {
      clearTimeout(timer);
      reject(new Error(`worker exited:\n${text}`));
    });
  });
  return {
    child,
    output: () => text,
    kill: async (signal = "SIGTERM") => {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export async function until<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 60_000, every = 50): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, every));
  }
}
