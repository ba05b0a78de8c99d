// CPU time the server spent, read from /proc: user + system time of the server's node process
// and of every process under it (wrapper programs the worker supervises), plus what its reaped
// children used. On Postgres the database's own backends are other processes and not counted;
// on PGlite the database runs inside the server, so its work is.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import { serverPid } from "./rss";

/** Clock ticks per second of /proc/<pid>/stat's times (USER_HZ, 100 on Linux almost always). */
const TICKS_PER_SECOND = Number(execFileSync("getconf", ["CLK_TCK"], { encoding: "utf8" }).trim()) || 100;

interface ProcStat {
  ppid: number;
  /** utime + stime + cutime + cstime, in ticks. */
  ticks: number;
}

function readStat(pid: number): ProcStat | null {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after "(comm) ": state(3) ppid(4) … utime(14) stime(15) cutime(16) cstime(17).
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    const at = (n: number) => Number(fields[n - 3]);
    return { ppid: at(4), ticks: at(14) + at(15) + at(16) + at(17) };
  } catch {
    return null; // ended while we looked
  }
}

/** CPU seconds so far of `root` and all its descendants. */
function treeCpuSeconds(root: number): number {
  const stats = new Map<number, ProcStat>();
  for (const entry of fs.readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = readStat(Number(entry));
    if (stat) stats.set(Number(entry), stat);
  }
  let ticks = 0;
  const pending = [root];
  while (pending.length) {
    const pid = pending.pop() as number;
    ticks += stats.get(pid)?.ticks ?? 0;
    for (const [child, stat] of stats) if (stat.ppid === pid) pending.push(child);
  }
  return ticks / TICKS_PER_SECOND;
}

export interface CpuMeter {
  /** CPU seconds the server's tree used since the meter started. */
  stop: () => number;
}

export function meterServerCpu(groupLeader: number): CpuMeter {
  const pid = serverPid(groupLeader);
  if (pid === null) throw new Error(`no scripts/start.ts node process in process group ${groupLeader}`);
  const before = treeCpuSeconds(pid);
  return { stop: () => treeCpuSeconds(pid) - before };
}
