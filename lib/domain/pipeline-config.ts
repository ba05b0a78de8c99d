// A pipeline's configuration as a document a person keeps: name, type, description, schedule,
// jobs by connection (name and id) with their config, and sharing by email. Downloaded before
// a delete, kept in the deletion's audit entry, and imported again as a new, paused pipeline.
import { and, asc, eq, inArray } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { jobs, memberships, pipelineShares, resources, users, type Pipeline, type PipelineType, type Resource } from "@/db/schema";
import { InvalidFields } from "./errors";
import { assertCanChange, loadVisiblePipeline } from "./pipeline-access";
import type { Principal } from "./principal";
import { normaliseEmail } from "./users";

export const CONFIG_FORMAT = "sluice.pipeline/1";

export interface ConnectionRef {
  id: string;
  name: string;
  connector: string;
}

export interface JobConfig {
  name: string;
  source: ConnectionRef;
  destination: ConnectionRef | null;
  config: Record<string, unknown>;
}

export interface PipelineConfig {
  format: typeof CONFIG_FORMAT;
  exported_at: string;
  pipeline_name: string;
  pipeline_type: PipelineType;
  description: string;
  cron_string: string | null;
  timezone: string;
  jobs: JobConfig[];
  sharing: { shared_to_org: boolean; shared_users: string[] };
}

/** The configuration of a pipeline, read inside the caller's transaction (a delete keeps it). */
export async function pipelineConfigInTx(tx: Queryable, pipeline: Pipeline): Promise<PipelineConfig> {
  const [steps, shares] = await Promise.all([
    tx
      .select()
      .from(jobs)
      .where(and(eq(jobs.pipelineId, pipeline.id), eq(jobs.orgId, pipeline.orgId)))
      .orderBy(asc(jobs.position)),
    tx
      .select({ email: users.email })
      .from(pipelineShares)
      .innerJoin(users, eq(users.id, pipelineShares.userId))
      .where(eq(pipelineShares.pipelineId, pipeline.id))
      .orderBy(asc(users.email)),
  ]);
  const ids = [...new Set(steps.flatMap((j) => [j.sourceResourceId, j.destinationResourceId].filter((id): id is string => !!id)))];
  const linked = ids.length
    ? await tx
        .select({ id: resources.id, name: resources.name, connector: resources.connector })
        .from(resources)
        .where(and(eq(resources.orgId, pipeline.orgId), inArray(resources.id, ids)))
    : [];
  const byId = new Map(linked.map((r) => [r.id, r]));
  const ref = (id: string | null): ConnectionRef | null => (id ? (byId.get(id) ?? { id, name: id, connector: "unknown" }) : null);
  return {
    format: CONFIG_FORMAT,
    exported_at: new Date().toISOString(),
    pipeline_name: pipeline.name,
    pipeline_type: pipeline.type,
    description: pipeline.description,
    cron_string: pipeline.cronString,
    timezone: pipeline.timezone,
    jobs: steps.map((j) => ({
      name: j.name,
      source: ref(j.sourceResourceId) ?? { id: "", name: "", connector: "unknown" },
      destination: ref(j.destinationResourceId),
      config: j.config,
    })),
    sharing: { shared_to_org: pipeline.sharedToOrg, shared_users: shares.map((s) => s.email) },
  };
}

/** The configuration download: for those who may change the pipeline (its jobs' config may be sensitive). */
export async function exportPipelineConfig(db: Db, actor: Principal, id: string): Promise<PipelineConfig> {
  const access = await loadVisiblePipeline(db, actor, id);
  assertCanChange(actor, access);
  return pipelineConfigInTx(db, access.pipeline);
}

// ---------------------------------------------------------------- import

type Live = Pick<Resource, "id" | "name" | "kind" | "connector">;

/** A job's connection in this org: the same id if it is still there, else the one live connection of that name and kind. */
function resolveConnection(ref: ConnectionRef, kind: Resource["kind"], live: Live[]): { id: string } | { problem: string } {
  const sameId = live.find((r) => r.id === ref.id && r.kind === kind);
  if (sameId) return { id: sameId.id };
  const named = live.filter((r) => r.name === ref.name && r.kind === kind);
  if (named.length === 1 && named[0]) return { id: named[0].id };
  if (named.length > 1) return { problem: `Several ${kind} connections are named "${ref.name}": keep one, or rename the others.` };
  return { problem: `No ${kind} connection named "${ref.name}" exists in this organization (it may have been deleted).` };
}

export interface ResolvedConfig {
  jobs: { name: string; sourceResourceId: string; destinationResourceId: string | null; config: Record<string, unknown> }[];
  sharedUserIds: string[];
  /** Emails of the sharing list that are not members of this org: the import leaves them out. */
  skippedShares: string[];
}

/**
 * Turns a configuration's connections and emails into this org's ids, reporting every job
 * whose connection cannot be found; shares with people who are not members are left out.
 */
export async function resolveConfig(tx: Queryable, actor: Principal, config: Pick<PipelineConfig, "jobs" | "sharing">): Promise<ResolvedConfig> {
  const live = await tx
    .select({ id: resources.id, name: resources.name, kind: resources.kind, connector: resources.connector })
    .from(resources)
    .where(and(eq(resources.orgId, actor.orgId), eq(resources.deleted, false)));
  const problems: { message: string; field: string }[] = [];
  const resolved = config.jobs.map((job, i) => {
    const source = resolveConnection(job.source, "source", live);
    if ("problem" in source) problems.push({ message: source.problem, field: `jobs.${i}.source` });
    const destination = job.destination ? resolveConnection(job.destination, "destination", live) : null;
    if (destination && "problem" in destination) problems.push({ message: destination.problem, field: `jobs.${i}.destination` });
    return {
      name: job.name,
      sourceResourceId: "id" in source ? source.id : "",
      destinationResourceId: destination && "id" in destination ? destination.id : null,
      config: job.config,
    };
  });
  if (problems.length) throw new InvalidFields(problems);

  const emails = [...new Set(config.sharing.shared_users.map(normaliseEmail))];
  const members = emails.length
    ? await tx
        .select({ id: users.id, email: users.email })
        .from(memberships)
        .innerJoin(users, eq(users.id, memberships.userId))
        .where(and(eq(memberships.orgId, actor.orgId), inArray(users.email, emails)))
    : [];
  const found = new Map(members.map((m) => [m.email, m.id]));
  return {
    jobs: resolved,
    // The importer owns the new pipeline: a share with themself is implied.
    sharedUserIds: [...found.values()].filter((id) => id !== actor.userId),
    skippedShares: emails.filter((email) => !found.has(email)),
  };
}
