// The wrapper supervisor: runs one child process (wrapper-program.mjs) per wrapper that should
// run, on whichever worker claims it first (FOR UPDATE SKIP LOCKED). The child's heartbeat lines
// become heartbeat_at; a RUNNING wrapper whose heartbeat is older than 3 recording intervals
// lost its process (or its worker) and is claimed again. Children live in this process's memory
// and are stopped when the worker stops, or at the next tick once their row says so.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { and, asc, eq, inArray, isNull, lt, notInArray, or, sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { wrapperLogs, wrappers, type Wrapper } from "@/db/schema";
import { notifyInTx } from "@/lib/domain/events";
import { signalWrapperProcess } from "@/lib/domain/resources";

export interface SupervisorOptions {
  /** How often the wrapper program prints a heartbeat (ms). */
  beatMs?: number;
  /** How often heartbeats are written to the row (ms); a row is stale after 3 of these. */
  recordMs?: number;
  /** A FAILED wrapper is started again after this long (ms), not in a tight crash loop. */
  failedRetryMs?: number;
  /** SIGTERM, then SIGKILL after this long (ms) for a child that does not stop. */
  killGraceMs?: number;
  program?: string;
  /** Only this org's wrappers: tests share one database with other test files. */
  orgId?: string;
}

export const DEFAULT_SUPERVISOR = { beatMs: 1000, recordMs: 2000, failedRetryMs: 10_000, killGraceMs: 5000 };
export const WRAPPER_PROGRAM = path.join(process.cwd(), "lib", "worker", "wrapper-program.mjs");

interface Child {
  wrapperId: string;
  resourceId: string;
  orgId: string;
  pid: number;
  proc: ChildProcess;
  stopping: boolean;
  exited: boolean;
  lastRecorded: number;
  lastError: string;
  closed: Promise<void>;
}

export interface Supervisor {
  /** One round: stop what should stop, start one wrapper; true when it started one. */
  tick: () => Promise<boolean>;
  /** Stops every child of this supervisor and waits until each exit is recorded. */
  stop: () => Promise<void>;
  running: () => { wrapperId: string; pid: number }[];
}

const host = os.hostname();
const ms = (n: number) => sql`${`${n} milliseconds`}::interval`;

async function logLine(db: Queryable, wrapperId: string, message: string): Promise<void> {
  await db.insert(wrapperLogs).values({ wrapperId, message });
}

async function changed(tx: Queryable, w: Pick<Wrapper, "id" | "orgId" | "resourceId">, status: Wrapper["status"]) {
  await notifyInTx(tx, { kind: "wrapper", org_id: w.orgId, resource_id: w.resourceId, wrapper_id: w.id, status });
}

export function createSupervisor(db: Db, options: SupervisorOptions = {}): Supervisor {
  const o = { ...DEFAULT_SUPERVISOR, program: WRAPPER_PROGRAM, ...options };
  const children = new Map<string, Child>();
  const writes = new Set<Promise<unknown>>();
  const scope: SQL | undefined = o.orgId ? eq(wrappers.orgId, o.orgId) : undefined;
  let stopped = false;

  // Background writes (heartbeats, exits) are tracked so stop() can wait for them.
  const track = (write: Promise<unknown>) => {
    const done = write.catch((error) => console.error("[worker:supervisor]", error instanceof Error ? error.message : error));
    writes.add(done);
    void done.finally(() => writes.delete(done));
  };

  function kill(child: Child): void {
    if (child.stopping) return;
    child.stopping = true;
    child.proc.kill("SIGTERM");
    const timer = setTimeout(() => child.proc.kill("SIGKILL"), o.killGraceMs);
    void child.closed.finally(() => clearTimeout(timer));
  }

  function onLine(child: Child, line: string): void {
    if (!line.startsWith("heartbeat") || Date.now() - child.lastRecorded < o.recordMs) return;
    child.lastRecorded = Date.now();
    track(
      db
        .update(wrappers)
        .set({ heartbeatAt: sql`now()` })
        .where(and(eq(wrappers.id, child.wrapperId), eq(wrappers.pid, child.pid), eq(wrappers.host, host), eq(wrappers.status, "RUNNING"))),
    );
  }

  async function recordExit(child: Child, code: number | null, signal: NodeJS.Signals | null): Promise<void> {
    const status = code === 0 || child.stopping ? "STOPPED" : "FAILED";
    const how = signal ? `signal ${signal}` : `code ${code}`;
    await db.transaction(async (tx) => {
      // Only the row still describing this very process: a delete may have stopped it already,
      // or another worker may have claimed it after our heartbeat lapsed.
      const [row] = await tx
        .update(wrappers)
        .set({ status, stoppedAt: sql`now()`, statusChangedAt: sql`now()` })
        .where(and(eq(wrappers.id, child.wrapperId), eq(wrappers.pid, child.pid), eq(wrappers.host, host), eq(wrappers.status, "RUNNING")))
        .returning();
      await logLine(tx, child.wrapperId, `Wrapper process ${child.pid} exited (${how})${child.lastError ? `: ${child.lastError}` : ""}`);
      if (row) await changed(tx, row, status);
    });
  }

  /** Starts the program; resolves once the OS has created the process. */
  async function spawnChild(row: Wrapper): Promise<Child> {
    const proc = spawn(process.execPath, [o.program, row.id], {
      detached: false,
      stdio: ["ignore", "pipe", "pipe"],
      // Only what it needs: a connector process has no business with the console's secrets.
      env: { NODE_ENV: process.env.NODE_ENV, PATH: process.env.PATH ?? "", WRAPPER_HEARTBEAT_MS: String(o.beatMs) },
    });
    await once(proc, "spawn");
    const pid = proc.pid;
    if (pid === undefined) throw new Error("spawned without a pid");
    let markClosed = () => {};
    const child: Child = {
      wrapperId: row.id,
      resourceId: row.resourceId,
      orgId: row.orgId,
      pid,
      proc,
      stopping: false,
      exited: false,
      lastRecorded: Date.now(),
      lastError: "",
      closed: new Promise<void>((resolve) => (markClosed = resolve)),
    };
    // A later 'error' (a failed kill) must not go unhandled: that would end the whole process.
    proc.on("error", (error) => console.error(`[worker:supervisor] wrapper ${row.id}:`, error.message));
    createInterface({ input: proc.stdout! }).on("line", (line) => onLine(child, line));
    // The line worth quoting in the exit log: the last "...Error: ..." line (Node's own crash
    // report ends with its version, not the cause), else the last line.
    let sawError = false;
    createInterface({ input: proc.stderr! }).on("line", (line) => {
      const text = line.trim().slice(0, 500);
      const isError = /^[A-Za-z]*Error\b/.test(text);
      if (text && (isError || !sawError)) child.lastError = text;
      sawError ||= isError;
    });
    // 'close' comes after the last stderr line, so the exit's log line can quote it.
    proc.once("close", (code: number | null, signal: NodeJS.Signals | null) => {
      child.exited = true;
      if (children.get(child.wrapperId) === child) children.delete(child.wrapperId);
      track(recordExit(child, code, signal));
      markClosed();
    });
    return child;
  }

  /** Children whose row no longer wants them (deleted, stopped, claimed elsewhere) are stopped. */
  async function reconcile(): Promise<void> {
    const mine = [...children.values()];
    if (mine.length === 0) return;
    const rows = await db.select().from(wrappers).where(inArray(wrappers.id, mine.map((c) => c.wrapperId)));
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const child of mine) {
      const row = byId.get(child.wrapperId);
      if (!row || !row.desiredRunning || row.status !== "RUNNING" || row.pid !== child.pid || row.host !== host) kill(child);
    }
  }

  /** RUNNING rows of this host told to stop whose process is not ours (a previous worker's). */
  async function reapOrphans(): Promise<void> {
    const mine = [...children.keys()];
    await db.transaction(async (tx) => {
      const rows = await tx
        .select()
        .from(wrappers)
        .where(and(scope, eq(wrappers.desiredRunning, false), eq(wrappers.status, "RUNNING"), eq(wrappers.host, host), mine.length ? notInArray(wrappers.id, mine) : undefined))
        .limit(20)
        .for("update", { skipLocked: true });
      for (const row of rows) {
        const signalled = row.pid !== null && signalWrapperProcess(row.pid, row.id);
        await tx.update(wrappers).set({ status: "STOPPED", stoppedAt: sql`now()`, statusChangedAt: sql`now()` }).where(eq(wrappers.id, row.id));
        await logLine(tx, row.id, `Wrapper stopped on ${host}${signalled ? ` (process ${row.pid} signalled)` : " (its process was gone)"}`);
        await changed(tx, row, "STOPPED");
      }
    });
  }

  /** Claims one wrapper that should run but has no live process, and starts it. */
  async function startOne(): Promise<boolean> {
    const mine = [...children.keys()];
    const stale = sql`now() - ${ms(3 * o.recordMs)}`;
    // Set inside the transaction, read after it: an object, so TypeScript does not narrow it.
    const spawned: { child: Child | null } = { child: null };
    try {
      const claimed = await db.transaction(async (tx) => {
        const [row] = await tx
          .select()
          .from(wrappers)
          .where(
            and(
              scope,
              eq(wrappers.desiredRunning, true),
              sql`exists (select 1 from resources r where r.id = ${wrappers.resourceId} and r.deleted = false)`,
              or(
                inArray(wrappers.status, ["PENDING", "STARTING", "STOPPED"]),
                and(eq(wrappers.status, "FAILED"), lt(wrappers.statusChangedAt, sql`now() - ${ms(o.failedRetryMs)}`)),
                and(eq(wrappers.status, "RUNNING"), or(isNull(wrappers.heartbeatAt), lt(wrappers.heartbeatAt, stale))),
              ),
              mine.length ? notInArray(wrappers.id, mine) : undefined,
            ),
          )
          .orderBy(asc(wrappers.statusChangedAt))
          .limit(1)
          .for("update", { skipLocked: true });
        if (!row) return false;
        const lost = row.status === "RUNNING";
        // A stale process left on this host (its worker hung) must not run twice.
        if (lost && row.pid !== null && row.host === host) signalWrapperProcess(row.pid, row.id, "SIGKILL");
        let started: Child;
        try {
          started = await spawnChild(row);
          spawned.child = started;
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          await tx.update(wrappers).set({ status: "FAILED", statusChangedAt: sql`now()`, pid: null }).where(eq(wrappers.id, row.id));
          await logLine(tx, row.id, `Wrapper process could not start on ${host}: ${reason}`);
          await changed(tx, row, "FAILED");
          return true;
        }
        await tx
          .update(wrappers)
          .set({ status: "RUNNING", pid: started.pid, host, startedAt: sql`now()`, heartbeatAt: sql`now()`, statusChangedAt: sql`now()`, stoppedAt: null })
          .where(eq(wrappers.id, row.id));
        await logLine(tx, row.id, `Wrapper process ${started.pid} started on ${host}${lost ? " (the previous process stopped sending heartbeats)" : ""}`);
        await changed(tx, row, "RUNNING");
        return true;
      });
      // One that already died (before the commit) is recorded by its exit handler, not kept.
      if (spawned.child && !spawned.child.exited) children.set(spawned.child.wrapperId, spawned.child);
      return claimed;
    } catch (error) {
      // Not recorded as RUNNING: a process nobody knows of must not live on.
      spawned.child?.proc.kill("SIGKILL");
      throw error;
    }
  }

  return {
    tick: async () => {
      if (stopped) return false;
      await reconcile();
      await reapOrphans();
      return stopped ? false : startOne();
    },
    stop: async () => {
      stopped = true;
      const all = [...children.values()];
      all.forEach(kill);
      await Promise.all(all.map((c) => c.closed));
      await Promise.all([...writes]);
    },
    running: () => [...children.values()].map((c) => ({ wrapperId: c.wrapperId, pid: c.pid })),
  };
}
