"use client";

// What deleting a connection does to the pipelines that use it, for the delete dialog: the
// delete is allowed, and their runs then fail at the jobs that use it.
import Link from "next/link";
import { errorMessage } from "@/components/api-client";
import { countOf } from "@/components/format";
import { useResourceUsage, type ResourceUsage } from "./use-resources";

function jobsText(jobs: ResourceUsage["pipelines"][number]["jobs"]): string {
  return jobs.map((job) => `job “${job.name}” (${job.role === "source" ? "reads it" : "writes to it"})`).join(", ");
}

export function ResourceUsageNote({ org, resourceId }: { org: string; resourceId: string }) {
  const usage = useResourceUsage(org, resourceId);

  if (usage.isPending) {
    return (
      <p role="status" data-testid="resource-usage-loading">
        Looking for pipelines that use it…
      </p>
    );
  }
  if (usage.isError) {
    return (
      <p className="text-bad" data-testid="resource-usage-error">
        Could not tell which pipelines use it: {errorMessage(usage.error)}
      </p>
    );
  }
  const { pipelines, hidden_pipelines: hidden } = usage.data;
  if (pipelines.length === 0 && hidden === 0) return <p data-testid="resource-usage-none">No pipeline uses it.</p>;

  return (
    <div className="space-y-2" data-testid="resource-usage">
      {pipelines.length > 0 && (
        <>
          <p className="font-medium text-ink">{pipelines.length === 1 ? "A pipeline uses it:" : `${pipelines.length} pipelines use it:`}</p>
          <ul className="list-disc space-y-1 pl-5">
            {pipelines.map((pipeline) => (
              <li key={pipeline.id} data-testid="resource-usage-pipeline">
                <Link href={`/pipelines/${pipeline.id}`} className="font-medium text-brand-700 underline hover:no-underline">
                  {pipeline.pipeline_name}
                </Link>{" "}
                — {jobsText(pipeline.jobs)}
              </li>
            ))}
          </ul>
        </>
      )}
      {hidden > 0 && (
        <p>
          {countOf(hidden, "pipeline you cannot see uses", "pipelines you cannot see use")} it{pipelines.length > 0 ? " too" : ""}.
        </p>
      )}
      <p className="font-medium text-ink">
        Their runs will fail at that job until it points at another connection.
      </p>
    </div>
  );
}
