// What the rows share: the scale, the admin the server seeded, the special pipelines' ids and
// the cursors of the deep pages, all read from the database before the server starts.
import type { Principal } from "@/lib/domain/principal";
import { encodeCursor, type Sort } from "@/lib/domain/keyset";
import { pipelineSort } from "@/lib/domain/pipelines";
import { issueToken } from "@/lib/domain/tokens";
import { memberToken, ORG, PAGE_SIZE, SPECIAL, type Scale } from "../config";
import type { BenchDb } from "../db";
import { OWNERS, pipelineId } from "../seed";

export interface Ctx {
  scale: Scale;
  principal: Principal;
  /** A member (bench_owner_1: owns a quarter, sees the org-shared fifth and their shares). */
  member: Principal;
  /** A token of every member, bench_owner_1's (MEMBER_TOKEN) first: row j's streams use them all. */
  memberTokens: string[];
  ids: Record<keyof typeof SPECIAL, string>;
  /** Row b: the deepest pipeline page the scale allows (2,000 at full) and its cursor. */
  listDeepPage: number;
  listDeepCursor: string;
  /** Row c: the deepest execution page (1,000 at full) of the heavy pipeline and its cursor. */
  runsDeepPage: number;
  runsDeepCursor: string;
}

const isoText = (column: string) => `to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export async function makeContext(b: BenchDb, scale: Scale): Promise<Ctx> {
  const [admin] = await b.query<{ id: string; email: string }>(
    `select u.id, u.email from memberships m join users u on u.id = m.user_id where m.org_id = $1 and m.role = 'admin' limit 1`,
    [ORG],
  );
  if (!admin) throw new Error("the server did not seed the admin");
  const principal: Principal = { userId: admin.id, email: admin.email, orgId: ORG, role: "admin", via: "token" };
  const owners = await b.query<{ id: string; email: string }>(
    `select id, email from users where email like 'bench\\_owner\\_%' order by length(email), email limit $1`,
    [OWNERS],
  );
  const [owner] = owners;
  if (!owner || owner.email !== "bench_owner_1@example.com") throw new Error("the seed made no bench_owner_1");
  const memberTokens: string[] = [];
  for (const [i, o] of owners.entries()) {
    const plain = memberToken(i + 1);
    await issueToken(b.db, { orgId: ORG, userId: o.id }, { name: "bench member", plain });
    memberTokens.push(plain);
  }
  const member: Principal = { userId: owner.id, email: owner.email, orgId: ORG, role: "member", via: "token" };
  const ids = {} as Record<keyof typeof SPECIAL, string>;
  for (const key of Object.keys(SPECIAL) as (keyof typeof SPECIAL)[]) ids[key] = await pipelineId(b, SPECIAL[key]);

  const visible = scale.pipelines + Object.keys(SPECIAL).length;
  const listDeepPage = Math.max(2, Math.min(2000, Math.floor(visible / PAGE_SIZE)));
  const [edge] = await b.query<{ last: string; created: string; id: string }>(
    `select case when last_run_time is null then '-infinity' else ${isoText("last_run_time")} end as last,
            ${isoText("created_at")} as created, id::text as id
     from pipelines where org_id = $1
     order by coalesce(last_run_time, '-infinity'::timestamptz) desc, created_at desc, id desc
     offset $2 limit 1`,
    [ORG, (listDeepPage - 1) * PAGE_SIZE - 1],
  );
  if (!edge) throw new Error("no edge row for the deep pipeline page");
  const listDeepCursor = encodeCursor(pipelineSort() as Sort<unknown>, false, [edge.last, edge.created, edge.id]);

  const runsDeepPage = Math.max(2, Math.min(1000, Math.floor(scale.heavyRuns / PAGE_SIZE)));
  const [run] = await b.query<{ created: string; id: string }>(
    `select ${isoText("created_at")} as created, id::text as id from executions where pipeline_id = $1
     order by created_at desc, id desc offset $2 limit 1`,
    [ids.heavy, (runsDeepPage - 1) * PAGE_SIZE - 1],
  );
  if (!run) throw new Error("no edge row for the deep execution page");
  // The executions' sort is "-created_at" on (created_at, id); only its name goes into a cursor.
  const runsSort: Sort<unknown> = { name: "-created_at", desc: true, keys: [] };
  const runsDeepCursor = encodeCursor(runsSort, false, [run.created, run.id]);
  return { scale, principal, member, memberTokens, ids, listDeepPage, listDeepCursor, runsDeepPage, runsDeepCursor };
}
