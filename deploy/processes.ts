// The processes of a local deployment: each in a process group of its own (so a signal reaches
// npm/tsx/node and anything they started together), its output in a log file, and a registry
// that kills every group still alive when this process exits, however it exits: a launcher
// that crashes must not leave servers holding ports and database connections behind.
import { spawn } from "node:child_process";
import fs from "node:fs";

export interface Child {
  label: string;
  pid: number;
  log: string;
  /** Resolves when the group's leader has exited. */
  exited: Promise<void>;
  alive: () => boolean;
  /** The log so far (what the process printed). */
  output: () => string;
  kill9: () => Promise<void>;
  /** SIGTERM, then SIGKILL after `graceMs`. */
  stop: (graceMs?: number) => Promise<void>;
}

const live = new Set<Child>();

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group is gone already
  }
}

// Synchronous, as 'exit' handlers must be: the last resort after a crash or process.exit().
process.on("exit", () => {
  for (const child of live) signalGroup(child.pid, "SIGKILL");
});

export function spawnGroup(label: string, command: string, args: string[], env: NodeJS.ProcessEnv, log: string, cwd: string): Child {
  const fd = fs.openSync(log, "a");
  const proc = spawn(command, args, { cwd, env, detached: true, stdio: ["ignore", fd, fd] });
  fs.closeSync(fd);
  const pid = proc.pid;
  if (pid === undefined) throw new Error(`could not start ${label} (${command})`);
  let done = false;
  const exited = new Promise<void>((resolve) => {
    proc.once("exit", () => {
      done = true;
      resolve();
    });
    proc.once("error", () => {
      done = true;
      resolve();
    });
  });
  const child: Child = {
    label,
    pid,
    log,
    exited,
    alive: () => !done,
    output: () => (fs.existsSync(log) ? fs.readFileSync(log, "utf8") : ""),
    kill9: async () => {
      signalGroup(pid, "SIGKILL");
      await exited;
      live.delete(child);
    },
    stop: async (graceMs = 10_000) => {
      signalGroup(pid, "SIGTERM");
      const timer = setTimeout(() => signalGroup(pid, "SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
      // Whatever the leader left running in its group goes too.
      signalGroup(pid, "SIGKILL");
      live.delete(child);
    },
  };
  live.add(child);
  return child;
}

/** Waits until `probe` says yes, failing early when `child` exits (its log's tail says why). */
export async function waitFor(what: string, probe: () => Promise<boolean>, child: Child | null, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await probe()) return;
    if (child && !child.alive()) throw new Error(`${child.label} exited before ${what}; its log (${child.log}):\n${child.output().slice(-3000)}`);
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
