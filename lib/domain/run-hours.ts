// The hourly run counts behind the Overview's chart (table run_hour_counts, kept by statement
// triggers on executions: migration 0005). The triggers only append deltas, so a busy hour
// gathers many rows per (org, hour, status); folding them keeps every read at about 24 × 5 rows
// per org. Any number of workers may fold at once: a row one of them deleted is skipped by the
// others, and deltas appended meanwhile are not in the statement's snapshot, so none is counted
// twice or lost.
import { sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";

/** Hours older than this are dropped: the chart reaches back 24 hours, the triggers 25. */
const KEEP_HOURS = 26;

/** Folds each (org, hour, status) into one row and drops old hours; answers the rows removed. */
export async function foldRunHours(db: Queryable): Promise<number> {
  const result = await db.execute(sql`
    with gone as (
      delete from run_hour_counts r
      where r.hour < now() - make_interval(hours => ${KEEP_HOURS})
         or (r.org_id, r.hour, r.status) in (
              select org_id, hour, status from run_hour_counts group by 1, 2, 3 having count(*) > 1)
      returning r.org_id, r.hour, r.status, r.runs
    ),
    folded as (
      insert into run_hour_counts (org_id, hour, status, runs)
      select org_id, hour, status, sum(runs) from gone
      where hour >= now() - make_interval(hours => ${KEEP_HOURS})
      group by 1, 2, 3 having sum(runs) <> 0
      returning 1
    )
    select (select count(*) from gone)::int - (select count(*) from folded)::int as removed
  `);
  return rowsOf<{ removed: number }>(result)[0]?.removed ?? 0;
}
