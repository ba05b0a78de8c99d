// POST /api/v1/orgs/{org}/pipelines/import: a new, paused pipeline from a configuration (a
// file chosen on /pipelines/new, or the snapshot a deletion kept in the audit log).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import { apiPost, orgPath } from "@/components/api-client";
import { queryKeys } from "@/components/query-keys";
import type { importedPipelineResponse } from "@/lib/api/console/responses-decommission";
import type { ConfigSnapshot } from "./config-document";

export type ImportedPipeline = z.infer<typeof importedPipelineResponse>;

export interface ImportPipelineBody {
  config: ConfigSnapshot;
  /** Only when the user chose another name than the configuration's. */
  pipeline_name?: string;
  /** The new pipeline's pause reason; the server's default says it was imported. */
  reason?: string;
}

export function useImportPipeline(org: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: ImportPipelineBody) => apiPost<ImportedPipeline>(orgPath(org, "pipelines", "import"), body),
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: queryKeys.pipelines(org) });
      // The import is audited: an open audit page shows it.
      void client.invalidateQueries({ queryKey: queryKeys.audit(org) });
    },
  });
}
