// A first start on the embedded database: create and migrate it in a process of its own, while
// `npm start` builds. PGlite's initdb is ~6 s of CPU that otherwise came after the build (issue 16,
// row k), and its heap stayed in the web process for good (row h). Exits 0 once the data dir is ready.
import { closeDb, getDb } from "../db/client";

async function main(): Promise<void> {
  await getDb();
  await closeDb();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(`[sluice] preparing the embedded database failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
