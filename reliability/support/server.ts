// The app as it runs for real: `npm start` (which builds only when the sources changed), or
// for the many restarts of the kill trials `next start` straight away on the build just made.
// Each in a process group of its own, so kill -9 takes the whole server down at once.
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { ADMIN_PASSWORD, ADMIN_TOKEN, AUTH_SECRET } from "./config";

export interface ServerOptions {
  port: number;
  databaseUrl: string;
  worker?: boolean;
  amqpUrl?: string;
  /** Skip npm and the build check (the build is known to be current). */
  direct?: boolean;
  env?: Record<string, string>;
  label: string;
}

export interface Server {
  base: string;
  pid: number;
  log: string;
  dataDir: string;
  kill9: () => Promise<void>;
  stop: () => Promise<void>;
}

const running = new Set<Server>();

async function healthy(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(3000) });
    await res.arrayBuffer();
    return res.ok;
  } catch {
    return false;
  }
}

async function portFree(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/api/health`, { signal: AbortSignal.timeout(1000) });
    await res.arrayBuffer();
    return false;
  } catch {
    return true;
  }
}

export async function startServer(o: ServerOptions): Promise<Server> {
  const base = `http://127.0.0.1:${o.port}`;
  if (!(await portFree(base))) throw new Error(`something already answers on port ${o.port}`);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `sluice-rel-${o.label}-`));
  const log = path.join(dataDir, "server.log");
  const out = fs.openSync(log, "a");
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ["SEED_DEMO", "SEED_ADMIN_EMAIL", "AMQP_URL", "WORKER_POLL_MS", "WORKER_LEASE_MS"]) delete env[name];
  Object.assign(env, {
    PORT: String(o.port),
    DATABASE_URL: o.databaseUrl,
    DATA_DIR: dataDir,
    WORKER: o.worker === false ? "off" : "on",
    AMQP_URL: o.amqpUrl ?? "",
    SEED_ADMIN_TOKEN: ADMIN_TOKEN,
    SEED_ADMIN_PASSWORD: ADMIN_PASSWORD,
    AUTH_SECRET,
    AUTH_TRUST_HOST: "true",
    NEXT_TELEMETRY_DISABLED: "1",
    ...o.env,
  });
  const nextBin = path.join(process.cwd(), "node_modules", "next", "dist", "bin", "next");
  const child: ChildProcess = o.direct
    ? spawn(process.execPath, [nextBin, "start", "-p", String(o.port)], { detached: true, stdio: ["ignore", out, out], env })
    : spawn("npm", ["start"], { detached: true, stdio: ["ignore", out, out], env });
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error("could not start the server");
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const signal = (sig: NodeJS.Signals) => {
    try {
      process.kill(-pid, sig);
    } catch {
      // already gone
    }
  };
  const waitGone = async () => {
    await Promise.race([exited, new Promise((r) => setTimeout(r, 15_000))]);
    for (let i = 0; i < 100 && !(await portFree(base)); i++) await new Promise((r) => setTimeout(r, 100));
  };
  const server: Server = {
    base,
    pid,
    log,
    dataDir,
    kill9: async () => {
      signal("SIGKILL");
      await waitGone();
      running.delete(server);
    },
    stop: async () => {
      signal("SIGTERM");
      const timer = setTimeout(() => signal("SIGKILL"), 10_000);
      await waitGone();
      clearTimeout(timer);
      running.delete(server);
      // The log outlives the server, for whoever reads a failure.
      const keep = path.join(os.tmpdir(), "sluice-rel-logs");
      fs.mkdirSync(keep, { recursive: true });
      fs.copyFileSync(log, path.join(keep, `${o.label}-${o.port}-${Date.now()}.log`));
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
  running.add(server);
  // A build on the first start of a changed tree takes a while on 2 cores.
  const deadline = Date.now() + 300_000;
  while (!(await healthy(base))) {
    if (child.exitCode !== null || child.signalCode !== null) {
      running.delete(server);
      throw new Error(`the server exited before answering; log ${log}:\n${fs.readFileSync(log, "utf8").slice(-3000)}`);
    }
    if (Date.now() > deadline) {
      await server.kill9();
      throw new Error(`the server did not answer within 300 s; log ${log}`);
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return server;
}

/** Every server still running (a section that threw); stopped by the runner at the end. */
export async function stopAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.stop()));
}
