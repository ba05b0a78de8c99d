// Row h: the web server's resident memory, sampled while a row runs. The server is the node
// process running scripts/start.ts in the process group that `npm start` leads: it serves Next.js
// in-process (scripts/serve.ts); npm and the shell around it are launchers, not the server.
import fs from "node:fs";

/** The server's node process in the group `npm start` leads. */
export function serverPid(groupLeader: number): number | null {
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8");
      // Fields after "(comm) ": state ppid pgrp ...
      const pgrp = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[2]);
      if (pgrp !== groupLeader) continue;
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, "utf8").split("\0");
      if (args[0]?.endsWith("node") && args.includes("scripts/start.ts")) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  return null;
}

function rssMiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? "NaN");
  return kb / 1024;
}

export interface RssSampler {
  /** Stops sampling: the peak seen, in MiB. */
  stop: () => number;
}

export function sampleRss(groupLeader: number, everyMs = 50): RssSampler {
  const pid = serverPid(groupLeader);
  if (pid === null) throw new Error(`no scripts/start.ts node process in process group ${groupLeader}`);
  let peak = rssMiB(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMiB(pid));
    } catch {
      // the server ended
    }
  }, everyMs);
  return {
    stop: () => {
      clearInterval(timer);
      return peak;
    },
  };
}
