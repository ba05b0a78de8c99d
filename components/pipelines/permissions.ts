// What the signed-in user may do to a pipeline, as the server decides it
// (lib/domain/pipeline-access.ts): the UI only explains ahead what the server would refuse.
import type { Me } from "@/components/console/use-me";
import type { Pipeline, PipelineKey } from "./types";

type Owned = Pick<Pipeline, "created_by" | "shared_users">;

export const CHANGE_REFUSED = "Only the owner or an admin can change this pipeline.";
export const KEYS_REFUSED = "Only the owner, people it is shared with, or an admin can manage this pipeline's keys.";
export const KEY_CHANGE_REFUSED = "Only the key's creator, the pipeline's owner or an admin can change this key.";
export const EXECUTIONS_REFUSED = "Only the owner or an admin can see this pipeline's executions.";

/** Update, pause, delete, clear, see its executions: the owner or an org admin. */
export function canChangePipeline(pipeline: Pick<Pipeline, "created_by">, me: Pick<Me, "id" | "role">): boolean {
  return me.role === "admin" || pipeline.created_by === me.id;
}

/** Keys: the owner, a user it is shared with, or an org admin. */
export function canManageKeys(pipeline: Owned, me: Pick<Me, "id" | "role">): boolean {
  return canChangePipeline(pipeline, me) || pipeline.shared_users.includes(me.id);
}

/** Switch or delete one key: its creator, the pipeline's owner or an org admin (a shared user only their own). */
export function canChangeKey(pipeline: Owned, key: Pick<PipelineKey, "created_by">, me: Pick<Me, "id" | "role">): boolean {
  return canChangePipeline(pipeline, me) || (key.created_by !== null && key.created_by === me.id);
}
