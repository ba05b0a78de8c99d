// Row l: does the console stay responsive while the worker is busy? The p95 of the /pipelines
// page (HTML, as a signed-in browser asks for it) and of a pause through the lifecycle API, idle
// and then while a run writes `loadRecords` records and a clear removes as many from another
// pipeline, both at once. Samples count only while both are seen still going.
import { ORG, PASSWORD, SPECIAL } from "../config";
import { api, BASE } from "../server";
import { signIn } from "../session";
import { now, percentile, timeOnce } from "../stats";
import { measured, notMeasured, type ResultRow } from "../table";
import { requestClear, untilCleared } from "./clear";
import type { Ctx } from "./context";

/** How often the run and the clear are looked at: often enough to stop sampling soon after one ends, rarely enough to add no load. */
const WATCH_MS = 250;
/** Sampling under load stops here even if the run and the clear go on. */
const MAX_LOADED_MS = 300_000;
const WARM_UP = 3;

const maestro = { customer_name: ORG };

interface Watch {
  /** performance.now() when the last look that found the work still going was sent. */
  seenGoingAt: () => number;
  going: () => boolean;
  stop: () => void;
}

/** Looks at some work every WATCH_MS until it is seen finished (or stopped). */
function watch(stillGoing: () => Promise<boolean>): Watch {
  let seen = now();
  let going = true;
  let stopped = false;
  void (async () => {
    while (going && !stopped) {
      const sent = now();
      if (await stillGoing()) seen = sent;
      else going = false;
      await new Promise((r) => setTimeout(r, WATCH_MS));
    }
  })();
  return { seenGoingAt: () => seen, going: () => going, stop: () => void (stopped = true) };
}

interface RunView {
  status: string;
  successful_files: number;
}
const runView = async (id: string) => JSON.parse(await api("GET", `/api/v1/orgs/${ORG}/executions/${id}`, 200)) as RunView;
const runGoing = (r: RunView) => r.status === "PENDING" || r.status === "EXECUTING";

interface ClearView {
  storage_status: string;
  storage_status_details: { done_rows: number; total_rows: number } | null;
}
const clearView = async (name: string) => JSON.parse(await api("GET", `/v0/pipelines/${name}`, 200)) as ClearView;

async function consolePage(cookie: string): Promise<void> {
  const res = await fetch(`${BASE}/pipelines`, { headers: { cookie, accept: "text/html" }, redirect: "manual" });
  const html = await res.text();
  if (res.status !== 200) throw new Error(`GET /pipelines as a signed-in browser: ${res.status}`);
  if (!html.includes("</html>")) throw new Error("GET /pipelines: not a whole HTML page");
}

/** Pauses the pipeline (timed) and resumes it (not timed) so the next sample can pause it again. */
async function timedPause(pipelineId: string): Promise<number> {
  const ms = await timeOnce(() => api("POST", "/platform/pipeline/pause", 200, { pipeline_id: pipelineId }, undefined, maestro).then(() => undefined));
  await api("POST", "/platform/pipeline/unpause", 200, { pipeline_id: pipelineId }, undefined, maestro);
  return ms;
}

interface Samples {
  page: number[];
  pause: number[];
}

async function idleSamples(ctx: Ctx, cookie: string): Promise<Samples> {
  const pauseId = ctx.ids.pauseLoad;
  for (let i = 0; i < WARM_UP; i++) {
    await consolePage(cookie);
    await timedPause(pauseId);
  }
  const idle: Samples = { page: [], pause: [] };
  for (let i = 0; i < ctx.scale.samples; i++) {
    idle.page.push(await timeOnce(() => consolePage(cookie)));
    idle.pause.push(await timedPause(pauseId));
  }
  return idle;
}

/** Starts the run and waits until a worker has taken it (a queued run loads nothing). */
async function startRun(pipelineId: string): Promise<string> {
  const answer = JSON.parse(await api("POST", "/platform/pipeline/execute", 200, { pipeline_id: pipelineId }, undefined, maestro)) as { data: { run_id: string } };
  const id = answer.data.run_id;
  const deadline = now() + 60_000;
  for (;;) {
    const run = await runView(id);
    if (run.status === "EXECUTING") return id;
    if (!runGoing(run)) throw new Error(`row l's run ended (${run.status}) before it was seen running`);
    if (now() > deadline) throw new Error("row l's run was not taken by a worker within 60 s");
    await new Promise((r) => setTimeout(r, 50));
  }
}

export async function underLoadRows(ctx: Ctx): Promise<ResultRow[]> {
  const cookie = await signIn(ctx.principal.email, PASSWORD);
  const idle = await idleSamples(ctx, cookie);

  const runId = await startRun(ctx.ids.runLoad);
  await requestClear(SPECIAL.clearLoad);
  const run = watch(async () => runGoing(await runView(runId)));
  const clear = watch(async () => (await clearView(SPECIAL.clearLoad)).storage_status === "Clearing");
  // Each sample keeps the time it ended: it counts only if both were seen going after that.
  const loaded = { page: [] as [number, number][], pause: [] as [number, number][] };
  const began = now();
  const stopAt = began + MAX_LOADED_MS;
  // One sample at a time, page and pause in turn, so that a short load still gets some of each.
  for (let i = 0; run.going() && clear.going() && now() < stopAt; i++) {
    if (i % 2 === 0) loaded.page.push([await timeOnce(() => consolePage(cookie)), now()]);
    else loaded.pause.push([await timedPause(ctx.ids.pauseLoad), now()]);
  }
  const sampledSeconds = (now() - began) / 1000;
  run.stop();
  clear.stop();
  const [runThen, clearThen] = await Promise.all([runView(runId), clearView(SPECIAL.clearLoad)]);
  const bothSeenAt = Math.min(run.seenGoingAt(), clear.seenGoingAt());
  const counted = (list: [number, number][]) => list.filter(([, endedAt]) => endedAt <= bothSeenAt).map(([ms]) => ms);
  const underLoad: Samples = { page: counted(loaded.page), pause: counted(loaded.pause) };

  // Leave no work behind for the rows after this one: the run is stopped, the clear (which
  // cannot be cancelled) finishes.
  if (runGoing(runThen)) await api("POST", `/api/v1/orgs/${ORG}/executions/${runId}/stop`, 202, {});
  while (runGoing(await runView(runId))) await new Promise((r) => setTimeout(r, WATCH_MS));
  await untilCleared(SPECIAL.clearLoad, WATCH_MS);

  const progress = clearThen.storage_status_details;
  const state =
    `sampled ${sampledSeconds.toFixed(1)} s; when sampling stopped: run ${runThen.status} at ${runThen.successful_files.toLocaleString("en-US")} records, ` +
    `clear ${clearThen.storage_status}${progress ? ` at ${progress.done_rows.toLocaleString("en-US")}/${progress.total_rows.toLocaleString("en-US")}` : ""}`;
  const records = ctx.scale.loadRecords.toLocaleString("en-US");
  const row = (what: string, loadedMs: number[], idleMs: number[]): ResultRow => {
    const title = `${what} p95 under a ${records}-record run + clear`;
    if (loadedMs.length === 0) return { ...notMeasured("l", title, "≤ 2 × idle"), note: `no sample while both went on (${state})` };
    return measured("l", title, "ms", percentile(loadedMs, 95), percentile(idleMs, 95), { text: "≤ 2 × idle", maxRatio: 2 }, `${loadedMs.length} samples under load, ${idleMs.length} idle; ${state}`);
  };
  return [row("/pipelines page", underLoad.page, idle.page), row("pause (lifecycle API)", underLoad.pause, idle.pause)];
}
