// What deleting a pipeline removes and what stays (GET …/pipelines/{id}/deletion-impact), for
// one pipeline or several.
import { useQueries, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiGet, orgPath } from "@/components/api-client";
import { queryKeys } from "@/components/query-keys";
import { retryUnlessMissing } from "@/components/query-retry";
import type { deletionImpactResponse } from "@/lib/api/console/responses-org";

export type DeletionImpact = z.infer<typeof deletionImpactResponse>;

const fetchImpact = (org: string, id: string) => apiGet<DeletionImpact>(orgPath(org, "pipelines", id, "deletion-impact"));

export function useDeletionImpact(org: string, id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    // Under the pipeline's prefix: every live change of the pipeline or its runs refreshes it.
    queryKey: queryKeys.impact(org, id),
    queryFn: () => fetchImpact(org, id),
    enabled: options.enabled ?? true,
    retry: retryUnlessMissing,
  });
}

/** Runs at most `max` tasks at once; the others wait their turn, in order. */
function fewAtATime(max: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < max) running += 1;
    // A finishing task hands its slot straight to the next one, so none can overtake it.
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running -= 1;
    }
  };
}

// Each impact counts several tables: a selection of fifty must not ask for fifty at once.
const impactSlot = fewAtATime(3);

/** The impact of each of several pipelines, in their order, counted a few at a time. */
export function useDeletionImpacts(org: string, ids: readonly string[]) {
  return useQueries({
    queries: ids.map((id) => ({
      queryKey: queryKeys.impact(org, id),
      queryFn: () => impactSlot(() => fetchImpact(org, id)),
      retry: retryUnlessMissing,
    })),
  });
}
