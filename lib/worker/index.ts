// The worker: scheduler (with planned resumes), executor, storage clearer, decommissioner,
// wrapper supervisor and outbox relay (when AMQP_URL is set), each a loop over the database. Any number of workers may run against
// one Postgres; they coordinate only through row claims, leases and unique keys.
import { dbKind, getBackgroundDb, listen } from "@/db/client";
import { EVENTS_CHANNEL, type ChangeEvent } from "@/lib/domain/events";
import { env } from "@/lib/env";
import { resumeDuePipelines } from "@/lib/domain/pausing";
import { foldRunHours } from "@/lib/domain/run-hours";
import { clearBatchesFor, clearNext, DEFAULT_CLEARER } from "./clearer";
import { advanceNext, DEFAULT_DECOMMISSIONER } from "./decommissioner";
import { DEFAULT_EXECUTOR, executeNext } from "./executor";
import { newWorkerId } from "./identity";
import { startLoop, type Loop } from "./loop";
import { createOutboxRelay } from "./outbox-relay";
import { fireDueSchedules } from "./scheduler";
import { createSupervisor } from "./supervisor";

const ALL_PARTS = ["scheduler", "executor", "clearer", "decommissioner", "supervisor", "relay"] as const;
export type WorkerPart = (typeof ALL_PARTS)[number];

const FOLD_RUN_HOURS_MS = 30_000;

export interface WorkerOptions {
  /** The loops to run (all by default): a process may, say, only supervise wrappers. */
  parts?: WorkerPart[];
  /** Supervise only this org's wrappers (the other loops serve every org). */
  supervisorOrgId?: string;
  workerId?: string;
  pollMs?: number;
  leaseMs?: number;
  maxAttempts?: number;
  clearBatchSize?: number;
  /** Parallel executions in this worker. */
  executorSlots?: number;
}

export interface Worker {
  id: string;
  stop: () => Promise<void>;
}

export async function startWorker(options: WorkerOptions = {}): Promise<Worker> {
  const db = await getBackgroundDb();
  const id = options.workerId ?? newWorkerId();
  const pollMs = options.pollMs ?? 1000;
  const executor = {
    workerId: id,
    leaseMs: options.leaseMs ?? DEFAULT_EXECUTOR.leaseMs,
    maxAttempts: options.maxAttempts ?? DEFAULT_EXECUTOR.maxAttempts,
  };
  const clearer = { workerId: id, leaseMs: options.leaseMs ?? DEFAULT_CLEARER.leaseMs, ...clearBatchesFor(dbKind(), options.clearBatchSize) };

  const parts = new Set(options.parts ?? ALL_PARTS);
  const loops: Loop[] = [];
  const run = (part: WorkerPart, name: string, step: () => Promise<boolean>, intervalMs = pollMs): Loop | null => {
    if (!parts.has(part)) return null;
    const loop = startLoop(name, intervalMs, step);
    loops.push(loop);
    return loop;
  };

  run("scheduler", "scheduler", async () => (await fireDueSchedules(db)) + (await resumeDuePipelines(db)) > 0);
  // Housekeeping beside the scheduler: the Overview's hourly run counts folded every 30 s, so a
  // read sums about 24 × 5 rows per org however many runs came and went.
  run("scheduler", "run-hours", async () => (await foldRunHours(db), false), FOLD_RUN_HOURS_MS);
  const executors = Array.from({ length: options.executorSlots ?? 2 }, (_, i) => run("executor", `executor-${i}`, () => executeNext(db, executor)));
  const clearLoop = run("clearer", "clearer", () => clearNext(db, clearer));
  const decommissioner = { workerId: id, leaseMs: clearer.leaseMs, waitMs: Math.min(pollMs, DEFAULT_DECOMMISSIONER.waitMs) };
  const decommissionLoop = run("decommissioner", "decommissioner", () => advanceNext(db, decommissioner));
  const supervisor = parts.has("supervisor") ? createSupervisor(db, { orgId: options.supervisorOrgId }) : null;
  const superviseLoop = supervisor ? run("supervisor", "supervisor", () => supervisor.tick()) : null;
  // Without AMQP_URL nothing relays: the outbox table itself is the queue.
  const amqpUrl = env().AMQP_URL;
  const relay = amqpUrl && parts.has("relay") ? createOutboxRelay(db, { url: amqpUrl }) : null;
  const relayLoop = relay ? run("relay", "outbox-relay", () => relay.step()) : null;

  // Wake the right loop as soon as work appears, instead of at the next poll.
  const unlisten = await listen(EVENTS_CHANNEL, (payload) => {
    let event: ChangeEvent;
    try {
      event = JSON.parse(payload) as ChangeEvent;
    } catch {
      return;
    }
    if (event.kind === "execution" && event.status === "PENDING") executors.forEach((loop) => loop?.wake());
    if (event.kind === "storage" && event.storage_status === "Clearing" && event.done_rows === 0) clearLoop?.wake();
    if (event.kind === "decommission" && event.state === "pausing") decommissionLoop?.wake();
    // A new resource may bring a wrapper to start, a deleted one a process to stop. (Not on
    // wrapper events: our own exit records would wake us into restarting at once.)
    if (event.kind === "resource") superviseLoop?.wake();
    // A delete wrote an outbox message.
    if (event.kind === "resource" && event.change === "deleted") relayLoop?.wake();
  });

  return {
    id,
    stop: async () => {
      await unlisten();
      await Promise.all(loops.map((loop) => loop.stop()));
      // After the loops: no tick may start a child once the children are being stopped.
      await supervisor?.stop();
      await relay?.close();
    },
  };
}
