// A run's log, fetched in pieces: each fetch asks only for the lines after the last one held
// and appends them. While the run is pending or executing it asks every second (live events
// for the run ask sooner), so the drawer follows the run as it happens.
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiGet, orgPath } from "@/components/api-client";
import type { ExecutionLogs } from "@/components/pipelines/types";
import { queryKeys } from "@/components/query-keys";
import { isRunning } from "./execution-status";

const LINES_PER_FETCH = 500;

export type LogLine = ExecutionLogs["lines"][number];

export interface LogState {
  status: string;
  lines: LogLine[];
  /** A full page came back: more lines are waiting. */
  more: boolean;
}

export function useExecutionLogs(org: string, executionId: string) {
  const client = useQueryClient();
  const key = queryKeys.logs(org, executionId);
  return useQuery({
    queryKey: key,
    queryFn: async (): Promise<LogState> => {
      const held = client.getQueryData<LogState>(key);
      const lastId = held?.lines.at(-1)?.id ?? 0;
      const page = await apiGet<ExecutionLogs>(`${orgPath(org, "executions", executionId, "logs")}?after=${lastId}&limit=${LINES_PER_FETCH}`);
      const fresh = page.lines.filter((line) => line.id > lastId);
      return { status: page.status, lines: [...(held?.lines ?? []), ...fresh], more: page.lines.length === LINES_PER_FETCH };
    },
    staleTime: 0,
    refetchInterval: (query) => {
      const state = query.state.data;
      return state && (isRunning(state.status) || state.more) ? 1000 : false;
    },
  });
}
