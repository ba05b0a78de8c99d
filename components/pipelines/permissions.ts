// What the signed-in user may do to a pipeline, as the server decides it
// (lib/domain/pipeline-access.ts): the UI only explains ahead what the server would refuse.
import type { Me } from "@/components/console/use-me";
import type { Pipeline } from "./types";

type Owned = Pick<Pipeline, "created_by" | "shared_users">;

export const CHANGE_REFUSED = "Only the owner or an admin can change this pipeline.";
export const KEYS_REFUSED = "Only the owner, people it is shared with, or an admin can manage this pipeline's keys.";
export const EXECUTIONS_REFUSED = "Only the owner or an admin can see this pipeline's executions.";

/** Update, pause, delete, clear, see its executions: the owner or an org admin. */
export function canChangePipeline(pipeline: Pick<Pipeline, "created_by">, me: Pick<Me, "id" | "role">): boolean {
  return me.role === "admin" || pipeline.created_by === me.id;
}

/** Keys: the owner, a user it is shared with, or an org admin. */
export function canManageKeys(pipeline: Owned, me: Pick<Me, "id" | "role">): boolean {
  return canChangePipeline(pipeline, me) || pipeline.shared_users.includes(me.id);
}
