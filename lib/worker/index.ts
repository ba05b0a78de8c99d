// The worker: scheduler, executor, storage clearer (and, later, the wrapper supervisor and
// the outbox relay), each a loop over the database. Any number of workers may run against
// one Postgres; they coordinate only through row claims, leases and unique keys.
import { getDb, listen } from "@/db/client";
import { EVENTS_CHANNEL, type ChangeEvent } from "@/lib/domain/events";
import { clearNext, DEFAULT_CLEARER } from "./clearer";
import { DEFAULT_EXECUTOR, executeNext } from "./executor";
import { newWorkerId } from "./identity";
import { startLoop, type Loop } from "./loop";
import { fireDueSchedules } from "./scheduler";

export interface WorkerOptions {
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
  const db = await getDb();
  const id = options.workerId ?? newWorkerId();
  const pollMs = options.pollMs ?? 1000;
  const executor = {
    workerId: id,
    leaseMs: options.leaseMs ?? DEFAULT_EXECUTOR.leaseMs,
    maxAttempts: options.maxAttempts ?? DEFAULT_EXECUTOR.maxAttempts,
  };
  const clearer = { workerId: id, leaseMs: options.leaseMs ?? DEFAULT_CLEARER.leaseMs, batchSize: options.clearBatchSize ?? DEFAULT_CLEARER.batchSize };

  const executors: Loop[] = Array.from({ length: options.executorSlots ?? 2 }, (_, i) =>
    startLoop(`executor-${i}`, pollMs, () => executeNext(db, executor)),
  );
  const clearLoop = startLoop("clearer", pollMs, () => clearNext(db, clearer));
  const loops: Loop[] = [startLoop("scheduler", pollMs, async () => (await fireDueSchedules(db)) > 0), ...executors, clearLoop];

  // Wake the right loop as soon as work appears, instead of at the next poll.
  const unlisten = await listen(EVENTS_CHANNEL, (payload) => {
    let event: ChangeEvent;
    try {
      event = JSON.parse(payload) as ChangeEvent;
    } catch {
      return;
    }
    if (event.kind === "execution" && event.status === "PENDING") executors.forEach((loop) => loop.wake());
    if (event.kind === "storage" && event.storage_status === "Clearing" && event.done_rows === 0) clearLoop.wake();
  });

  return {
    id,
    stop: async () => {
      await unlisten();
      await Promise.all(loops.map((loop) => loop.stop()));
    },
  };
}
