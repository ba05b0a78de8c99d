// The server the e2e specs drive: `npm start` on a database of its own, made fresh for this
// run (a new PGlite dir, or a new database on the Postgres of DATABASE_URL, dropped at exit).
import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";

import { ADMIN, ADMIN_TOKEN } from "./users";

async function freshPostgres(url: string): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `sluice_e2e_${Date.now()}_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  const fresh = new URL(url);
  fresh.pathname = `/${name}`;
  return {
    url: fresh.toString(),
    drop: async () => {
      const sql = postgres(url, { max: 1, onnotice: () => {} });
      await sql.unsafe(`drop database if exists "${name}" with (force)`);
      await sql.end();
    },
  };
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-e2e-"));
  const db = process.env.DATABASE_URL ? await freshPostgres(process.env.DATABASE_URL) : null;
  const child = spawn("npm", ["start"], {
    stdio: "inherit",
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      DATABASE_URL: db?.url ?? "",
      SEED_ADMIN_EMAIL: ADMIN.email,
      SEED_ADMIN_PASSWORD: ADMIN.password,
      SEED_ADMIN_TOKEN: ADMIN_TOKEN,
      SEED_DEMO: "1",
      // The specs stand where a proxy would: a spec that poses as another client appends its
      // address to X-Forwarded-For (e2e/rate-limit.spec.ts), one that does not is the socket's.
      TRUST_PROXY: "1",
    },
  });
  const stop = () => child.kill("SIGTERM");
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
  child.on("exit", async (code) => {
    await db?.drop().catch((error) => console.error("could not drop the e2e database:", error));
    fs.rmSync(dataDir, { recursive: true, force: true });
    process.exit(code ?? 0);
  });
}

void main();
