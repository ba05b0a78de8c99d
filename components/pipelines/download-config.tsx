"use client";

// Placeholder until the configuration download lands: a plain link to the export route.
import { orgPath } from "@/components/api-client";

export function DownloadConfigLink({ org, pipelineId, canChange }: { org: string; pipelineId: string; pipelineName: string; canChange: boolean }) {
  if (!canChange) return null;
  return (
    <a href={orgPath(org, "pipelines", pipelineId, "export")} download className="btn-secondary" data-testid="download-config">
      Download configuration
    </a>
  );
}
