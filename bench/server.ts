// The real server, as `npm start` runs it, on its own port and the bench's data: started in a
// process group of its own so that stopping it stops next too.
import fs from "node:fs";
import path from "node:path";
import { PASSWORD, PORT, TOKEN } from "./config";
import { spawnGroup } from "./process-group";
import type { Target } from "./db";

export const BASE = `http://127.0.0.1:${PORT}`;

export interface Server {
  pid: number;
  log: string;
  stop: () => Promise<void>;
}

async function healthy(): Promise<boolean> {
  try {
    const res = await fetch(`${BASE}/api/health`);
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

export async function startServer(target: Target, label: string): Promise<Server> {
  if (await healthy()) throw new Error(`something already answers on port ${PORT}: set BENCH_PORT`);
  const log = path.join(target.dataDir, `server-${label}.log`);
  const { pid, exitCode, exited, signal } = spawnGroup(["start"], log, {
    ...process.env,
    PORT: String(PORT),
    DATA_DIR: target.dataDir,
    DATABASE_URL: target.url ?? "",
    WORKER: "on",
    SEED_ADMIN_TOKEN: TOKEN,
    SEED_ADMIN_PASSWORD: PASSWORD,
    AUTH_SECRET: process.env.AUTH_SECRET ?? "bench-auth-secret-0123456789abcdef0123",
    NEXT_TELEMETRY_DISABLED: "1",
  });
  const deadline = Date.now() + 180_000;
  while (!(await healthy())) {
    if (exitCode() !== null) throw new Error(`the server exited; see ${log}:\n${fs.readFileSync(log, "utf8")}`);
    if (Date.now() > deadline) {
      signal("SIGKILL");
      throw new Error(`the server did not answer within 180 s; see ${log}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    pid,
    log,
    stop: async () => {
      signal("SIGTERM");
      // PGlite is closed (and checkpointed) on SIGTERM: at full scale that can take a while, and a
      // data dir killed mid-close does not open again.
      const timer = setTimeout(() => signal("SIGKILL"), 120_000);
      await exited;
      clearTimeout(timer);
      // npm may exit before next does: wait until the port is free.
      for (let i = 0; i < 100 && (await healthy()); i++) await new Promise((r) => setTimeout(r, 100));
    },
  };
}

/** A request as a client makes it, with the seeded admin's token; the body is read in full. */
export async function api(method: string, pathAndQuery: string, expect: number, body?: unknown, token = TOKEN, headers: Record<string, string> = {}): Promise<string> {
  const res = await fetch(`${BASE}${pathAndQuery}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "content-type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (res.status !== expect) throw new Error(`${method} ${pathAndQuery}: ${res.status} (wanted ${expect}): ${text.slice(0, 300)}`);
  return text;
}
