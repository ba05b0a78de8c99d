// What the server does once at start, before it serves: check the configuration, open and
// migrate the database, seed at first start, and say how to log in.
import fs from "node:fs";
import path from "node:path";
import { closeDb, dbKind, getDb, nameConnectionsAs } from "@/db/client";
import { seedAtFirstStart } from "@/lib/domain/seed";
import { takeSeedResult } from "@/lib/first-start-seed";
import { applyPublicUrlToAuth } from "@/lib/auth/public-url";
import { env } from "@/lib/env";

function initialPasswordFile(dataDir: string): string {
  return path.join(dataDir, "initial-admin-password");
}

let stopWorker: () => Promise<void> = async () => {};

export async function boot(): Promise<void> {
  const config = env();
  applyPublicUrlToAuth(config.PUBLIC_URL);
  nameConnectionsAs("web");
  await getDb();
  const result = takeSeedResult() ?? await seedAtFirstStart(await getDb(), {
    adminEmail: config.SEED_ADMIN_EMAIL,
    adminPassword: config.SEED_ADMIN_PASSWORD,
    adminToken: config.SEED_ADMIN_TOKEN,
    demo: config.SEED_DEMO === "1",
  });

  const lines = [`Sluice ${result.seeded ? "seeded and ready" : "ready"} at ${config.PUBLIC_URL ?? `http://localhost:${config.PORT}`}`];
  if (config.PUBLIC_URL) lines.push(`  listening on port ${config.PORT}`);
  if (config.TRUST_PROXY > 0) lines.push(`  trusting ${config.TRUST_PROXY} proxy hop${config.TRUST_PROXY === 1 ? "" : "s"} (X-Forwarded-For/-Host/-Proto)`);
  lines.push(
    dbKind() === "pglite"
      ? `  database: embedded PGlite in ${path.join(config.DATA_DIR, "pglite")}`
      : "  database: Postgres (DATABASE_URL)",
  );
  if (result.generatedPassword) {
    // Kept beside the data (readable by this user only) for whoever missed this line.
    fs.mkdirSync(config.DATA_DIR, { recursive: true });
    fs.writeFileSync(initialPasswordFile(config.DATA_DIR), `${result.generatedPassword}\n`, { mode: 0o600 });
    lines.push(`  Admin login: ${result.adminEmail} / ${result.generatedPassword}`);
  } else if (result.seeded) {
    lines.push(`  Admin login: ${result.adminEmail} / (SEED_ADMIN_PASSWORD)`);
  } else {
    const file = initialPasswordFile(config.DATA_DIR);
    const hint = fs.existsSync(file) ? `password in ${file}` : "password as set at first start";
    lines.push(`  Admin login: ${result.adminEmail} (${hint})`);
  }
  if (config.WORKER === "on") {
    const { startWorker } = await import("@/lib/worker");
    const worker = await startWorker({ pollMs: config.WORKER_POLL_MS, leaseMs: config.WORKER_LEASE_MS, clearBatchSize: config.WORKER_CLEAR_BATCH });
    stopWorker = worker.stop;
    lines.push(`  worker: running in this process (${worker.id})`);
  }
  // Who tokens speak for is remembered from the first request (lib/api/principal-cache.ts); should
  // the LISTEN fail now, requests still work, and the first of them tries again.
  const { startRemembering } = await import("@/lib/api/principal-cache");
  await startRemembering().catch(() => {});
  console.log(lines.join("\n"));

  const shutdown = () =>
    void stopWorker()
      .then(closeDb)
      .finally(() => process.exit(0));
  process.once("SIGTERM", shutdown);
  process.once("SIGINT", shutdown);
}

/** A server that cannot open its database must not serve: say why and stop. */
export async function bootOrExit(): Promise<void> {
  try {
    await boot();
  } catch (error) {
    console.error(`[sluice] cannot start: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  }
}
