// npm start: check the configuration, build when the sources changed, then serve (scripts/serve.ts).
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { inUseMessage, liveHolder } from "../db/pglite-lock";
import { EnvError, parseEnv, type Env } from "../lib/env";
import type { SeedResult } from "../lib/domain/seed";
import { handOverSeedResult } from "../lib/first-start-seed";
import { buildIfNeeded } from "./build-if-needed";
import { serve } from "./serve";

const root = process.cwd();

/** The child preparing a new embedded database, while it runs: stopped with us if we fail. */
let preparing: ChildProcess | null = null;

function fail(message: string): never {
  console.error(message);
  preparing?.kill("SIGKILL");
  process.exit(1);
}

let config: Env;
try {
  config = parseEnv(process.env);
} catch (error) {
  if (error instanceof EnvError) fail(error.message);
  throw error;
}

/**
 * A new embedded database is created and seeded in a child process (scripts/prepare-database.ts),
 * beside the build when there is one; its seeding's result is handed to the server in this process.
 */
function prepareEmbeddedDatabase(): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--import", "tsx", path.join(root, "scripts", "prepare-database.ts")], {
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      env: process.env,
    });
    preparing = child;
    child.on("message", (result: SeedResult) => handOverSeedResult(result));
    // Whatever happens there, the server opens the database itself and says what is wrong.
    const done = () => {
      preparing = null;
      resolve();
    };
    child.once("exit", done);
    child.once("error", done);
  });
}

let prepared: Promise<void> = Promise.resolve();
if (!config.DATABASE_URL) {
  const dir = path.join(config.DATA_DIR, "pglite");
  const holder = liveHolder(dir);
  if (holder !== null) fail(inUseMessage(dir, holder));
  if (!fs.existsSync(dir)) prepared = prepareEmbeddedDatabase();
}

// The build runs in a child process: the database's preparation goes on beside it.
if (!buildIfNeeded(root)) fail("The build failed; see above.");

prepared
  .then(() => serve(config, root))
  .catch((error: unknown) => {
    const code = error instanceof Error && "code" in error ? String(error.code) : "";
    fail(code === "EADDRINUSE" ? `Port ${config.PORT} is already in use: set PORT to a free one.` : `Cannot serve: ${String(error)}`);
  });
