// A first start on the embedded database: create, migrate and seed it in a process of its own,
// then hand the seeding's result to `npm start` (IPC) and exit. PGlite's memory only grows: the
// initdb and a demo's bulk inserts left ~120 MiB in the web process for good (issue 16, row h:
// first start 463 → see BENCHMARKS.md), and the initdb runs beside the build instead of after it.
import { closeDb, getDb } from "../db/client";
import { seedAtFirstStart } from "../lib/domain/seed";
import { env } from "../lib/env";

async function main(): Promise<void> {
  const config = env();
  const result = await seedAtFirstStart(await getDb(), {
    adminEmail: config.SEED_ADMIN_EMAIL,
    adminPassword: config.SEED_ADMIN_PASSWORD,
    adminToken: config.SEED_ADMIN_TOKEN,
    demo: config.SEED_DEMO === "1",
  });
  await closeDb();
  await new Promise<void>((resolve) => (process.send ? process.send(result, () => resolve()) : resolve()));
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    const why = error instanceof Error ? error.message : typeof error === "object" ? JSON.stringify(error) : String(error);
    console.error(`[sluice] preparing the embedded database failed: ${why}`);
    process.exit(1);
  },
);
