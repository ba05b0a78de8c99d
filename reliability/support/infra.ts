// The services the suite needs: fresh databases on the machine's Postgres, a private Postgres
// cluster that may be stopped (the shared one must not be), and a private RabbitMQ node.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { config, PRIVATE_PG_PORT, PRIVATE_RABBIT } from "./config";

import { amqpReachable } from "../../tests/support/reachable";

export type Sql = postgres.Sql;

export const sqlClient = (url: string, max = 5): Sql => postgres(url, { max, onnotice: () => {}, connect_timeout: 5 });


export interface FreshDb {
  url: string;
  sql: Sql;
  drop: () => Promise<void>;
}

const created = new Set<string>();

/** An empty database `sluice_rel_<label>_…` on `server`; the app migrates it at start. */
export async function freshDatabase(label: string, server = config.postgresUrl): Promise<FreshDb> {
  const name = `sluice_rel_${label}_${Date.now()}_${process.pid}`;
  const admin = sqlClient(server, 1);
  await admin.unsafe(`create database "${name}"`);
  await admin.end();
  created.add(`${server}|${name}`);
  const url = new URL(server);
  url.pathname = `/${name}`;
  const sql = sqlClient(url.toString(), 5);
  return {
    url: url.toString(),
    sql,
    drop: async () => {
      await sql.end({ timeout: 2 }).catch(() => {});
      const dropper = sqlClient(server, 1);
      try {
        await dropper.unsafe(`drop database if exists "${name}" with (force)`);
        created.delete(`${server}|${name}`);
      } finally {
        await dropper.end();
      }
    },
  };
}

/** Drops whatever a failed section left behind. */
export async function dropLeftovers(): Promise<void> {
  for (const key of [...created]) {
    const [server, name] = key.split("|") as [string, string];
    const dropper = sqlClient(server, 1);
    await dropper.unsafe(`drop database if exists "${name}" with (force)`).catch(() => {});
    await dropper.end();
  }
}

const PG_BIN = "/usr/lib/postgresql/15/bin";

/** A throwaway Postgres cluster of our own on PRIVATE_PG_PORT, which we may stop and start. */
export class PrivatePostgres {
  readonly dir: string;
  readonly log: string;
  readonly serverUrl = `postgres://postgres@127.0.0.1:${PRIVATE_PG_PORT}/postgres`;

  constructor() {
    this.dir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-rel-pg-"));
    this.log = path.join(this.dir, "..", `${path.basename(this.dir)}.log`);
  }

  private asPostgres(args: string[]): void {
    execFileSync("runuser", ["-u", "postgres", "--", ...args], { stdio: "pipe", timeout: 120_000 });
  }

  init(): void {
    fs.chownSync(this.dir, uid("postgres"), gid("postgres"));
    fs.writeFileSync(this.log, "");
    fs.chownSync(this.log, uid("postgres"), gid("postgres"));
    this.asPostgres([`${PG_BIN}/initdb`, "-D", this.dir, "-A", "trust", "-U", "postgres", "--no-sync"]);
    // Quick to stop and start: the faults are about the app, not about fsync.
    fs.appendFileSync(path.join(this.dir, "postgresql.conf"), "\nfsync = off\nmax_connections = 200\nlisten_addresses = '127.0.0.1'\n");
  }

  start(): void {
    this.asPostgres([`${PG_BIN}/pg_ctl`, "-D", this.dir, "-o", `-p ${PRIVATE_PG_PORT} -k /tmp`, "-l", this.log, "-w", "start"]);
  }

  /** An immediate stop: connections cut as in a crash. */
  stop(): void {
    this.asPostgres([`${PG_BIN}/pg_ctl`, "-D", this.dir, "-m", "immediate", "-w", "stop"]);
  }

  destroy(): void {
    try {
      this.stop();
    } catch {
      // not running
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
    fs.rmSync(this.log, { force: true });
  }
}

function uid(user: string): number {
  return Number(execFileSync("id", ["-u", user]).toString().trim());
}
function gid(user: string): number {
  return Number(execFileSync("id", ["-g", user]).toString().trim());
}

/** A RabbitMQ node of our own (stop_app/start_app must not disturb the machine's broker). */
export class PrivateRabbit {
  readonly base = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-rel-rabbit-"));
  readonly url = `amqp://guest:guest@127.0.0.1:${PRIVATE_RABBIT.port}`;

  private env(): NodeJS.ProcessEnv {
    return {
      ...process.env,
      RABBITMQ_NODENAME: PRIVATE_RABBIT.node,
      RABBITMQ_NODE_PORT: String(PRIVATE_RABBIT.port),
      RABBITMQ_DIST_PORT: String(PRIVATE_RABBIT.dist),
      RABBITMQ_CONFIG_FILE: path.join(this.base, "rabbitmq.conf"),
      RABBITMQ_MNESIA_BASE: path.join(this.base, "mnesia"),
      RABBITMQ_LOG_BASE: path.join(this.base, "log"),
      RABBITMQ_ENABLED_PLUGINS_FILE: path.join(this.base, "enabled_plugins"),
      RABBITMQ_PID_FILE: path.join(this.base, "pid"),
    };
  }

  private ctl(command: string): void {
    execFileSync("rabbitmqctl", ["-n", PRIVATE_RABBIT.node, command], { stdio: "pipe", timeout: 60_000, env: this.env() });
  }

  async start(): Promise<void> {
    fs.chmodSync(this.base, 0o777); // the server drops to the rabbitmq user
    // The machine's config pins the listener to 5672; ours replaces it.
    fs.writeFileSync(path.join(this.base, "rabbitmq.conf"), `listeners.tcp.1 = 127.0.0.1:${PRIVATE_RABBIT.port}\nloopback_users = none\n`);
    fs.writeFileSync(path.join(this.base, "enabled_plugins"), "[].\n");
    execFileSync("rabbitmq-server", ["-detached"], { stdio: "pipe", env: this.env(), cwd: this.base, timeout: 60_000 });
    const deadline = Date.now() + 90_000;
    while (!(await amqpReachable(this.url))) {
      if (Date.now() > deadline) throw new Error(`the private RabbitMQ node did not start; logs in ${this.base}/log`);
      await new Promise((r) => setTimeout(r, 500));
    }
  }

  stopApp(): void {
    this.ctl("stop_app");
  }

  startApp(): void {
    this.ctl("start_app");
  }

  destroy(): void {
    try {
      this.ctl("stop");
    } catch {
      // not running
    }
    fs.rmSync(this.base, { recursive: true, force: true });
  }
}
