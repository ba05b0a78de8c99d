// Row i: the Overview's one read (GET /api/v1/orgs/{org}/overview: failing, running, paused,
// next runs, storage in use, 24 h of runs) under the same load as row a, against the floor of
// the very statement orgHealth sends, replayed directly.
import { orgHealth } from "@/lib/domain/org-health";
import { ORG } from "../config";
import type { BenchDb } from "../db";
import { api } from "../server";
import { runLoad, type LoadResult } from "../stats";
import { measured, type ResultRow } from "../table";
import type { Ctx } from "./context";
import { replay } from "./replay";

export interface OverviewFloor {
  load: LoadResult;
  statements: number;
}

export async function overviewFloor(b: BenchDb, ctx: Ctx): Promise<OverviewFloor> {
  const statements = await b.capture((db) => orgHealth(db, ctx.principal));
  const task = replay(b, statements);
  for (let i = 0; i < 5; i++) await task();
  const s = ctx.scale;
  return { load: await runLoad(s.clients, s.loadRequests, s.loadMaxMs, task), statements: statements.length };
}

export async function overviewRows(ctx: Ctx, floor: OverviewFloor): Promise<ResultRow[]> {
  const s = ctx.scale;
  const read = () => api("GET", `/api/v1/orgs/${ORG}/overview`, 200).then(() => undefined);
  for (let i = 0; i < 5; i++) await read();
  const load = await runLoad(s.clients, s.loadRequests, s.loadMaxMs, read);
  const clients = `${s.clients} clients`;
  return [
    measured("i", `overview, p50, ${clients}`, "ms", load.p50, floor.load.p50, { text: "≤ 3 × floor", maxRatio: 3 }, `floor replays the ${floor.statements} statement(s) of orgHealth`),
    measured("i", `overview, p99, ${clients}`, "ms", load.p99, floor.load.p99, null),
  ];
}
