// The default view of /pipelines (page 1, no filter), answered on the server: its first HTML
// holds the rows.
import "server-only";
import type { DehydratedState } from "@tanstack/react-query";
import { GET as getPipelines } from "@/app/api/v1/unstract/[org_id]/pipeline/route";
import { queryKeys } from "@/components/query-keys";
import type { PipelineList } from "@/components/pipelines/types";
import { listUrl, type PipelineListParams } from "@/components/pipelines/use-pipelines";
import { askApi, askMe, cacheState } from "./server-answers";

const DEFAULT_VIEW: PipelineListParams = { search: "", type: "", active: "", ordering: "", cursor: "", page: "" };

export async function firstPageState(): Promise<DehydratedState | null> {
  const me = await askMe();
  if (!me) return null;
  const list = await askApi<PipelineList>(getPipelines, listUrl(me.org, DEFAULT_VIEW), { org_id: me.org });
  return list ? cacheState([[queryKeys.pipelineList(me.org, { ...DEFAULT_VIEW }), list]]) : null;
}
