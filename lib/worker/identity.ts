import { randomBytes } from "node:crypto";
import os from "node:os";

/** Who holds a lease: host, pid and a random tag (a restarted process is a new holder). */
export function newWorkerId(): string {
  return `${os.hostname()}:${process.pid}:${randomBytes(3).toString("hex")}`;
}
