// Prints one closing line for `npm test`: the unit and e2e results added up.
import fs from "node:fs";

interface VitestReport {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests: number;
}
interface PlaywrightReport {
  stats: { expected: number; unexpected: number; skipped: number; flaky: number };
}

function read<T>(file: string): T | null {
  try {
    return JSON.parse(fs.readFileSync(file, "utf8")) as T;
  } catch {
    return null;
  }
}

const unit = read<VitestReport>("reports/vitest.json");
const e2e = read<PlaywrightReport>("reports/playwright.json");
if (!unit || !e2e) {
  console.error("test summary: a report is missing (reports/vitest.json, reports/playwright.json)");
  process.exit(1);
}
const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;
console.log(`unit ${unit.numPassedTests} passed; e2e ${e2e.stats.expected + e2e.stats.flaky} passed`);
console.log(`${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
