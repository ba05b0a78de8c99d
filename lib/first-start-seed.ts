// On a first start on the embedded database, `npm start` creates and seeds it in a child process
// (scripts/prepare-database.ts) and hands the seeding's result to the server in this process
// through this slot, so boot() prints the login as if it had seeded itself. A slot on globalThis:
// Next.js loads boot() from its own bundle, not from the module start.ts imported.
import type { SeedResult } from "@/lib/domain/seed";

const slot = Symbol.for("sluice.first-start-seed");
const holder = globalThis as unknown as { [slot]?: SeedResult };

export function handOverSeedResult(result: SeedResult): void {
  holder[slot] = result;
}

/** The result of a seeding done before the server started, once; null if there was none. */
export function takeSeedResult(): SeedResult | null {
  const result = holder[slot] ?? null;
  delete holder[slot];
  return result;
}
