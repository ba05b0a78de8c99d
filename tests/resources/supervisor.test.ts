// The wrapper supervisor, with real child processes: it starts wrapper-program.mjs for each
// wrapper that should run, records RUNNING and heartbeats, restarts one whose heartbeat lapsed,
// and stops the process when the resource is deleted (here, or by another host's delete).
import fs from "node:fs";
import os from "node:os";
import { spawnSync } from "node:child_process";
import { eq } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { wrappers } from "@/db/schema";
import { startWorker } from "@/lib/worker";
import { createSupervisor, type Supervisor } from "@/lib/worker/supervisor";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { alive, deleteVia, makeResource, stateOf, waitFor } from "./support";

let org: TestOrg;
const supervisors: Supervisor[] = [];
const TIMING = { beatMs: 100, recordMs: 300, killGraceMs: 3000, failedRetryMs: 600 };

beforeAll(async () => {
  org = await makeOrg();
});
// A failed test must not leave processes behind, nor wrappers that the next test's supervisor
// would start before its own.
afterEach(async () => {
  await Promise.all(supervisors.splice(0).map((s) => s.stop()));
  await (await getDb()).update(wrappers).set({ desiredRunning: false }).where(eq(wrappers.orgId, org.id));
});

async function supervisor(): Promise<Supervisor> {
  const s = createSupervisor(await getDb(), { ...TIMING, orgId: org.id });
  supervisors.push(s);
  return s;
}

async function wrapperRow(resourceId: string) {
  const db = await getDb();
  const [row] = await db.select().from(wrappers).where(eq(wrappers.resourceId, resourceId));
  if (!row) throw new Error("no wrapper");
  return row;
}

/** Ticks until the wrapper of `resourceId` is RUNNING; its row. */
async function running(s: Supervisor, resourceId: string) {
  return waitFor("the wrapper to run", async () => {
    await s.tick();
    const row = await wrapperRow(resourceId);
    return row.status === "RUNNING" && row.pid !== null ? row : null;
  });
}

/** Until a heartbeat after the start is recorded: the program is up and handles SIGTERM. */
async function beating(s: Supervisor, resourceId: string) {
  const started = await running(s, resourceId);
  return waitFor("a heartbeat", async () => {
    const row = await wrapperRow(resourceId);
    return row.heartbeatAt!.getTime() > started.startedAt!.getTime() ? row : null;
  });
}

const childOf = (s: Supervisor, wrapperId: string) => s.running().some((c) => c.wrapperId === wrapperId);

describe("wrapper supervisor", () => {
  it("spawns the wrapper program, records RUNNING and keeps heartbeat_at fresh", async () => {
    const resource = await makeResource(org.admin);
    const s = await supervisor();
    const row = await running(s, resource.id);
    const pid = row.pid!;
    expect(alive(pid)).toBe(true);
    expect(row).toMatchObject({ host: os.hostname(), desiredRunning: true, stoppedAt: null });
    expect(row.startedAt).not.toBeNull();
    if (fs.existsSync(`/proc/${pid}/cmdline`)) {
      expect(fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0")).toEqual(expect.arrayContaining([expect.stringMatching(/wrapper-program\.mjs$/), row.id]));
    }
    expect(s.running()).toEqual([{ wrapperId: row.id, pid }]);
    expect((await stateOf(resource.id)).logs).toEqual([`Wrapper process ${pid} started on ${os.hostname()}`]);

    const first = row.heartbeatAt!.getTime();
    const later = await waitFor("a newer heartbeat", async () => {
      const now = await wrapperRow(resource.id);
      return now.heartbeatAt!.getTime() > first ? now : null;
    });
    expect(later).toMatchObject({ status: "RUNNING", pid });
    // Claimed once: more ticks start nothing more.
    expect(await s.tick()).toBe(false);
    expect(s.running()).toHaveLength(1);
  });

  it("deleting the resource stops the process, and the log says so", async () => {
    const resource = await makeResource(org.admin);
    const s = await supervisor();
    const pid = (await beating(s, resource.id)).pid!;

    const res = await deleteVia(org.admin, resource.id);
    expect(res.status).toBe(200);
    await waitFor("the process to end", async () => !alive(pid));
    await waitFor("the exit to be recorded", async () => !childOf(s, resource.wrapper!.id));

    const state = await stateOf(resource.id);
    expect(state.wrapper).toMatchObject({ status: "STOPPED", desiredRunning: false, pid });
    expect(state.wrapper!.stoppedAt).toEqual(state.resource!.deletedAt);
    const line = `Resource ${resource.id} deleted at ${state.resource!.deletedAt!.toISOString()} and wrapper process stopped`;
    await waitFor("the exit log line", async () => (await stateOf(resource.id)).logs.length === 3);
    expect((await stateOf(resource.id)).logs).toEqual([`Wrapper process ${pid} started on ${os.hostname()}`, line, `Wrapper process ${pid} exited (code 0)`]);
    // A deleted resource's wrapper is never started again.
    expect(await s.tick()).toBe(false);
    expect((await wrapperRow(resource.id)).status).toBe("STOPPED");
  });

  it("stops a process at its next tick when desired_running is cleared elsewhere (another host's delete)", async () => {
    const db = await getDb();
    const resource = await makeResource(org.admin);
    const s = await supervisor();
    const row = await beating(s, resource.id);
    await db.update(wrappers).set({ desiredRunning: false }).where(eq(wrappers.id, row.id));
    await s.tick();
    await waitFor("the process to end", async () => !alive(row.pid!));
    const stopped = await waitFor("STOPPED", async () => {
      const now = await wrapperRow(resource.id);
      return now.status === "STOPPED" ? now : null;
    });
    expect(stopped.stoppedAt).not.toBeNull();
    expect((await stateOf(resource.id)).logs.at(-1)).toBe(`Wrapper process ${row.pid} exited (code 0)`);
  });

  it("records FAILED when the process dies, and starts it again after a pause", async () => {
    const resource = await makeResource(org.admin);
    const s = await supervisor();
    const first = (await running(s, resource.id)).pid!;
    process.kill(first, "SIGKILL");
    await waitFor("FAILED", async () => (await wrapperRow(resource.id)).status === "FAILED");
    expect((await stateOf(resource.id)).logs).toContain(`Wrapper process ${first} exited (signal SIGKILL)`);
    expect(await s.tick()).toBe(false); // not at once: failedRetryMs
    const again = await running(s, resource.id);
    expect(again.pid).not.toBe(first);
    expect(alive(again.pid!)).toBe(true);
  });

  it("records FAILED, quoting its last error line, when the program cannot run", async () => {
    const resource = await makeResource(org.admin);
    const s = createSupervisor(await getDb(), { ...TIMING, orgId: org.id, program: "/nonexistent/wrapper-program.mjs" });
    supervisors.push(s);
    expect(await s.tick()).toBe(true);
    await waitFor("FAILED", async () => (await wrapperRow(resource.id)).status === "FAILED");
    const logs = (await stateOf(resource.id)).logs;
    expect(logs.at(-1)).toMatch(/^Wrapper process \d+ exited \(code 1\): Error: Cannot find module '\/nonexistent\/wrapper-program\.mjs'/);
    expect(s.running()).toEqual([]);
  });

  it("claims a RUNNING wrapper whose heartbeat lapsed (its worker died) and runs it here", async () => {
    const db = await getDb();
    const resource = await makeResource(org.admin);
    const dead = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"]).stdout.toString();
    await db
      .update(wrappers)
      .set({ status: "RUNNING", pid: Number(dead), host: "some-other-host", heartbeatAt: new Date(Date.now() - 60_000), startedAt: new Date(Date.now() - 120_000) })
      .where(eq(wrappers.resourceId, resource.id));
    const s = await supervisor();
    expect(await s.tick()).toBe(true);
    const row = await wrapperRow(resource.id);
    expect(row).toMatchObject({ status: "RUNNING", host: os.hostname() });
    expect(row.pid).not.toBe(Number(dead));
    expect(alive(row.pid!)).toBe(true);
    expect((await stateOf(resource.id)).logs.at(-1)).toBe(`Wrapper process ${row.pid} started on ${os.hostname()} (the previous process stopped sending heartbeats)`);
  });

  it("stop() ends every child and records STOPPED, leaving them wanted for the next worker", async () => {
    const a = await makeResource(org.admin);
    const b = await makeResource(org.admin);
    const s = await supervisor();
    const pids = [(await running(s, a.id)).pid!, (await running(s, b.id)).pid!];
    await s.stop();
    expect(pids.map(alive)).toEqual([false, false]);
    for (const id of [a.id, b.id]) expect(await wrapperRow(id)).toMatchObject({ status: "STOPPED", desiredRunning: true });
    expect(await s.tick()).toBe(false);
  });
});

describe("in the worker", () => {
  let worker: { stop: () => Promise<void> } | null = null;
  afterAll(async () => {
    await worker?.stop();
  });

  // Only the supervisor, scoped to this file's org: the test files share one database on
  // Postgres, and a whole worker would take other files' runs and wrappers.
  it("starts a new resource's wrapper on the NOTIFY and stops it with the worker", async () => {
    worker = await startWorker({ pollMs: 60_000, parts: ["supervisor"], supervisorOrgId: org.id });
    const resource = await makeResource(org.admin);
    const row = await waitFor("the worker to start it", async () => {
      const now = await wrapperRow(resource.id);
      return now.status === "RUNNING" ? now : null;
    });
    expect(alive(row.pid!)).toBe(true);
    await worker.stop();
    worker = null;
    expect(alive(row.pid!)).toBe(false);
    expect((await wrapperRow(resource.id)).status).toBe("STOPPED");
  });
});
