// npm start: check the configuration, build when the sources changed, then serve (scripts/serve.ts).
import path from "node:path";
import { inUseMessage, liveHolder } from "../db/pglite-lock";
import { EnvError, parseEnv, type Env } from "../lib/env";
import { buildIfNeeded } from "./build-if-needed";
import { serve } from "./serve";

const root = process.cwd();

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

let config: Env;
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

serve(config, root).catch((error: unknown) => {
  const code = error instanceof Error && "code" in error ? String(error.code) : "";
  fail(code === "EADDRINUSE" ? `Port ${config.PORT} is already in use: set PORT to a free one.` : `Cannot serve: ${String(error)}`);
});
