// The audit log (GET /api/v1/orgs/{org}/audit): admins read the org's, members their own.
import { keepPreviousData, useQueries, useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import { apiGet, orgPath } from "@/components/api-client";
import { pipelineQuery } from "@/components/pipelines/use-pipelines";
import { queryKeys } from "@/components/query-keys";
import type { auditEventResponse, auditListResponse } from "@/lib/api/console/responses-org";

export type AuditEvent = z.infer<typeof auditEventResponse>;
type AuditList = z.infer<typeof auditListResponse>;

export interface AuditFilters {
  actor: string;
  action: string;
  object_type: string;
  object_id: string;
}

export const NO_FILTERS: AuditFilters = { actor: "", action: "", object_type: "", object_id: "" };
export const AUDIT_PAGE = 25;

export function useAudit(org: string, filters: AuditFilters, cursor: string | null) {
  const params = { ...filters, cursor, limit: AUDIT_PAGE };
  return useQuery({
    queryKey: queryKeys.auditList(org, params),
    queryFn: () => {
      const query = new URLSearchParams({ limit: String(AUDIT_PAGE) });
      for (const [key, value] of Object.entries(filters)) if (value.trim()) query.set(key, value.trim());
      if (cursor) query.set("cursor", cursor);
      return apiGet<AuditList>(`${orgPath(org, "audit")}?${query}`);
    },
    placeholderData: keepPreviousData,
  });
}

/**
 * Which of these pipelines still exist for the reader: a link is offered only to those. Shares
 * the pipeline's own cache entry, so a delete seen live removes the link too.
 */
export function useExistingPipelines(org: string, ids: string[]): ReadonlySet<string> {
  const results = useQueries({
    queries: ids.map((id) => ({ ...pipelineQuery(org, id), staleTime: 60_000 })),
  });
  return new Set(ids.filter((_, i) => results[i]?.isSuccess));
}
