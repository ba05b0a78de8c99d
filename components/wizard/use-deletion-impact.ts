// What deleting a pipeline removes and what stays (GET …/pipelines/{id}/deletion-impact).
import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiGet, ApiError, orgPath } from "@/components/api-client";
import { queryKeys } from "@/components/query-keys";
import type { deletionImpactResponse } from "@/lib/api/schemas/responses";

export type DeletionImpact = z.infer<typeof deletionImpactResponse>;

/** A missing pipeline stays missing: asking again only delays saying so. */
export function retryUnlessMissing(failures: number, error: unknown): boolean {
  if (error instanceof ApiError && (error.status === 404 || error.status === 403)) return false;
  return failures < 1;
}

export function useDeletionImpact(org: string, id: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    // Under the pipeline's prefix: every live change of the pipeline or its runs refreshes it.
    queryKey: queryKeys.impact(org, id),
    queryFn: () => apiGet<DeletionImpact>(orgPath(org, "pipelines", id, "deletion-impact")),
    enabled: options.enabled ?? true,
    retry: retryUnlessMissing,
  });
}
