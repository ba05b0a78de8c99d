// npm run worker: a worker process of its own, for scale (the web process runs one too unless
// WORKER=off). Runs until SIGTERM or SIGINT.
import { closeDb, nameConnectionsAs } from "../db/client";
import { EnvError, env } from "../lib/env";
import { startWorker } from "../lib/worker";

async function main() {
  let config;
  try {
    config = env();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
  nameConnectionsAs("worker");
  const worker = await startWorker({ pollMs: config.WORKER_POLL_MS, leaseMs: config.WORKER_LEASE_MS, clearBatchSize: config.WORKER_CLEAR_BATCH });
  console.log(`worker ${worker.id} started`);
  const stop = async () => {
    await worker.stop();
    await closeDb();
    process.exit(0);
  };
  process.once("SIGTERM", () => void stop());
  process.once("SIGINT", () => void stop());
}

void main();
