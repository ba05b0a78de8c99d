import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiGet, orgPath } from "@/components/api-client";
import { usePollWhenOffline } from "@/components/live/live-events";
import { queryKeys } from "@/components/query-keys";
import type { overviewResponse } from "@/lib/api/console/responses-overview";

export type OrgOverview = z.infer<typeof overviewResponse>;

/**
 * The org's health. Live events invalidate it; it also refreshes every 15 s while the stream is
 * down, and every minute regardless, so "next runs" and the 24-hour window move on by themselves.
 */
export function useOverview(orgId: string) {
  const offline = usePollWhenOffline(15_000);
  return useQuery({
    queryKey: queryKeys.overview(orgId),
    queryFn: () => apiGet<OrgOverview>(orgPath(orgId, "overview")),
    refetchInterval: offline === false ? 60_000 : offline,
  });
}
