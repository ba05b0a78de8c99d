// A pipeline's jobs: checked against the org's connections, added at creation, replaced as one
// ordered list by an update, and read back with their connections' names and their state.
import { and, asc, eq, inArray, notInArray, sql } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { jobStates, jobs, resources, type Pipeline } from "@/db/schema";
import { invalid } from "./errors";

export interface JobInput {
  /** An existing job of the pipeline (an update): it keeps its identity and state. */
  id?: string;
  name: string;
  sourceResourceId: string;
  destinationResourceId?: string | null;
  config?: Record<string, unknown>;
}

export interface JobView {
  id: string;
  name: string;
  position: number;
  source: { id: string; name: string } | null;
  destination: { id: string; name: string } | null;
  config: Record<string, unknown>;
  /** What the last run left: null until a run has finished this job. */
  state: { cursor: string | null; lastRows: number | null; updatedAt: Date } | null;
}

/** Jobs read from a live source resource of the org and may write to a live destination of it. */
async function checkConnections(tx: Queryable, orgId: string, list: JobInput[]): Promise<void> {
  const ids = [...new Set(list.flatMap((j) => [j.sourceResourceId, j.destinationResourceId ?? []].flat()))];
  if (ids.length === 0) return;
  const found = await tx
    .select({ id: resources.id, kind: resources.kind })
    .from(resources)
    .where(and(eq(resources.orgId, orgId), eq(resources.deleted, false), inArray(resources.id, ids)));
  const kindOf = new Map(found.map((r) => [r.id, r.kind]));
  list.forEach((job, i) => {
    if (kindOf.get(job.sourceResourceId) !== "source") throw invalid(`Resource ${job.sourceResourceId} is not a source of this organization.`, `jobs.${i}.source`);
    if (job.destinationResourceId && kindOf.get(job.destinationResourceId) !== "destination") {
      throw invalid(`Resource ${job.destinationResourceId} is not a destination of this organization.`, `jobs.${i}.destination`);
    }
  });
}

const row = (pipeline: Pipeline, job: JobInput, position: number) => ({
  orgId: pipeline.orgId,
  pipelineId: pipeline.id,
  position,
  name: job.name,
  sourceResourceId: job.sourceResourceId,
  destinationResourceId: job.destinationResourceId ?? null,
  config: job.config ?? {},
});

/** A new pipeline's jobs, in the order given. */
export async function addJobs(tx: Queryable, pipeline: Pipeline, list: JobInput[]): Promise<void> {
  if (list.length === 0) return;
  await checkConnections(tx, pipeline.orgId, list);
  await tx.insert(jobs).values(list.map((job, position) => row(pipeline, job, position)));
}

/**
 * The pipeline's jobs become `list`, in its order: an item with the id of one of its jobs updates
 * that job (its state stays), one without is new, and a job left out is removed with its state.
 * Inside the caller's transaction, which has checked the actor may change the pipeline.
 */
export async function replaceJobs(tx: Queryable, pipeline: Pipeline, list: JobInput[]): Promise<void> {
  const where = and(eq(jobs.pipelineId, pipeline.id), eq(jobs.orgId, pipeline.orgId));
  const current = new Set((await tx.select({ id: jobs.id }).from(jobs).where(where)).map((j) => j.id));
  const seen = new Set<string>();
  list.forEach((job, i) => {
    if (!job.id) return;
    if (!current.has(job.id)) throw invalid(`Job ${job.id} is not a job of this pipeline.`, `jobs.${i}.id`);
    if (seen.has(job.id)) throw invalid(`Job ${job.id} is given twice.`, `jobs.${i}.id`);
    seen.add(job.id);
  });
  await checkConnections(tx, pipeline.orgId, list);
  const kept = list.flatMap((job) => (job.id ? [job.id] : []));
  await tx.delete(jobs).where(kept.length ? and(where, notInArray(jobs.id, kept)) : where);
  // Positions are unique per pipeline: the kept jobs step aside first, so a swap never collides.
  if (kept.length) await tx.update(jobs).set({ position: sql`-1 - ${jobs.position}` }).where(and(where, inArray(jobs.id, kept)));
  for (const [position, job] of list.entries()) {
    if (!job.id) continue;
    await tx
      .update(jobs)
      .set(row(pipeline, job, position))
      .where(and(where, eq(jobs.id, job.id)));
  }
  const added = list.flatMap((job, position) => (job.id ? [] : [row(pipeline, job, position)]));
  if (added.length) await tx.insert(jobs).values(added);
}

/** The pipeline's jobs in run order, with their connections by name and their state. */
export async function jobsOfPipeline(db: Queryable, pipeline: Pick<Pipeline, "id" | "orgId">): Promise<JobView[]> {
  const steps = await db
    .select({ job: jobs, state: jobStates })
    .from(jobs)
    .leftJoin(jobStates, eq(jobStates.jobId, jobs.id))
    .where(and(eq(jobs.pipelineId, pipeline.id), eq(jobs.orgId, pipeline.orgId)))
    .orderBy(asc(jobs.position));
  const ids = [...new Set(steps.flatMap(({ job }) => [job.sourceResourceId, job.destinationResourceId].filter((id): id is string => !!id)))];
  const linked = ids.length
    ? await db
        .select({ id: resources.id, name: resources.name })
        .from(resources)
        .where(and(eq(resources.orgId, pipeline.orgId), inArray(resources.id, ids)))
    : [];
  const byId = new Map(linked.map((r) => [r.id, r]));
  // A connection of another org never shows; its id alone says the job points at nothing here.
  const ref = (id: string | null) => (id ? (byId.get(id) ?? { id, name: id }) : null);
  return steps.map(({ job, state }) => ({
    id: job.id,
    name: job.name,
    position: job.position,
    source: ref(job.sourceResourceId),
    destination: ref(job.destinationResourceId),
    config: job.config,
    state: state
      ? {
          cursor: state.cursor,
          lastRows: typeof state.connectorState.last_rows === "number" ? state.connectorState.last_rows : null,
          updatedAt: state.updatedAt,
        }
      : null,
  }));
}
