// The deployment suite's knobs. The defaults are a smoke size (the whole suite in a few minutes
// on 2 cores, as CI runs it); DEPLOYMENT_* variables make any part bigger.
function int(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  if (!/^\d+$/.test(raw)) throw new Error(`${name} must be a whole number (got ${JSON.stringify(raw)})`);
  return Number(raw);
}

export const config = {
  postgresUrl: process.env.DEPLOYMENT_POSTGRES_URL || "postgres://postgres@127.0.0.1:5432/postgres",
  amqpUrl: process.env.AMQP_URL || "amqp://guest:guest@127.0.0.1:5672",
  /** Changes made through instance A and timed in a console connected to instance B. */
  liveTrials: int("DEPLOYMENT_LIVE_TRIALS", 6),
  liveBudgetMs: int("DEPLOYMENT_LIVE_BUDGET_MS", 250),
  /** Tokens revoked through instance A, each asked of instance B right after (check f). */
  revokeTrials: int("DEPLOYMENT_REVOKE_TRIALS", 20),
  /** The mixed traffic one web instance is killed under. */
  loadClients: int("DEPLOYMENT_LOAD_CLIENTS", 50),
  loadSeconds: int("DEPLOYMENT_LOAD_SECONDS", 15),
  /** How long after the kill haproxy may still answer with errors. */
  rerouteBudgetMs: int("DEPLOYMENT_REROUTE_BUDGET_MS", 5000),
  /** Changes made while the console's event stream is cut off, and the pipelines they touch. */
  cutOffChanges: int("DEPLOYMENT_CUT_OFF_CHANGES", 100),
  watchedPipelines: int("DEPLOYMENT_WATCHED_PIPELINES", 20),
  /** Records of the run, and stored rows of the clear, a worker is killed in the middle of. */
  runRecords: int("DEPLOYMENT_RUN_RECORDS", 3000),
  clearRows: int("DEPLOYMENT_CLEAR_ROWS", 50_000),
  /** Which checks to run (comma list of console, live, revoke, limits, web-kill, worker-kill); all by default. */
  only: (process.env.DEPLOYMENT_ONLY ?? "").split(",").map((s) => s.trim()).filter(Boolean),
  ci: process.env.CI === "true" || process.env.CI === "1",
};

// 3700-3719 belong to this suite: e2e uses 3000-3260, the bench 3510, reliability 3600-3699, and
// `npm run deploy:local` 3700-3702 by default, so the suite runs beside a local deployment.
export const PORTS = { proxy: 3710, webs: [3711, 3712] as const };

// The flood of check c comes from 127.0.0.1; the other client connects from this address (all
// of 127.0.0.0/8 is loopback on Linux), so haproxy sees, and appends, a different address.
export const OTHER_CLIENT_ADDRESS = "127.0.0.2";

/** Timings that make a killed worker's lease run out soon (the defaults are 15 s and 1 s). */
export const WORKER_ENV = { WORKER_LEASE_MS: "3000", WORKER_POLL_MS: "200", WORKER_CLEAR_BATCH: "500" };
