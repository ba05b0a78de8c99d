// Row d: deleting a pipeline with many runs and storage records through the API, against the
// raw SQL delete of a twin pipeline's same rows in one transaction.
import { ORG } from "../config";
import type { BenchDb } from "../db";
import { api } from "../server";
import { timeOnce } from "../stats";
import { measured, type ResultRow } from "../table";
import type { Ctx } from "./context";

export async function deleteFloor(b: BenchDb, ctx: Ctx): Promise<number> {
  const id = ctx.ids.deleteRaw;
  return timeOnce(() =>
    b.transaction([
      { text: "delete from storage_records where pipeline_id = $1", params: [id] },
      { text: "delete from executions where pipeline_id = $1", params: [id] },
      { text: "delete from pipelines where id = $1", params: [id] },
    ]),
  );
}

export async function deleteRows(ctx: Ctx, floorMs: number): Promise<ResultRow[]> {
  const ms = await timeOnce(() => api("DELETE", `/api/v1/unstract/${ORG}/pipeline/${ctx.ids.deleteApi}/`, 204).then(() => undefined));
  const s = ctx.scale;
  return [
    measured(
      "d",
      `delete a pipeline, ${s.heavyRuns.toLocaleString("en-US")} runs + ${s.deleteStorage.toLocaleString("en-US")} storage rows`,
      "ms",
      ms,
      floorMs,
      { text: "≤ 1.5 × raw delete", maxRatio: 1.5 },
    ),
  ];
}
