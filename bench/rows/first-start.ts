// Row k: a clean clone to a healthy console, the README's two commands. The committed sources
// (HEAD) are cloned into a fresh folder, then `npm install` (npm's cache warm, as on a machine
// that has installed before) and `npm start` on the embedded default (the two commands name no
// database), until /api/health answers 200. Phases are timed from the child's own output.
import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { PORT } from "../config";
import { now } from "../stats";
import { absolute, type ResultRow } from "../table";

const GOAL = { text: "≤ 60 s", max: 60 };

interface Phases {
  install: number;
  build: number;
  boot: number;
  total: number;
}

function run(cmd: string, args: string[], cwd: string): void {
  const done = spawnSync(cmd, args, { cwd, stdio: ["ignore", "pipe", "pipe"], encoding: "utf8", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  if (done.status !== 0) throw new Error(`${cmd} ${args.join(" ")} failed (${done.status}):\n${done.stdout}\n${done.stderr}`);
}

async function healthy(base: string): Promise<boolean> {
  try {
    const res = await fetch(`${base}/api/health`);
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

async function firstStart(dir: string, port: number): Promise<Phases> {
  const t0 = now();
  run("npm", ["install", "--no-audit", "--no-fund", "--prefer-offline"], dir);
  const installed = now();
  const env: NodeJS.ProcessEnv = { ...process.env, PORT: String(port), NEXT_TELEMETRY_DISABLED: "1" };
  for (const name of ["DATABASE_URL", "AMQP_URL", "REDIS_URL", "DATA_DIR", "AUTH_SECRET", "SEED_DEMO", "PUBLIC_URL", "TRUST_PROXY"]) delete env[name];
  const child = spawn("npm", ["start"], { cwd: dir, detached: true, stdio: ["ignore", "pipe", "pipe"], env });
  let output = "";
  let built: number | null = null;
  const onData = (chunk: Buffer) => {
    output += chunk.toString();
    // The build ends where the app starts booting: npm start prints nothing between the two.
    if (built === null && /Compiled successfully|Generating static pages|Finalizing page optimization/.test(output)) built = now();
  };
  child.stdout.on("data", onData);
  child.stderr.on("data", onData);
  try {
    const base = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 600_000;
    while (!(await healthy(base))) {
      if (child.exitCode !== null) throw new Error(`npm start exited:\n${output}`);
      if (Date.now() > deadline) throw new Error(`no healthy console within 600 s:\n${output}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const up = now();
    const build = (built ?? installed) - installed;
    return { install: (installed - t0) / 1000, build: build / 1000, boot: (up - installed - build) / 1000, total: (up - t0) / 1000 };
  } finally {
    try {
      process.kill(-(child.pid ?? 0), "SIGKILL");
    } catch {
      // already gone
    }
  }
}

export async function firstStartRows(): Promise<ResultRow[]> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-first-start-"));
  try {
    run("git", ["clone", "--quiet", process.cwd(), dir], os.tmpdir());
    const p = await firstStart(dir, PORT + 7);
    const note = `npm install ${p.install.toFixed(1)} s, build ${p.build.toFixed(1)} s, boot to healthy ${p.boot.toFixed(1)} s (embedded PGlite)`;
    console.log(`  k: ${note}`);
    return [absolute("k", "clean clone → healthy console (npm install && npm start)", p.total, "s", GOAL, note)];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
