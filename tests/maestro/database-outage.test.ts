// Found by the reliability suite (Postgres stopped under traffic): with the database not
// answering at all, §2 answered {"detail": "Internal server error"} instead of its documented
// database-failure body. The errors here are the driver's own, from a server that is not there.
import { drizzle } from "drizzle-orm/postgres-js";
import { sql } from "drizzle-orm";
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { DATABASE_FAILURE, maestroDialect } from "@/lib/api/maestro/dialect";

async function failureOf(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe("§2 errors when Postgres does not answer", () => {
  it("a query, a transaction and a raw call each answer the documented 500 body", async () => {
    // Nothing listens on port 1.
    const client = postgres("postgres://postgres@127.0.0.1:1/nothing", { max: 1, connect_timeout: 2, onnotice: () => {} });
    const db = drizzle(client);
    try {
      const errors = [
        await failureOf(() => db.execute(sql`select 1`)),
        await failureOf(() => db.transaction(async (tx) => tx.execute(sql`select 1`))),
        await failureOf(() => client`select 1`),
      ];
      for (const error of errors) {
        const res = maestroDialect.errorResponse(error);
        expect(res.status).toBe(500);
        expect(await res.json()).toEqual({ detail: DATABASE_FAILURE });
      }
    } finally {
      await client.end({ timeout: 1 });
    }
  });
});
