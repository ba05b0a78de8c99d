// Where failed sign-ins are counted so that every web instance sees the same counts: Redis when
// REDIS_URL is set, otherwise the app's own database (Postgres, or PGlite for the embedded
// default, where there is only one instance anyway). The counting itself is rate-limiter-flexible's.
import { createHash } from "node:crypto";
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRedis, type RateLimiterAbstract } from "rate-limiter-flexible";
import { sql, type SQL } from "drizzle-orm";
import type { Db } from "@/db/client";
import { rowsOf } from "@/db/rows";

export interface LimitRule {
  /** A name for the count, part of every key (so two rules never share a count). */
  name: string;
  /** Attempts allowed in a window; the next one is refused. */
  points: number;
  windowSeconds: number;
}

/** What rate-limiter-flexible's Postgres store calls on a "pool": one parameterised statement. */
interface QueryResult {
  rows: Record<string, unknown>[];
  rowCount: number;
}

/**
 * Runs the library's statements through our drizzle client, so they work on postgres.js and on
 * PGlite alike and share the app's connections. Its `$n` placeholders become drizzle params.
 */
export function drizzleStoreClient(db: Db) {
  return {
    async query({ text, values = [] }: { text: string; values?: unknown[] }): Promise<QueryResult> {
      const parts = text.split(/\$(\d+)/);
      const chunks: SQL[] = parts.map((part, i) => (i % 2 === 0 ? sql.raw(part) : sql`${values[Number(part) - 1] ?? null}`));
      const result = await db.execute(sql.join(chunks));
      // int8 comes back as a string (postgres.js) or a bigint; the library does arithmetic on it.
      const rows = rowsOf<Record<string, unknown>>(result).map((row) =>
        Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === "string" || typeof v === "bigint" ? Number(v) : v])),
      );
      const affected = (result as { count?: number; affectedRows?: number }).count ?? (result as { affectedRows?: number }).affectedRows;
      return { rows, rowCount: typeof affected === "number" && rows.length === 0 ? affected : rows.length };
    },
  };
}

/** A counter in the app's database table `sign_in_limits` (migration 0006). */
export function postgresLimiter(db: Db, rule: LimitRule): RateLimiterAbstract {
  return new RateLimiterPostgres({
    storeClient: drizzleStoreClient(db),
    storeType: "pool",
    tableName: "sign_in_limits",
    tableCreated: true,
    keyPrefix: rule.name,
    points: rule.points,
    duration: rule.windowSeconds,
  });
}

/**
 * A counter in Redis. If Redis cannot be reached, each process counts in memory meanwhile
 * (the library's insurance limiter): sign-ins keep working, limited per instance.
 * `namespace` keeps two deployments that share one Redis from sharing counts.
 */
export function redisLimiter(client: unknown, rule: LimitRule, namespace: string): RateLimiterAbstract {
  return new RateLimiterRedis({
    storeClient: client,
    keyPrefix: `sluice:${namespace}:${rule.name}`,
    points: rule.points,
    duration: rule.windowSeconds,
    insuranceLimiter: new RateLimiterMemory({ points: rule.points, duration: rule.windowSeconds }),
  });
}

/** A short stable name for "this deployment": its database. */
export function deploymentNamespace(database: string): string {
  return createHash("sha256").update(database).digest("hex").slice(0, 12);
}
