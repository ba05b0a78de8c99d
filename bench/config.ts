// The bench's knobs: the data scale (BENCH_SCALE) and the database (DATABASE_URL or PGlite).
export type ScaleName = "tiny" | "full";

export interface Scale {
  name: ScaleName;
  /** Pipelines of the main org (acme_corp), beside the five special ones. */
  pipelines: number;
  /** Executions spread over the main org's pipelines (the special ones come on top). */
  spreadExecutions: number;
  /** Runs of the heavy pipeline (row c) and of each delete twin (row d). */
  heavyRuns: number;
  /** Storage records of each delete twin (row d). */
  deleteStorage: number;
  /** Storage records of each clear twin (row e). */
  clearStorage: number;
  otherOrgs: number;
  otherOrgPipelines: number;
  /** Concurrent clients of row a. */
  clients: number;
  /** Requests per measurement of row a (all clients together), and a time cap. */
  loadRequests: number;
  loadMaxMs: number;
  /** Sequential samples per measurement of rows b and c. */
  samples: number;
  /** Row f: pipelines due at the same instant. */
  duePipelines: number;
  /** Row j: event streams open at once, split between the admin and the members. */
  streams: number;
  /**
   * Row l: records the run writes and the clear removes while the console is sampled. At full
   * the clears' million; at tiny enough for a few seconds of work: PGlite cleared 100,000 in about
   * a second, before the first sample under load had ended (Postgres: 4 s).
   */
  loadRecords: number;
}

const SCALES: Record<ScaleName, Scale> = {
  tiny: {
    name: "tiny",
    pipelines: 1_000,
    spreadExecutions: 4_000,
    heavyRuns: 2_000,
    deleteStorage: 2_000,
    clearStorage: 3_000,
    otherOrgs: 10,
    otherOrgPipelines: 20,
    clients: 16,
    loadRequests: 480,
    loadMaxMs: 20_000,
    samples: 40,
    duePipelines: 500,
    streams: 50,
    loadRecords: 300_000,
  },
  full: {
    name: "full",
    pipelines: 100_000,
    spreadExecutions: 700_000,
    heavyRuns: 100_000,
    deleteStorage: 100_000,
    clearStorage: 1_000_000,
    otherOrgs: 10,
    otherOrgPipelines: 1_000,
    clients: 16,
    loadRequests: 1_600,
    loadMaxMs: 60_000,
    samples: 100,
    duePipelines: 10_000,
    streams: 1_000,
    loadRecords: 1_000_000,
  },
};

export const PAGE_SIZE = 50;
export const ORG = "acme_corp";
export const PORT = Number(process.env.BENCH_PORT ?? "3510");
// Personal tokens start with slt_ (lib/domain/tokens.ts).
export const TOKEN = "slt_bench_admin_token_0123456789abcdef";
/** The token of bench_owner_1, a member who sees 40 % of the org's pipelines (row i). */
export const MEMBER_TOKEN = "slt_bench_member_token_0123456789abcdef";
/** A token of bench_owner_n (row j spreads its streams over every member). */
export const memberToken = (n: number) => (n === 1 ? MEMBER_TOKEN : `slt_bench_member_${n}_token_0123456789abcdef`);
export const PASSWORD = "bench-admin-password";
export const SPECIAL = {
  heavy: "special_heavy",
  deleteApi: "special_delete_api",
  deleteRaw: "special_delete_raw",
  clearApi: "special_clear_api",
  clearRaw: "special_clear_raw",
  /** Row j: cleared while every stream listens; shared to the org, so members hear it too. */
  clearStreams: "special_clear_streams",
  /** Row l: cleared while a run of runLoad writes and the console is sampled. */
  clearLoad: "special_clear_load",
  /** Row l: its one job reads loadRecords records from a sample source. */
  runLoad: "special_run_load",
  /** Row l: paused and resumed, idle and under load. */
  pauseLoad: "special_pause_load",
} as const;

export function scaleFromEnv(): Scale {
  const name = process.env.BENCH_SCALE ?? "tiny";
  if (name !== "tiny" && name !== "full") throw new Error(`BENCH_SCALE must be tiny or full (got ${JSON.stringify(name)})`);
  return SCALES[name];
}

/** Executions in all: spread ones plus the heavy pipeline and the two delete twins. */
export const totalExecutions = (s: Scale) => s.spreadExecutions + 3 * s.heavyRuns;
/** Seeded storage rows: the delete twins, the clear twins (rows e and j) and row l's clear. */
export const totalStorage = (s: Scale) => 2 * s.deleteStorage + 3 * s.clearStorage + s.loadRecords;
