// npm run deploy:local: the reference deployment (deploy/launcher.ts) on this machine's loopback,
// on its Postgres and RabbitMQ, until Ctrl-C. Stops everything it started on Ctrl-C, SIGTERM or
// its own crash.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postgres from "postgres";
import { start, type Deployment } from "./launcher";

const root = path.resolve(__dirname, "..");
const runDir = path.join(root, ".deploy");
const serverUrl = process.env.DEPLOY_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres";
const proxyPort = Number(process.env.DEPLOY_PORT || 3700);

/** DATABASE_URL when set, else the database `sluice_local` on the machine's Postgres (made once). */
async function database(): Promise<string> {
  if (process.env.DATABASE_URL) return process.env.DATABASE_URL;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {}, connect_timeout: 5 });
  try {
    const [row] = await admin<{ exists: boolean }[]>`select exists(select 1 from pg_database where datname = 'sluice_local') as exists`;
    if (!row?.exists) await admin.unsafe(`create database sluice_local`);
  } finally {
    await admin.end();
  }
  const url = new URL(serverUrl);
  url.pathname = "/sluice_local";
  return url.toString();
}

/** AUTH_SECRET when set, else one kept in .deploy/, so sessions outlive a restart. */
function authSecret(): string {
  if (process.env.AUTH_SECRET) return process.env.AUTH_SECRET;
  const file = path.join(runDir, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(runDir, { recursive: true });
    fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600 });
  }
  return fs.readFileSync(file, "utf8").trim();
}

async function main() {
  let deployment: Deployment | null = null;
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping the deployment...");
    await deployment?.stop();
    process.exit(code);
  };
  process.once("SIGINT", () => void stop(0));
  process.once("SIGTERM", () => void stop(0));
  process.once("uncaughtException", (error) => {
    console.error(error);
    void stop(1);
  });

  deployment = await start({
    root,
    runDir,
    databaseUrl: await database(),
    amqpUrl: process.env.AMQP_URL || "amqp://guest:guest@127.0.0.1:5672",
    authSecret: authSecret(),
    proxyPort,
    webPorts: [proxyPort + 1, proxyPort + 2],
  });
  console.log(`\n  Open ${deployment.url}`);
  console.log(`  Admin login: ${deployment.adminLogin ?? "(see .deploy/logs/web1.log)"}`);
  console.log(`  web instances: ${deployment.webs.map((w) => `${w.name} pid ${w.pid} ${w.url}`).join(", ")}`);
  console.log(`  workers: ${deployment.workers.map((w) => `${w.name} pid ${w.pid}`).join(", ")}`);
  console.log(`  logs: ${runDir}/logs/`);
  console.log("  Ctrl-C stops everything.");
  // A process that dies on its own is reported, and the rest keeps serving (that is the point).
  for (const child of [...deployment.webs.map((w) => w.process), ...deployment.workers.map((w) => w.process), deployment.proxy]) {
    void child.exited.then(() => {
      if (!stopping) console.error(`${child.label} (pid ${child.pid}) exited; its log: ${child.log}`);
    });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
