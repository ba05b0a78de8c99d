// A pipeline's saved schedule, analysed while its page renders on the server: the settings form
// shows it in words with its next runs without the browser downloading croner and cronstrue
// (issue 16 row g). Read through the API's own route handler, as this request's user.
import "server-only";
import { GET as getPipeline } from "@/app/api/v1/unstract/[org_id]/pipeline/[id]/route";
import { analyseCron, type AnalysedCron } from "@/components/pipelines/cron-analysis";
import type { PipelineDetail } from "@/components/pipelines/types";
import { pipelinesPath } from "@/components/api-client";
import { askApi, askMe } from "./server-answers";

/** null when there is nothing to analyse (no schedule) or the pipeline cannot be read. */
export async function savedSchedule(id: string): Promise<AnalysedCron | null> {
  const me = await askMe();
  if (!me) return null;
  const pipeline = await askApi<PipelineDetail, { org_id: string; id: string }>(getPipeline, pipelinesPath(me.org, "pipeline", id), { org_id: me.org, id });
  const cron = pipeline?.cron_string ?? "";
  if (!pipeline || !cron.trim()) return null;
  return { cron, timezone: pipeline.timezone, analysis: analyseCron(cron, pipeline.timezone) };
}
