// Who may do what to a pipeline. Members see what they own, what is shared with them and what
// is shared to the org; owners alone change it; org admins may do everything in their org.
// A pipeline the principal may not see does not exist for them (404, never 403).
// Keys: those the pipeline is shared with use them and make their own, but a key is changed
// only by its creator, the owner or an admin, so a share cannot cut off the owner's scripts.
import { and, eq, or, sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { pipelineShares, pipelines, type Pipeline, type PipelineKey } from "@/db/schema";
import { forbidden, notFound } from "./errors";
import type { Principal } from "./principal";

/** The WHERE clause of the pipelines `actor` may see (always within their org). */
export function visibleTo(actor: Principal): SQL {
  const inOrg = eq(pipelines.orgId, actor.orgId);
  if (actor.role === "admin") return inOrg;
  const sharedWithActor = sql`exists (select 1 from ${pipelineShares} where ${pipelineShares.pipelineId} = ${pipelines.id} and ${pipelineShares.userId} = ${actor.userId})`;
  return and(inOrg, or(eq(pipelines.ownerId, actor.userId), eq(pipelines.sharedToOrg, true), sharedWithActor)) as SQL;
}

export interface Access {
  pipeline: Pipeline;
  isOwner: boolean;
  isShared: boolean;
}

/** Loads a pipeline the actor may see, or throws not_found. */
export async function loadVisiblePipeline(db: Queryable, actor: Principal, id: string, lock = false): Promise<Access> {
  const query = db.select().from(pipelines).where(and(eq(pipelines.id, id), visibleTo(actor)));
  const [pipeline] = lock ? await query.for("update") : await query;
  if (!pipeline) throw notFound();
  const isOwner = pipeline.ownerId === actor.userId;
  let isShared = false;
  if (!isOwner) {
    const [share] = await db
      .select({ userId: pipelineShares.userId })
      .from(pipelineShares)
      .where(and(eq(pipelineShares.pipelineId, id), eq(pipelineShares.userId, actor.userId)));
    isShared = !!share;
  }
  return { pipeline, isOwner, isShared };
}

/** Update, delete, pause, clear and the executions list: the owner or an org admin. */
export function assertCanChange(actor: Principal, access: Access): void {
  if (!access.isOwner && actor.role !== "admin") throw forbidden();
}

/** Keys: the owner, a user it is shared with, or an org admin (not every org member). */
export function assertCanManageKeys(actor: Principal, access: Access): void {
  if (!access.isOwner && !access.isShared && actor.role !== "admin") throw forbidden();
}

export const KEY_CHANGE_REFUSED = "Only the key's creator, the pipeline's owner or an admin can change this key.";

/**
 * Switch or delete one key (after assertCanManageKeys): its creator, the pipeline's owner or an
 * org admin. A key whose creator was deleted (created_by null) is the owner's and admins' alone.
 */
export function assertCanChangeKey(actor: Principal, access: Access, key: Pick<PipelineKey, "createdBy">): void {
  if (access.isOwner || actor.role === "admin" || key.createdBy === actor.userId) return;
  throw forbidden(KEY_CHANGE_REFUSED);
}
