// npm start: check the configuration, build when the sources changed, then serve.
import { spawn } from "node:child_process";
import path from "node:path";
import { inUseMessage, liveHolder } from "../db/pglite-lock";
import { EnvError, parseEnv } from "../lib/env";
import { buildIfNeeded } from "./build-if-needed";

const root = process.cwd();
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config;
try {
  config = parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) fail(error.message);
  throw error;
}

if (!config.DATABASE_URL) {
  const dir = path.join(config.DATA_DIR, "pglite");
  const holder = liveHolder(dir);
  if (holder !== null) fail(inUseMessage(dir, holder));
}

if (!buildIfNeeded(root)) fail("The build failed; see above.");

// Idle connections are kept 65 s, not Node's 5 s: a pooling client or proxy (Playwright's request
// context, haproxy, an ALB's 60 s) that reuses a connection the server has just closed gets
// ECONNRESET, so the server must be the last to give up on an idle connection.
const KEEP_ALIVE_MS = 65_000;
const server = spawn(process.execPath, [nextBin, "start", "-p", String(config.PORT), "--keepAliveTimeout", String(KEEP_ALIVE_MS)], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", AUTH_TRUST_HOST: process.env.AUTH_TRUST_HOST ?? "true" },
});
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
