// PGlite has no lock of its own and two processes on one data dir silently lose writes, so
// the process that opens the dir leaves its pid beside it and any other live process refuses.
import fs from "node:fs";

export class DataDirInUseError extends Error {}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

export function lockPathFor(dataDir: string): string {
  return `${dataDir}.lock`;
}

/** The pid holding the dir, when a live process other than this one holds it. */
export function liveHolder(dataDir: string): number | null {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(lockPathFor(dataDir), "utf8").trim());
  } catch {
    return null;
  }
  if (!Number.isInteger(pid) || pid <= 0 || pid === process.pid) return null;
  return isAlive(pid) ? pid : null;
}

export function inUseMessage(dataDir: string, pid: number): string {
  return (
    `The embedded database at ${dataDir} is in use by another process (pid ${pid}). ` +
    `Stop that process, or set DATA_DIR to another folder, or DATABASE_URL to a Postgres server.`
  );
}

/** Takes the lock for this process or throws DataDirInUseError naming the dir and holder. */
export function acquireDataDirLock(dataDir: string): void {
  const lockPath = lockPathFor(dataDir);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(lockPath, String(process.pid), { flag: "wx" });
      process.once("exit", () => releaseDataDirLock(dataDir));
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    const holder = liveHolder(dataDir);
    if (holder !== null) throw new DataDirInUseError(inUseMessage(dataDir, holder));
    // The holder is gone (or it is us from an earlier open): the lock is stale.
    fs.rmSync(lockPath, { force: true });
  }
  throw new DataDirInUseError(`Could not lock ${dataDir}: the lock file ${lockPath} keeps reappearing.`);
}

export function releaseDataDirLock(dataDir: string): void {
  const lockPath = lockPathFor(dataDir);
  try {
    if (fs.readFileSync(lockPath, "utf8").trim() === String(process.pid)) fs.rmSync(lockPath);
  } catch {
    // already gone
  }
}
