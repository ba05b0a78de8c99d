// Pipelines: creation for now (the full rules of §1 build on this module).
import type { Queryable } from "@/db/client";
import { pipelines, schedules, type Pipeline, type PipelineType } from "@/db/schema";
import { auditInTx } from "./audit";
import { issuePipelineKey } from "./keys";
import type { Principal } from "./principal";

export interface NewPipelineInput {
  name: string;
  type?: PipelineType;
  description?: string;
  cronString?: string | null;
  timezone?: string;
  sharedToOrg?: boolean;
}

/** Creates an active pipeline, its schedule when it has a cron, and its first API key. */
export async function createPipelineInTx(tx: Queryable, actor: Principal, input: NewPipelineInput) {
  const [pipeline] = await tx
    .insert(pipelines)
    .values({
      orgId: actor.orgId,
      name: input.name,
      type: input.type ?? "DEFAULT",
      description: input.description ?? "",
      ownerId: actor.userId,
      modifiedBy: actor.userId,
      cronString: input.cronString ?? null,
      timezone: input.timezone ?? "UTC",
      sharedToOrg: input.sharedToOrg ?? false,
    })
    .returning();
  if (!pipeline) throw new Error("insert returned no row");
  if (pipeline.cronString) {
    await tx.insert(schedules).values({
      pipelineId: pipeline.id,
      orgId: pipeline.orgId,
      cron: pipeline.cronString,
      timezone: pipeline.timezone,
    });
  }
  const key = await issuePipelineKey(tx, pipeline, actor, `API Key for ${pipeline.name}`);
  await auditInTx(tx, actor, { action: "pipeline.create", objectType: "pipeline", objectId: pipeline.id, objectName: pipeline.name });
  return { pipeline, key };
}

export type { Pipeline };
