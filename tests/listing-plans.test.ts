// Keyset paging at depth: on 100,000 pipelines, cursor page 2,000 reads about as much as page 1
// (an index range scan from the cursor), while offset page 2,000 walks every row before it.
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { encodeCursor } from "@/lib/domain/keyset";
import { pipelinePageQuery, pipelineSort, type PipelineListQuery } from "@/lib/domain/pipelines";
import { makeOrg, type TestOrg } from "./support/fixtures";

const PIPELINES = 100_000;
const PAGE_SIZE = 50;
let org: TestOrg;

interface PlanNode {
  "Node Type": string;
  "Index Name"?: string;
  "Actual Rows"?: number;
  "Shared Hit Blocks"?: number;
  "Shared Read Blocks"?: number;
  Plans?: PlanNode[];
}

const nodes = (node: PlanNode): PlanNode[] => [node, ...(node.Plans ?? []).flatMap(nodes)];

async function explain(query: PipelineListQuery) {
  const db = await getDb();
  const { rows } = pipelinePageQuery(db, org.admin, query);
  const result = rowsOf<{ "QUERY PLAN": unknown }>(await db.execute(sql`explain (analyze, buffers, format json) ${rows}`));
  const raw = result[0]?.["QUERY PLAN"];
  const plan = (typeof raw === "string" ? JSON.parse(raw) : raw) as { Plan: PlanNode }[];
  const top = plan[0]!.Plan;
  // A node's buffer counts include its children's, so the top node's is the query's.
  return { all: nodes(top), blocks: (top["Shared Hit Blocks"] ?? 0) + (top["Shared Read Blocks"] ?? 0) };
}

beforeAll(async () => {
  org = await makeOrg();
  const db = await getDb();
  await db.execute(sql`
    insert into pipelines (org_id, name, owner_id, last_run_time, created_at)
    select ${org.id}, 'bulk_' || g, ${org.admin.userId},
           case when g % 10 = 0 then null else now() - (g || ' minutes')::interval end,
           now() - (g || ' seconds')::interval
    from generate_series(1, ${PIPELINES}) g`);
  await db.execute(sql`analyze pipelines`);
}, 120_000);

describe("pipeline listing plans at 100,000 rows", () => {
  it("walks the default-order index for page 1 and for a cursor 2,000 pages deep, at the same cost", async () => {
    const sort = pipelineSort();
    // The key of the last row of page 1,999, as the cursor of page 2,000 carries it.
    const db = await getDb();
    const [edge] = rowsOf<{ last: string; created: string; id: string }>(
      await db.execute(sql`
        select coalesce(last_run_time, '-infinity'::timestamptz) as last, created_at as created, id
        from pipelines where org_id = ${org.id}
        order by coalesce(last_run_time, '-infinity'::timestamptz) desc, created_at desc, id desc
        offset ${1999 * PAGE_SIZE - 1} limit 1`),
    );
    const iso = (v: unknown) => (String(v) === "-infinity" ? "-infinity" : new Date(String(v)).toISOString());
    const cursor = encodeCursor(sort as never, false, [iso(edge!.last), iso(edge!.created), String(edge!.id)]);

    const first = await explain({ page: 1, pageSize: PAGE_SIZE });
    const deep = await explain({ page: 1, pageSize: PAGE_SIZE, cursor });
    const offset = await explain({ page: 2000, pageSize: PAGE_SIZE });

    // The figures quoted in notes come from this line.
    console.log(`[plans] shared buffers read: page 1 = ${first.blocks}, cursor page 2,000 = ${deep.blocks}, offset page 2,000 = ${offset.blocks}`);
    for (const plan of [first, deep]) {
      expect(plan.all.some((n) => n["Index Name"] === "pipelines_org_last_run_idx")).toBe(true);
      expect(plan.all.some((n) => n["Node Type"] === "Sort")).toBe(false);
    }
    // Same work for page 1 and page 2,000 by cursor; offset paging reads the 100,000 rows.
    expect(deep.blocks).toBeLessThanOrEqual(Math.max(first.blocks * 2, first.blocks + 20));
    expect(offset.blocks).toBeGreaterThan(deep.blocks * 10);
  }, 120_000);
});
