// The process a wrapper runs: `node lib/worker/wrapper-program.mjs <wrapper_id>`. It stands in
// for a connector runtime: it prints one heartbeat line a second on stdout (the supervisor turns
// them into heartbeat_at) and exits 0 on SIGTERM or SIGINT. Plain JS, so the supervisor can start
// it with the bare node binary, without tsx or a build step.
const wrapperId = process.argv[2];
if (!wrapperId) {
  process.stderr.write("usage: node wrapper-program.mjs <wrapper_id>\n");
  process.exit(2);
}

const intervalMs = Math.max(Number(process.env.WRAPPER_HEARTBEAT_MS) || 1000, 10);
const parent = process.ppid;
let beats = 0;

function stop(reason) {
  clearInterval(timer);
  // Exit once the last line is flushed (or at once when nobody reads stdout any more).
  process.stdout.write(`stopped ${wrapperId} (${reason})\n`, () => process.exit(0));
  setTimeout(() => process.exit(0), 500).unref();
}

function beat() {
  // A supervisor that died without stopping us leaves us re-parented: nobody would record our
  // heartbeats, and another worker starts the wrapper again, so this copy must go.
  if (process.ppid !== parent) stop("supervisor gone");
  else process.stdout.write(`heartbeat ${wrapperId} ${++beats} ${new Date().toISOString()}\n`);
}

// EPIPE: the supervisor closed our stdout (it died): same as above.
process.stdout.on("error", () => process.exit(0));
process.on("SIGTERM", () => stop("SIGTERM"));
process.on("SIGINT", () => stop("SIGINT"));

const timer = setInterval(beat, intervalMs);
beat();
