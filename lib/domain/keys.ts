// Pipeline API keys: trigger credentials for one pipeline, stored hashed, shown once.
import type { Queryable } from "@/db/client";
import { pipelineKeys, type Pipeline } from "@/db/schema";
import type { Principal } from "./principal";
import { hashSecret, newSecret, secretHint } from "./secrets";

export const PIPELINE_KEY_PREFIX = "slk_";

export async function issuePipelineKey(
  tx: Queryable,
  pipeline: Pick<Pipeline, "id" | "orgId">,
  actor: Principal,
  description: string,
) {
  const plain = newSecret(PIPELINE_KEY_PREFIX);
  const [key] = await tx
    .insert(pipelineKeys)
    .values({
      orgId: pipeline.orgId,
      pipelineId: pipeline.id,
      keyHash: hashSecret(plain),
      prefix: secretHint(plain, PIPELINE_KEY_PREFIX),
      description,
      createdBy: actor.userId,
    })
    .returning();
  if (!key) throw new Error("insert returned no row");
  return { ...key, apiKey: plain };
}
