// The reference deployment on one machine: haproxy (deploy/haproxy.cfg) in front of two web
// instances without their in-process worker, two `npm run worker` processes, all on one Postgres
// and one RabbitMQ. `npm run deploy:local` runs it for a person; the deployment test imports it.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIfNeeded } from "../scripts/build-if-needed";
import { spawnGroup, waitFor, type Child } from "./processes";

export interface DeployOptions {
  /** The checkout to run (the repository root). */
  root: string;
  /** Data dirs and logs of every process go under it. */
  runDir: string;
  databaseUrl: string;
  amqpUrl?: string;
  /** Shared by the web instances: a cookie signed by one is read by the other. */
  authSecret: string;
  proxyPort: number;
  webPorts: readonly [number, number];
  workers?: number;
  /** Added to every web instance's and worker's environment (seed, worker timings...). */
  env?: Record<string, string>;
  log?: (line: string) => void;
}

export interface WebInstance {
  /** haproxy's name for it, sent back in `x-sluice-instance`. */
  name: string;
  port: number;
  url: string;
  pid: number;
  process: Child;
}

export interface WorkerInstance {
  name: string;
  pid: number;
  process: Child;
}

export interface Deployment {
  /** Where users reach it: the proxy. */
  url: string;
  webs: WebInstance[];
  workers: WorkerInstance[];
  proxy: Child;
  /** The admin login line the first web instance printed ("admin@… / password"). */
  adminLogin: string | null;
  /** Starts one more worker (after one was killed, say). */
  addWorker: () => Promise<WorkerInstance>;
  /** Starts a web instance again on its port (after it was killed), once it answers. */
  restartWeb: (name: string) => Promise<WebInstance>;
  /** Stops everything it started; safe to call twice. */
  stop: () => Promise<void>;
}

async function answers(url: string): Promise<Response | null> {
  try {
    const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
    await res.arrayBuffer();
    return res;
  } catch {
    return null;
  }
}

function haproxyPath(): string {
  for (const candidate of ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy"]) if (fs.existsSync(candidate)) return candidate;
  try {
    return execFileSync("sh", ["-c", "command -v haproxy"], { encoding: "utf8" }).trim();
  } catch {
    throw new Error("haproxy is not installed: apt-get install -y haproxy (Debian's package, 2.6 or later)");
  }
}

/** Builds once, then starts the proxy, the web instances and the workers; resolves when all serve. */
export async function start(o: DeployOptions): Promise<Deployment> {
  const say = o.log ?? ((line: string) => console.log(line));
  const haproxy = haproxyPath();
  fs.mkdirSync(o.runDir, { recursive: true });
  // One build before anything starts: two instances starting on a changed tree would both build
  // into the same .next at once. After this, each one's `npm start` finds the build current.
  if (!buildIfNeeded(o.root)) throw new Error("the build failed; see above");

  const started: Child[] = [];
  const base: NodeJS.ProcessEnv = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["PORT", "DATA_DIR", "WORKER", "SEED_DEMO"]) delete base[name];
  Object.assign(base, {
    DATABASE_URL: o.databaseUrl,
    AMQP_URL: o.amqpUrl ?? "",
    AUTH_SECRET: o.authSecret,
    ...o.env,
  });
  const url = `http://127.0.0.1:${o.proxyPort}`;
  // One DATA_DIR for every process: runs stage files under DATA_DIR/storage on the worker that ran
  // them, and a clear or delete on another process must find them (on several machines this is a
  // shared volume). The rest of DATA_DIR is unused on Postgres with AUTH_SECRET set.
  const dataDir = path.join(o.runDir, "data");
  fs.mkdirSync(dataDir, { recursive: true });
  const logDir = path.join(o.runDir, "logs");
  fs.mkdirSync(logDir, { recursive: true });

  const startWeb = (index: number): WebInstance => {
    const name = `web${index + 1}`;
    const port = o.webPorts[index]!;
    const env = { ...base, PORT: String(port), DATA_DIR: dataDir, WORKER: "off", TRUST_PROXY: "1", PUBLIC_URL: url };
    // scripts/start.ts straight from node, as `npm start` runs it, one process fewer.
    const child = spawnGroup(name, process.execPath, ["--import", "tsx", "scripts/start.ts"], env, path.join(logDir, `${name}.log`), o.root);
    started.push(child);
    return { name, port, url: `http://127.0.0.1:${port}`, pid: child.pid, process: child };
  };

  let workerCount = 0;
  const addWorker = async (): Promise<WorkerInstance> => {
    const name = `worker${++workerCount}`;
    const child = spawnGroup(
      name,
      process.execPath,
      ["--conditions=react-server", "--import", "tsx", "scripts/worker.ts"],
      { ...base, DATA_DIR: dataDir },
      path.join(logDir, `${name}.log`),
      o.root,
    );
    started.push(child);
    await waitFor(`${name} to start`, async () => /worker \S+ started/.test(child.output()), child, 60_000);
    return { name, pid: child.pid, process: child };
  };

  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    // The proxy first, so nobody is sent to an instance that is stopping.
    await Promise.all([...started].reverse().map((c) => c.stop()));
  };

  try {
    // The first instance alone first: it migrates and seeds a fresh database and prints the login.
    const webs = [startWeb(0)];
    await waitFor(`${webs[0]!.name} to answer /api/health`, async () => (await answers(`${webs[0]!.url}/api/health`))?.ok === true, webs[0]!.process, 180_000);
    webs.push(startWeb(1));
    const workers: WorkerInstance[] = [];
    const workersStarting = Promise.all(Array.from({ length: o.workers ?? 2 }, () => addWorker()));
    await waitFor(`${webs[1]!.name} to answer /api/health`, async () => (await answers(`${webs[1]!.url}/api/health`))?.ok === true, webs[1]!.process, 180_000);
    workers.push(...(await workersStarting));

    const proxyLog = path.join(logDir, "haproxy.log");
    const proxy = spawnGroup(
      "haproxy",
      haproxy,
      ["-db", "-f", path.join(o.root, "deploy", "haproxy.cfg")],
      { ...process.env, SLUICE_PROXY_BIND: `127.0.0.1:${o.proxyPort}`, SLUICE_WEB1: `127.0.0.1:${o.webPorts[0]}`, SLUICE_WEB2: `127.0.0.1:${o.webPorts[1]}` },
      proxyLog,
      o.root,
    );
    started.push(proxy);
    // Ready when the proxy has both instances in rotation: successive answers name both.
    const seen = new Set<string>();
    await waitFor("haproxy to route to both instances", async () => {
      const res = await answers(`${url}/api/health`);
      const name = res?.ok ? res.headers.get("x-sluice-instance") : null;
      if (name) seen.add(name);
      return seen.size === webs.length;
    }, proxy, 30_000);

    const login = webs[0]!.process.output().match(/Admin login: (.+)/);
    say(`Sluice is deployed at ${url} (haproxy → ${webs.map((w) => `${w.name} :${w.port}`).join(", ")}; ${workers.length} workers)`);
    return {
      url,
      webs,
      workers,
      proxy,
      adminLogin: login?.[1] ?? null,
      addWorker: async () => {
        const worker = await addWorker();
        workers.push(worker);
        return worker;
      },
      restartWeb: async (name: string) => {
        const index = webs.findIndex((w) => w.name === name);
        if (index < 0) throw new Error(`no web instance ${name}`);
        await webs[index]!.process.stop();
        const web = startWeb(index);
        await waitFor(`${name} to answer /api/health again`, async () => (await answers(`${web.url}/api/health`))?.ok === true, web.process, 120_000);
        webs[index] = web;
        return web;
      },
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
