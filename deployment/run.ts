// npm run test:deployment: the reference deployment (deploy/launcher.ts: haproxy, two web
// instances, two workers, the machine's Postgres and RabbitMQ) driven with a real Chromium.
// Prints a summary table like the reliability suite's; exits non-zero on any loss, duplicate,
// unexpected 5xx or failed check. Stops every process it started and drops its database, also
// when a check throws or the run is interrupted.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { chromium, type Browser } from "@playwright/test";
import { start, type Deployment } from "../deploy/launcher";
import { ADMIN_PASSWORD, ADMIN_TOKEN, AUTH_SECRET } from "../reliability/support/config";
import { sqlClient, type Sql } from "../reliability/support/infra";
import { printSummary, Section } from "../reliability/support/report";
import { amqpReachable, postgresReachable } from "../tests/support/reachable";
import { consoleCheck } from "./checks/console";
import { liveCheck } from "./checks/live";
import { signInLimitCheck } from "./checks/sign-in-limit";
import { tokenRevokeCheck } from "./checks/token-revoke";
import { webKillCheck } from "./checks/web-kill";
import { workerKillCheck } from "./checks/worker-kill";
import { config, PORTS, WORKER_ENV } from "./support/config";
import type { Ctx } from "./support/context";

const CHROMIUM = "/usr/bin/chromium";
const CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"];

// The sign-in flood goes last: it leaves 127.0.0.1's count for the admin at its limit for 15 min.
const CHECKS: [string, string, (s: Section, ctx: Ctx) => Promise<void>][] = [
  ["console", "a console via proxy", consoleCheck],
  ["live", "b live A→B", liveCheck],
  ["revoke", "f token revoked A→B", tokenRevokeCheck],
  ["web-kill", "d web kill -9", webKillCheck],
  ["worker-kill", "e worker kill -9", workerKillCheck],
  ["limits", "c sign-in limit", signInLimitCheck],
];

function haproxyInstalled(): boolean {
  return ["/usr/sbin/haproxy", "/usr/local/sbin/haproxy"].some((p) => fs.existsSync(p));
}

async function missingParts(): Promise<string[]> {
  const missing: string[] = [];
  if (!(await postgresReachable(config.postgresUrl))) missing.push(`Postgres at ${config.postgresUrl}`);
  if (!(await amqpReachable(config.amqpUrl))) missing.push(`RabbitMQ at ${config.amqpUrl}`);
  if (!haproxyInstalled()) missing.push("haproxy (apt-get install -y haproxy)");
  if (!fs.existsSync(CHROMIUM)) missing.push(`Chromium at ${CHROMIUM}`);
  return missing;
}

async function main(): Promise<number> {
  const started = Date.now();
  const missing = await missingParts();
  if (missing.length) {
    const why = `the deployment suite needs ${missing.join(", ")}`;
    if (config.ci) {
      console.error(`FAILED: ${why} (CI=true: it may not be skipped)`);
      return 1;
    }
    console.warn(`SKIPPED: ${why}.`);
    return 0;
  }

  const dbName = `sluice_deploy_${Date.now()}`;
  const runDir = fs.mkdtempSync(path.join(os.tmpdir(), "sluice-deploy-"));
  const admin = sqlClient(config.postgresUrl, 1);
  let dep: Deployment | null = null;
  let browser: Browser | null = null;
  let sql: Sql | null = null;
  const results: Section[] = [];

  const cleanUp = async () => {
    await browser?.close().catch(() => {});
    await dep?.stop().catch(() => {});
    await sql?.end({ timeout: 2 }).catch(() => {});
    await admin.unsafe(`drop database if exists "${dbName}" with (force)`).catch((e: unknown) => console.error(`could not drop ${dbName}:`, e));
    await admin.end().catch(() => {});
  };
  const interrupted = () => {
    console.error("\ninterrupted: stopping the deployment and dropping its database");
    void cleanUp().finally(() => process.exit(130));
  };
  process.once("SIGINT", interrupted);
  process.once("SIGTERM", interrupted);

  try {
    await admin.unsafe(`create database "${dbName}"`);
    const url = new URL(config.postgresUrl);
    url.pathname = `/${dbName}`;
    sql = sqlClient(url.toString(), 3);
    console.log(
      `deployment: haproxy :${PORTS.proxy} → web :${PORTS.webs.join(", :")}, 2 workers, database ${dbName}; ${config.loadClients} clients × ${config.loadSeconds} s, ${config.cutOffChanges} changes cut off, ${config.liveTrials} live trials`,
    );
    const t0 = Date.now();
    dep = await start({
      root: process.cwd(),
      runDir,
      databaseUrl: url.toString(),
      amqpUrl: config.amqpUrl,
      authSecret: AUTH_SECRET,
      proxyPort: PORTS.proxy,
      webPorts: PORTS.webs,
      env: { SEED_ADMIN_PASSWORD: ADMIN_PASSWORD, SEED_ADMIN_TOKEN: ADMIN_TOKEN, ...WORKER_ENV },
    });
    console.log(`  up in ${((Date.now() - t0) / 1000).toFixed(1)} s (build included when the sources changed)`);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    const ctx: Ctx = { dep, sql, browser, session: null };

    for (const [key, name, run] of CHECKS) {
      if (config.only.length && !config.only.includes(key)) continue;
      const section = new Section(name);
      const t = Date.now();
      console.log(`\n==> ${name}`);
      try {
        await run(section, ctx);
      } catch (error) {
        section.fail(`the check stopped: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      }
      section.seconds = (Date.now() - t) / 1000;
      console.log(`    ${name}: ${section.ok ? "ok" : "FAILED"} in ${section.seconds.toFixed(0)} s`);
      results.push(section);
    }
  } catch (error) {
    const section = new Section("deployment start");
    section.fail(error instanceof Error ? (error.stack ?? error.message) : String(error));
    results.push(section);
  } finally {
    // The logs outlive the run, for whoever reads a failure.
    const keep = path.join(os.tmpdir(), "sluice-deploy-logs", String(started));
    await cleanUp();
    fs.mkdirSync(keep, { recursive: true });
    fs.cpSync(runDir, keep, { recursive: true, filter: (p) => fs.statSync(p).isDirectory() || p.endsWith(".log") });
    fs.rmSync(runDir, { recursive: true, force: true });
    console.log(`\nlogs: ${keep}`);
  }
  printSummary(results, (Date.now() - started) / 1000, "deployment summary");
  for (const s of results) for (const n of s.notes) console.log(`  ${s.name}: ${n}`);
  console.log(`\nwall time ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return results.length > 0 && results.every((s) => s.ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
