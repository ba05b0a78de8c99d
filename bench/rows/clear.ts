// Row e: clearing a pipeline's storage through the API and the worker (request, then poll the
// progress until Cleared), against a raw batched DELETE of a twin pipeline's rows.
import { ORG, SPECIAL } from "../config";
import type { BenchDb } from "../db";
import { api } from "../server";
import { openEvents, type Stream } from "../sse";
import { now, percentile } from "../stats";
import { absolute, measured, type ResultRow } from "../table";
import type { Ctx } from "./context";

/** The worker's batch while nobody uses the console (WORKER_CLEAR_BATCH): the floor deletes as many per statement. */
const BATCH = 5_000;
const POLL_MS = 25;

/** Raw batched DELETE: rows per second. */
export async function clearFloor(b: BenchDb, ctx: Ctx): Promise<number> {
  const t = now();
  let total = 0;
  for (;;) {
    const [gone] = await b.query<{ n: number }>(
      `with gone as (
         delete from storage_records where id in (
           select id from storage_records where pipeline_id = $1 order by id limit $2
         ) returning 1
       ) select count(*)::int as n from gone`,
      [ctx.ids.clearRaw, BATCH],
    );
    const n = Number(gone?.n ?? 0);
    if (n === 0) break;
    total += n;
  }
  return (total * 1000) / (now() - t);
}

/** Asks for a clear of the named pipeline's storage through the API (the worker does it). */
export async function requestClear(name: string): Promise<void> {
  await api("POST", `/v0/pipelines/${name}/clear`, 202, {});
}

/** Polls the pipeline until its storage is Cleared (600 s at most). */
export async function untilCleared(name: string, pollMs = POLL_MS): Promise<void> {
  const deadline = now() + 600_000;
  for (;;) {
    const body = JSON.parse(await api("GET", `/v0/pipelines/${name}`, 200)) as { storage_status?: string };
    if (body.storage_status === "Cleared") return;
    if (now() > deadline) throw new Error(`the clear of ${name} did not finish within 600 s`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/**
 * Waits for the event that says the pipeline's storage is Cleared (then checks it with one GET):
 * how the console learns it. Polling the API 40 times a second was a load of its own, and the
 * worker lets requests go first (db/foreground.ts).
 */
export async function untilClearedEvent(stream: Stream, name: string, pipelineId: string): Promise<void> {
  const deadline = now() + 600_000;
  const cleared = () => stream.events.some((e) => e.kind === "storage" && e.data.pipeline_id === pipelineId && e.data.storage_status === "Cleared");
  while (!cleared()) {
    if (now() > deadline) throw new Error(`no Cleared event for ${name} within 600 s`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  const body = JSON.parse(await api("GET", `/v0/pipelines/${name}`, 200)) as { storage_status?: string };
  if (body.storage_status !== "Cleared") throw new Error(`${name}: a Cleared event, but the API says ${body.storage_status}`);
}

/** Milliseconds from the `at` the worker stamped on each progress event of the pipeline to its arrival. */
export function progressLatencies(stream: Stream, pipelineId: string): number[] {
  return stream.events
    .filter((e) => e.kind === "storage" && e.data.pipeline_id === pipelineId && typeof e.data.at === "string")
    .map((e) => e.arrivedAt - Date.parse(e.data.at as string));
}

/** The last events may still be on their way when the poll sees Cleared. */
export const settle = () => new Promise((r) => setTimeout(r, 500));

export async function clearRows(ctx: Ctx, floorRowsPerSecond: number): Promise<ResultRow[]> {
  const name = SPECIAL.clearApi;
  // The latency half: every progress event of this clear, from the `at` the worker stamped in
  // the transaction that deleted a batch (before its commit) to its arrival here.
  const stream = await openEvents(ORG);
  const t = now();
  await requestClear(name);
  await untilClearedEvent(stream, name, ctx.ids.clearApi);
  const seconds = (now() - t) / 1000;
  await settle();
  stream.close();
  const latencies = progressLatencies(stream, ctx.ids.clearApi);
  if (latencies.length === 0) throw new Error("no storage progress event reached the SSE client");
  const rows = ctx.scale.clearStorage;
  return [
    measured("e", `clear ${rows.toLocaleString("en-US")} storage rows (API + worker)`, "rows/s", rows / seconds, floorRowsPerSecond, {
      text: "≥ 0.5 × raw batched DELETE",
      minRatio: 0.5,
    }, "until the Cleared event"),
    absolute("e", "clear progress latency, db change → SSE client, p95", percentile(latencies, 95), "ms", { text: "≤ 250 ms", max: 250 }, `${latencies.length} progress events`),
  ];
}

