// `npm start` and `npm run worker` run in process groups of their own (detached), so that a
// signal reaches npm and the node processes under it at once.
import { spawn } from "node:child_process";
import fs from "node:fs";

export interface Group {
  pid: number;
  exitCode: () => number | null;
  exited: Promise<void>;
  signal: (sig: NodeJS.Signals) => void;
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function groupGone(pid: number): Promise<void> {
  while (groupAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Starts `npm <args>` in a group of its own, its output appended to `log`. */
export function spawnGroup(args: string[], log: string, env: NodeJS.ProcessEnv): Group {
  const out = fs.openSync(log, "a");
  const child = spawn("npm", args, { detached: true, stdio: ["ignore", out, out], env });
  fs.closeSync(out);
  const pid = child.pid;
  if (pid === undefined) throw new Error(`could not start npm ${args.join(" ")}`);
  return {
    pid,
    exitCode: () => child.exitCode,
    // npm leaves at once on SIGTERM while its node child is still closing the database (1.5 s on
    // a small embedded data dir, far longer at full scale): the group is gone only when every
    // process of it is. The bench opened the data dir again during that close, and PGlite could
    // not open it after ("PGlite failed to initialize properly": row f, both full runs).
    exited: new Promise<void>((resolve) => child.once("exit", () => resolve())).then(() => groupGone(pid)),
    signal: (sig) => {
      try {
        process.kill(-pid, sig);
      } catch {
        // already gone
      }
    },
  };
}
