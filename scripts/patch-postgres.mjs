// postgres.js 3.4.9 defers small writes with setImmediate; when the connection closes first
// (Postgres restarted, a backend killed), the deferred write dereferences a null socket and
// throws outside any query: an uncaughtException, and the query it carried waits forever.
// Upstream: porsager/postgres#1154, #1208 (fix proposed, not released). Until it is, this
// guard settles such a write as CONNECTION_CLOSED, which our dialects answer as 503/500.
// Run by npm's postinstall; idempotent; fails loudly if the code it guards has changed.
import fs from "node:fs";
import path from "node:path";

const MARK = "/* sluice: null-socket guard */";
const ORIGINAL = "  function nextWrite(fn) {\n    const x = socket.write(chunk, fn)";
const GUARDED = `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options, socket))
      return false
    }
    const x = socket.write(chunk, fn)`;

const root = path.join(process.cwd(), "node_modules", "postgres");
for (const file of ["src/connection.js", "cjs/src/connection.js"]) {
  const full = path.join(root, file);
  if (!fs.existsSync(full)) continue;
  const text = fs.readFileSync(full, "utf8");
  if (text.includes(MARK)) continue;
  if (!text.includes(ORIGINAL)) {
    console.error(`patch-postgres: ${full} no longer has the code this guard expects; check whether the upstream fix landed and drop scripts/patch-postgres.mjs`);
    process.exit(1);
  }
  fs.writeFileSync(full, text.replace(ORIGINAL, GUARDED));
  console.log(`patch-postgres: guarded nextWrite in ${file}`);
}
