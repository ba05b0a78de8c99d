// Rows a and b: the pipeline list through the server against the same SQL run directly, and
// deep pages by cursor and by offset.
import { listPipelines } from "@/lib/domain/pipelines";
import { ORG, PAGE_SIZE } from "../config";
import type { BenchDb } from "../db";
import { sampleRss } from "../rss";
import { api, type Server } from "../server";
import { runLoad, sample, type LoadResult } from "../stats";
import { absolute, measured, type ResultRow } from "../table";
import type { Ctx } from "./context";
import { replay } from "./replay";

export interface ListFloor {
  page1: LoadResult;
  statements: number;
}

const listPath = (query: string) => `/api/v1/unstract/${ORG}/pipeline/?page_size=${PAGE_SIZE}${query}`;

export async function listFloor(b: BenchDb, ctx: Ctx): Promise<ListFloor> {
  const statements = await b.capture((db) => listPipelines(db, ctx.principal, { page: 1, pageSize: PAGE_SIZE }));
  const task = replay(b, statements);
  for (let i = 0; i < 10; i++) await task();
  const s = ctx.scale;
  return { page1: await runLoad(s.clients, s.loadRequests, s.loadMaxMs, task), statements: statements.length };
}

export async function listRows(ctx: Ctx, floor: ListFloor, server: Server): Promise<ResultRow[]> {
  const s = ctx.scale;
  const page1 = () => api("GET", listPath(""), 200).then(() => undefined);
  const health = () => api("GET", "/api/health", 200).then(() => undefined);
  for (let i = 0; i < 10; i++) await Promise.all([page1(), health()]);
  const rss = sampleRss(server.pid);
  const list = await runLoad(s.clients, s.loadRequests, s.loadMaxMs, page1);
  const peakMiB = rss.stop();
  const trivial = await runLoad(s.clients, s.loadRequests, s.loadMaxMs, health);
  const clients = `${s.clients} clients`;
  const rows = [
    measured("a", `list page 1, p50, ${clients}`, "ms", list.p50, floor.page1.p50, { text: "≤ 3 × floor", maxRatio: 3 }, `floor replays the ${floor.statements} statements of listPipelines`),
    measured("a", `list page 1, p99, ${clients}`, "ms", list.p99, floor.page1.p99, null),
    measured("a", `list throughput vs /api/health, ${clients}`, "req/s", list.throughput, trivial.throughput, { text: "≥ 0.5 × trivial", minRatio: 0.5 }),
    absolute("h", "web server peak RSS during (a)", peakMiB, "MiB", { text: "≤ 350 MB", max: 350 }, "the server process's VmRSS, sampled every 50 ms"),
  ];

  const deep = ctx.listDeepPage;
  const first = await sample(s.samples, page1);
  const cursor = await sample(s.samples, () => api("GET", listPath(`&cursor=${ctx.listDeepCursor}`), 200).then(() => undefined));
  const offset = await sample(s.samples, () => api("GET", listPath(`&page=${deep}`), 200).then(() => undefined));
  rows.push(
    measured("b", `cursor page ${deep} vs page 1, p50`, "ms", cursor.p50, first.p50, { text: "≤ 1.5 × page 1", maxRatio: 1.5 }),
    measured("b", `offset page ${deep} vs page 1, p50`, "ms", offset.p50, first.p50, null),
  );
  return rows;
}
