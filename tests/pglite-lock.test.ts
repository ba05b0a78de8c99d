import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { acquireDataDirLock, DataDirInUseError, lockPathFor, releaseDataDirLock } from "@/db/pglite-lock";

const dirs: string[] = [];
function tempDir(): string {
  const dir = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "sluice-lock-")), "pglite");
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(path.dirname(d), { recursive: true, force: true })));

describe("PGlite data dir lock", () => {
  it("refuses a dir held by another live process, naming the dir and its pid", async () => {
    const dir = tempDir();
    // A real second process that holds the lock, as a running server would.
    const holder = spawn(process.execPath, ["-e", `require("fs").writeFileSync(${JSON.stringify(lockPathFor(dir))}, String(process.pid)); setTimeout(() => {}, 60000)`]);
    try {
      await expect.poll(() => fs.existsSync(lockPathFor(dir))).toBe(true);
      expect(() => acquireDataDirLock(dir)).toThrow(DataDirInUseError);
      expect(() => acquireDataDirLock(dir)).toThrow(`${dir} is in use by another process (pid ${holder.pid})`);
    } finally {
      holder.kill("SIGKILL");
    }
  });

  it("takes over the lock of a process that died", async () => {
    const dir = tempDir();
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((resolve) => dead.on("exit", resolve));
    fs.writeFileSync(lockPathFor(dir), String(dead.pid));
    acquireDataDirLock(dir);
    expect(fs.readFileSync(lockPathFor(dir), "utf8")).toBe(String(process.pid));
    releaseDataDirLock(dir);
    expect(fs.existsSync(lockPathFor(dir))).toBe(false);
  });
});
