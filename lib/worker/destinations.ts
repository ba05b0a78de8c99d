// `table` destinations: rows land in a table of their own that outlives the pipeline: deleting
// or clearing a pipeline never touches it. Its name comes from the domain's destinationTable.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { isUniqueViolation } from "@/lib/domain/sql-errors";
import { recordLines } from "./record-lines";

const ensured = new Set<string>();

/** Creates the table if needed; call outside a transaction (a lost creation race aborts one). */
export async function ensureDestinationTable(db: Queryable, table: string): Promise<void> {
  if (ensured.has(table)) return;
  try {
    await db.execute(
      sql`create table if not exists ${sql.identifier(table)} (id bigserial primary key, pipeline_id uuid not null, execution_id uuid not null, data jsonb not null, loaded_at timestamptz not null default now())`,
    );
  } catch (error) {
    // Two workers creating the same table at once: the other one won, which is as good.
    if (!isUniqueViolation(error)) throw error;
  }
  ensured.add(table);
}

export async function writeToDestination(
  db: Queryable,
  table: string,
  run: { pipelineId: string; executionId: string },
  lines: string[],
): Promise<void> {
  if (lines.length === 0) return;
  await db.execute(sql`
    insert into ${sql.identifier(table)} (pipeline_id, execution_id, data)
    select ${run.pipelineId}::uuid, ${run.executionId}::uuid, line.data::jsonb from ${recordLines(lines)}
    order by line.n`);
}
