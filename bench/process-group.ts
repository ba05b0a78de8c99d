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
    exited: new Promise<void>((resolve) => child.once("exit", () => resolve())),
    signal: (sig) => {
      try {
        process.kill(-pid, sig);
      } catch {
        // already gone
      }
    },
  };
}
