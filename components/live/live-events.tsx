"use client";

// One event stream per tab (GET /api/v1/orgs/{org}/events): each committed change invalidates
// the queries it affects, and storage progress is written straight into the cache so a
// progress bar moves without refetching. When the stream is down, hooks poll instead.
import { useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type ReactNode } from "react";
import { orgPath } from "@/components/api-client";
import { keepEventStream } from "@/components/live/event-stream";
import { invalidator } from "@/components/live/invalidation-window";
import { queryKeys } from "@/components/query-keys";

export interface LiveEvent {
  kind: "pipeline" | "execution" | "storage" | "decommission" | "member" | "wrapper" | "resource";
  org_id: string;
  pipeline_id?: string;
  execution_id?: string;
  change?: "created" | "updated" | "deleted" | "added" | "removed" | "role";
  status?: string;
  storage_status?: string;
  done_rows?: number;
  total_rows?: number;
  done_bytes?: number;
  total_bytes?: number;
  decommission_id?: string;
  state?: string;
  at: string;
}

export interface StorageProgressEvent {
  storage_status: string;
  started_at?: string;
  done_rows?: number;
  total_rows?: number;
  done_bytes?: number;
  total_bytes?: number;
  at: string;
}

const LiveContext = createContext<{ connected: boolean }>({ connected: false });

/** Whether live updates arrive; when not, queries should poll (see `pollWhenOffline`). */
export function useLive() {
  return useContext(LiveContext);
}

/** A refetchInterval for queries that must stay fresh: none while the stream is up. */
export function usePollWhenOffline(ms = 5000): number | false {
  return useLive().connected ? false : ms;
}

export function applyLiveEvent(client: QueryClient, invalidate: (key: QueryKey) => void, event: LiveEvent): void {
  const org = event.org_id;
  const pipelineId = event.pipeline_id;
  // The Overview's figures are made of pipelines, runs and storage: any such change moves them.
  if (event.kind === "pipeline" || event.kind === "execution" || event.kind === "storage" || event.kind === "decommission") {
    invalidate(queryKeys.overview(org));
  }
  switch (event.kind) {
    case "pipeline":
      invalidate(queryKeys.pipelines(org));
      if (pipelineId && event.change === "deleted") {
        client.removeQueries({ queryKey: queryKeys.pipeline(org, pipelineId) });
        invalidate(queryKeys.executions(org));
      } else if (pipelineId) invalidate(queryKeys.pipeline(org, pipelineId));
      break;
    case "execution":
      invalidate(queryKeys.executions(org));
      invalidate(queryKeys.pipelines(org));
      if (pipelineId) invalidate(queryKeys.pipeline(org, pipelineId));
      // A run leaves records behind: the storage state the pipeline page shows is read again.
      if (pipelineId) invalidate(queryKeys.storage(org, pipelineId));
      if (event.execution_id) invalidate(queryKeys.execution(org, event.execution_id));
      break;
    case "storage":
      if (pipelineId) {
        client.setQueryData<StorageProgressEvent>(["storage-live", org, pipelineId], event as StorageProgressEvent);
        if (event.storage_status !== "Clearing" || event.done_rows === 0) {
          invalidate(queryKeys.storage(org, pipelineId));
          invalidate(queryKeys.pipeline(org, pipelineId));
          invalidate(queryKeys.pipelines(org));
        }
      }
      break;
    case "decommission":
      if (pipelineId) {
        invalidate(queryKeys.decommission(org, pipelineId));
        invalidate(queryKeys.pipeline(org, pipelineId));
      }
      invalidate(queryKeys.pipelines(org));
      if (event.state === "done") invalidate(queryKeys.audit(org));
      break;
    case "wrapper":
    case "resource":
      invalidate(queryKeys.resources(org));
      break;
    case "member":
      // The members page, the overview's count and the sharing pickers all read this list.
      invalidate(queryKeys.members(org));
      break;
  }
}

const LIVE_EVENT_KINDS = ["pipeline", "execution", "storage", "decommission", "member", "wrapper", "resource"] as const;

export function LiveEventsProvider({ orgId, children }: { orgId: string; children: ReactNode }) {
  const client = useQueryClient();
  const [connected, setConnected] = useState(false);

  useEffect(() => {
    if (typeof EventSource === "undefined") return;
    const invalidate = invalidator(client);
    const onEvent = (message: MessageEvent<string>) => {
      try {
        applyLiveEvent(client, invalidate, JSON.parse(message.data) as LiveEvent);
      } catch {
        // a malformed event changes nothing
      }
    };
    return keepEventStream(() => new EventSource(orgPath(orgId, "events")), LIVE_EVENT_KINDS, {
      open: () => {
        setConnected(true);
        // Whatever changed while the stream was down is fetched again.
        void client.invalidateQueries();
      },
      down: () => setConnected(false),
      event: onEvent,
    });
  }, [client, orgId]);

  return <LiveContext.Provider value={{ connected }}>{children}</LiveContext.Provider>;
}
