"use client";

// The pipeline's configuration as a file (GET …/pipelines/{id}/export), to keep before a delete
// or to import elsewhere. A plain link: the browser downloads the attachment itself, where a
// client-side navigation (next/link) would try to render it as a page.
import { orgPath } from "@/components/api-client";
import { ActionWithReason } from "@/components/danger-zone/action-with-reason";

export const DOWNLOAD_CONFIG_REFUSED = "Only the owner or an admin can download its configuration.";

export const configExportUrl = (org: string, pipelineId: string) => orgPath(org, "pipelines", pipelineId, "export");

interface DownloadConfigLinkProps {
  org: string;
  pipelineId: string;
  pipelineName: string;
  /** The owner or an org admin: the server refuses everyone else (403). */
  canChange: boolean;
  align?: "start" | "end";
}

export function DownloadConfigLink({ org, pipelineId, pipelineName, canChange, align = "start" }: DownloadConfigLinkProps) {
  if (!canChange) {
    return (
      <ActionWithReason testId="download-config" disabledReason={DOWNLOAD_CONFIG_REFUSED} align={align}>
        Download configuration
      </ActionWithReason>
    );
  }
  return (
    <a href={configExportUrl(org, pipelineId)} download={`${pipelineName}.sluice.json`} className="btn-secondary" data-testid="download-config">
      Download configuration
    </a>
  );
}
