// Which pipelines use a connection, asked before deleting it: deleting stays allowed (the
// resources API is a public contract), but the jobs that read or write it then fail their runs.
import { and, asc, eq, or, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { jobs, pipelines, resources } from "@/db/schema";
import type { ResourceKind } from "@/lib/vocabulary";
import { notFound } from "./errors";
import { visibleTo } from "./pipeline-access";
import type { Principal } from "./principal";
import { isObjectId, RESOURCE_NOT_FOUND } from "./resources";

/** Whether a job reads from the resource (source) or writes to it (destination). */
export type JobRole = ResourceKind;

export interface ResourceUsage {
  resourceId: string;
  /** The using pipelines the actor may see, by name, each with the jobs that use the resource. */
  pipelines: { id: string; name: string; jobs: { name: string; role: JobRole }[] }[];
  /** Using pipelines the actor may not see: counted, never named. */
  hiddenPipelines: number;
}

/** The pipelines whose jobs use a live resource of the actor's org; anything else is not found. */
export async function resourceUsage(db: Queryable, actor: Principal, id: string): Promise<ResourceUsage> {
  if (!isObjectId(id)) throw notFound(RESOURCE_NOT_FOUND);
  const resourceId = id.toLowerCase();
  const [resource] = await db
    .select({ id: resources.id })
    .from(resources)
    .where(and(eq(resources.id, resourceId), eq(resources.orgId, actor.orgId), eq(resources.deleted, false)));
  if (!resource) throw notFound(RESOURCE_NOT_FOUND);

  const rows = await db
    .select({
      pipelineId: pipelines.id,
      pipelineName: pipelines.name,
      visible: sql<boolean>`(${visibleTo(actor)})`,
      jobName: jobs.name,
      source: jobs.sourceResourceId,
      destination: jobs.destinationResourceId,
    })
    .from(jobs)
    .innerJoin(pipelines, and(eq(pipelines.id, jobs.pipelineId), eq(pipelines.orgId, actor.orgId)))
    .where(and(eq(jobs.orgId, actor.orgId), or(eq(jobs.sourceResourceId, resourceId), eq(jobs.destinationResourceId, resourceId))))
    .orderBy(asc(pipelines.name), asc(pipelines.id), asc(jobs.position));

  const shown = new Map<string, ResourceUsage["pipelines"][number]>();
  const hidden = new Set<string>();
  for (const row of rows) {
    if (!row.visible) {
      hidden.add(row.pipelineId);
      continue;
    }
    const pipeline = shown.get(row.pipelineId) ?? { id: row.pipelineId, name: row.pipelineName, jobs: [] };
    shown.set(row.pipelineId, pipeline);
    if (row.source === resourceId) pipeline.jobs.push({ name: row.jobName, role: "source" });
    if (row.destination === resourceId) pipeline.jobs.push({ name: row.jobName, role: "destination" });
  }
  return { resourceId, pipelines: [...shown.values()], hiddenPipelines: hidden.size };
}
