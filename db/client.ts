// One database client per process: postgres.js when DATABASE_URL is set, embedded PGlite under
// DATA_DIR otherwise. Migrations run when the client opens, so every entry point (server,
// worker, tests) sees the same schema.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { sql } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { PGlite } from "@electric-sql/pglite";
import type { Sql } from "postgres";
import { env } from "@/lib/env";
import * as schema from "./schema";
import { foregroundIdle } from "./foreground";
import { acquireDataDirLock } from "./pglite-lock";

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0];
/** Anything a query can run on: the database or an open transaction. */
export type Queryable = Db | Tx;

export type DbKind = "pglite" | "postgres";

type Unlisten = () => Promise<void>;

/**
 * The open database, shared by every copy of this module in the process (see `handle()`): the
 * driver's clients, not drizzle objects. Each copy wraps them in drizzle objects of its own
 * (`dbsOf`), because drizzle tells its objects apart by `instanceof` first: the server's bundle
 * has its own copy of drizzle-orm beside the one the boot and worker load, and a session of one
 * copy mapping the columns of the other's schema found every `instanceof` false and walked each
 * prototype chain instead, 4,400 times per list request (bench row a).
 */
interface Handle {
  kind: DbKind;
  /** postgres.js's Sql, or the PGlite instance. */
  client: Sql | PGlite;
  /** The worker's: on PGlite its statements step aside while a request is served (db/foreground.ts). */
  backgroundClient: Sql | PGlite;
  /**
   * LISTEN on a channel; notifications arrive after the notifying transaction commits.
   * `onListen` is called each time the LISTEN is (re)established: after postgres.js reconnects
   * its listening connection, what was notified while it was down is lost.
   */
  listen: (channel: string, onPayload: (payload: string) => void, onListen: () => void) => Promise<Unlisten>;
  close: () => Promise<void>;
}

const migrationsFolder = path.join(process.cwd(), "db", "migrations");
// Any number of processes may start at once on one Postgres: one migrates, the others wait.
const MIGRATION_LOCK_KEY = 7_340_001;

/** What this process is, as its connections tell pg_stat_activity: "web" servers count (see lib/api/principal-cache.ts). */
export type ProcessRole = "web" | "worker" | "tool";
// On globalThis, as the handle below: Next.js may load this module more than once in one process,
// and every copy must give the name the connections were opened with.
const roleSlot = Symbol.for("sluice.process-role");
const roleHolder = globalThis as unknown as { [roleSlot]?: ProcessRole };

/** Names this process's connections; called before the database is first opened. */
export function nameConnectionsAs(role: ProcessRole): void {
  roleHolder[roleSlot] = role;
}

/** Unique per process across machines (a pid alone is not); within Postgres's 63 bytes. */
export const postgresApplicationName = (role: ProcessRole = roleHolder[roleSlot] ?? "tool") =>
  `sluice ${role} ${os.hostname().slice(0, 24)} pid ${process.pid}`;

async function openPostgres(url: string): Promise<Handle> {
  const { default: postgres } = await import("postgres");
  const { drizzle, migrate } = await import("./drivers/postgres");

  const migrator = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await migrator`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
    await migrate(drizzle(migrator), { migrationsFolder });
    await migrator`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
  } finally {
    await migrator.end();
  }

  const client = postgres(url, {
    max: 10,
    connect_timeout: 5,
    onnotice: () => {},
    // Reconnect attempts back off at most half a second apart (postgres.js's default grows to
    // 20 s): after Postgres restarts, full service returns within a second, not after a
    // backoff of several seconds chosen while it was down.
    backoff: (retries: number) => Math.min(0.05 * 2 ** retries, 0.5),
    // No JIT: every statement here is a short read or write, and a member's visibility rule
    // (an OR with a subquery) is costed so high that Postgres compiled the Overview's statement
    // at 100,000 pipelines for 870 ms to run it in 390.
    // Named after this process, so pg_stat_activity tells which server or worker holds a
    // connection (its listening one included: postgres.js opens it with these options).
    connection: { jit: "off", application_name: postgresApplicationName() },
  });
  return {
    client,
    // Postgres runs statements side by side in its own processes: nothing to step aside for.
    backgroundClient: client,
    kind: "postgres",
    listen: async (channel, onPayload, onListen) => {
      const request = await client.listen(channel, onPayload, onListen);
      return () => request.unlisten();
    },
    close: () => client.end({ timeout: 5 }),
  };
}

// The embedded database lives in this process's memory: Postgres's default 128 MB of shared
// buffers alone was a fifth of an idle console's 516 MiB (issue 16, row h). 16 MB (idle RSS
// 361–375 → 326–341 MiB against 32 MB) holds the demo's hot pages; beyond them pages come from
// the OS's file cache, a copy away. PGlite writes
// these lines to the data dir's postgresql.conf at every open (replacing what was there).
const PGLITE_CONF = ["shared_buffers=16MB", "work_mem=4MB", "maintenance_work_mem=32MB"];

async function openPglite(dataDir: string): Promise<Handle> {
  const dir = path.join(dataDir, "pglite");
  fs.mkdirSync(dataDir, { recursive: true });
  acquireDataDirLock(dir);
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle, migrate } = await import("./drivers/pglite");
  const client = await PGlite.create(dir, { postgresqlconf: PGLITE_CONF });
  const db = drizzle(client, { schema });
  await migrate(db, { migrationsFolder });
  return {
    client,
    backgroundClient: yieldingToForeground(client),
    kind: "pglite",
    listen: async (channel, onPayload, onListen) => {
      // In this process's memory: listening once is listening for good.
      const unlisten = await client.listen(channel, onPayload);
      onListen();
      return () => unlisten();
    },
    close: () => client.close(),
  };
}

/**
 * The same PGlite, but each statement and transaction begun through it first waits for the
 * requests in progress (at most MAX_YIELD_MS). Inside a transaction drizzle uses the
 * transaction's own object, so nothing waits while holding the connection.
 */
function yieldingToForeground<T extends object>(client: T): T {
  const gated = new Set<PropertyKey>(["query", "exec", "transaction"]);
  return new Proxy(client, {
    get(target, property) {
      const value: unknown = Reflect.get(target, property, target);
      if (typeof value !== "function") return value;
      const method = value as (...args: unknown[]) => unknown;
      if (!gated.has(property)) return method.bind(target);
      return async (...args: unknown[]) => {
        await foregroundIdle();
        return method.apply(target, args);
      };
    },
  });
}

// Cached on globalThis: Next.js may load this module more than once in one process.
const slot = Symbol.for("sluice.db");
type Slot = { [slot]?: Promise<Handle> };
const holder = globalThis as unknown as Slot;

function handle(): Promise<Handle> {
  if (!holder[slot]) {
    const { DATABASE_URL, DATA_DIR } = env();
    const opening = DATABASE_URL ? openPostgres(DATABASE_URL) : openPglite(DATA_DIR);
    // A failed open is not cached, so a later request can try again (e.g. Postgres came back).
    opening.catch(() => {
      if (holder[slot] === opening) delete holder[slot];
    });
    holder[slot] = opening;
  }
  return holder[slot];
}

interface Dbs {
  db: Db;
  backgroundDb: Db;
}

// This copy's drizzle objects over the shared handle (a reopened database is a new handle).
const wrapped = new WeakMap<Handle, Dbs>();

async function dbsOf(opened: Handle): Promise<Dbs> {
  const known = wrapped.get(opened);
  if (known) return known;
  let dbs: Dbs;
  if (opened.kind === "postgres") {
    const { drizzle } = await import("./drivers/postgres");
    const db = drizzle(opened.client as Sql, { schema }) as unknown as Db;
    dbs = { db, backgroundDb: db };
  } else {
    const { drizzle } = await import("./drivers/pglite");
    dbs = {
      db: drizzle(opened.client as PGlite, { schema }) as unknown as Db,
      backgroundDb: drizzle(opened.backgroundClient as PGlite, { schema }) as unknown as Db,
    };
  }
  // Two callers may have wrapped at once: every later caller gets the first's.
  if (!wrapped.has(opened)) wrapped.set(opened, dbs);
  return wrapped.get(opened)!;
}

/** The process's database, opened and migrated on first use. */
export async function getDb(): Promise<Db> {
  return (await dbsOf(await handle())).db;
}

/** The process's database for the worker's loops: on PGlite it lets requests go first. */
export async function getBackgroundDb(): Promise<Db> {
  return (await dbsOf(await handle())).backgroundDb;
}

/** LISTEN on a channel of the process's database. */
export async function listen(channel: string, onPayload: (payload: string) => void, onListen: () => void = () => {}): Promise<Unlisten> {
  return (await handle()).listen(channel, onPayload, onListen);
}

export function dbKind(): DbKind {
  return env().DATABASE_URL ? "postgres" : "pglite";
}

/** Answers whether the database responds to a trivial query. */
export async function pingDb(): Promise<boolean> {
  try {
    const db = await getDb();
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

export async function closeDb(): Promise<void> {
  const opening = holder[slot];
  delete holder[slot];
  if (opening) await (await opening).close();
}
