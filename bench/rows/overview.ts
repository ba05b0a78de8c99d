// Row i: the Overview's one read (GET /api/v1/orgs/{org}/overview: failing, running, paused,
// next runs, storage in use, 24 h of runs) under the same load as row a, against the floor of
// the very statement orgHealth sends, replayed directly: for the admin (figures from indexes and
// kept counts) and for a member who sees 40 % of the pipelines (one pass over what they see).
import { orgHealth } from "@/lib/domain/org-health";
import type { Principal } from "@/lib/domain/principal";
import { MEMBER_TOKEN, ORG, TOKEN } from "../config";
import type { BenchDb } from "../db";
import { api } from "../server";
import { runLoad, type LoadResult } from "../stats";
import { measured, type ResultRow } from "../table";
import type { Ctx } from "./context";
import { replay } from "./replay";

interface Floor {
  load: LoadResult;
  statements: number;
}

export interface OverviewFloor {
  admin: Floor;
  member: Floor;
}

async function floorOf(b: BenchDb, ctx: Ctx, who: Principal): Promise<Floor> {
  const statements = await b.capture((db) => orgHealth(db, who));
  const task = replay(b, statements);
  for (let i = 0; i < 5; i++) await task();
  const s = ctx.scale;
  return { load: await runLoad(s.clients, s.loadRequests, s.loadMaxMs, task), statements: statements.length };
}

export async function overviewFloor(b: BenchDb, ctx: Ctx): Promise<OverviewFloor> {
  return { admin: await floorOf(b, ctx, ctx.principal), member: await floorOf(b, ctx, ctx.member) };
}

async function rowsOf(ctx: Ctx, label: string, token: string, floor: Floor): Promise<ResultRow[]> {
  const s = ctx.scale;
  const read = () => api("GET", `/api/v1/orgs/${ORG}/overview`, 200, undefined, token).then(() => undefined);
  for (let i = 0; i < 5; i++) await read();
  const load = await runLoad(s.clients, s.loadRequests, s.loadMaxMs, read);
  const clients = `${s.clients} clients`;
  return [
    measured("i", `overview (${label}), p50, ${clients}`, "ms", load.p50, floor.load.p50, { text: "≤ 3 × floor", maxRatio: 3 }, `floor replays the ${floor.statements} statement(s) of orgHealth`),
    measured("i", `overview (${label}), p99, ${clients}`, "ms", load.p99, floor.load.p99, null),
  ];
}

export async function overviewRows(ctx: Ctx, floor: OverviewFloor): Promise<ResultRow[]> {
  return [...(await rowsOf(ctx, "admin", TOKEN, floor.admin)), ...(await rowsOf(ctx, "member", MEMBER_TOKEN, floor.member))];
}
