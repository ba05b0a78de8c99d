// Row c: the executions of the pipeline with the most runs, page 1 and a deep cursor page,
// through the server against the same SQL run directly.
import { listPipelineExecutions, type ExecutionListQuery } from "@/lib/domain/executions";
import { ORG, PAGE_SIZE } from "../config";
import type { BenchDb } from "../db";
import { api } from "../server";
import { sample, type LoadResult } from "../stats";
import { measured, type ResultRow } from "../table";
import type { Ctx } from "./context";
import { replay } from "./replay";

export interface RunsFloor {
  page1: LoadResult;
  deep: LoadResult;
}

async function floorOf(b: BenchDb, ctx: Ctx, query: ExecutionListQuery): Promise<LoadResult> {
  const statements = await b.capture((db) => listPipelineExecutions(db, ctx.principal, ctx.ids.heavy, query));
  return sample(ctx.scale.samples, replay(b, statements));
}

export async function runsFloor(b: BenchDb, ctx: Ctx): Promise<RunsFloor> {
  return {
    page1: await floorOf(b, ctx, { page: 1, pageSize: PAGE_SIZE }),
    deep: await floorOf(b, ctx, { page: 1, pageSize: PAGE_SIZE, cursor: ctx.runsDeepCursor }),
  };
}

export async function runsRows(ctx: Ctx, floor: RunsFloor): Promise<ResultRow[]> {
  const path = (query: string) => `/api/v1/unstract/${ORG}/pipeline/${ctx.ids.heavy}/executions/?page_size=${PAGE_SIZE}${query}`;
  const get = (query: string) => () => api("GET", path(query), 200).then(() => undefined);
  const page1 = await sample(ctx.scale.samples, get(""));
  const deep = await sample(ctx.scale.samples, get(`&cursor=${ctx.runsDeepCursor}`));
  const runs = ctx.scale.heavyRuns.toLocaleString("en-US");
  const goal = { text: "≤ 3 × floor", maxRatio: 3 };
  return [
    measured("c", `runs of a ${runs}-run pipeline, page 1, p50`, "ms", page1.p50, floor.page1.p50, goal),
    measured("c", `same, cursor page ${ctx.runsDeepPage}, p50`, "ms", deep.p50, floor.deep.p50, goal),
  ];
}
