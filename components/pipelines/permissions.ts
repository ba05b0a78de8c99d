// Every client-side permission predicate of the console: what the signed-in user may do, as the
// server decides it (lib/domain/pipeline-access.ts and the org routes). The UI only offers what
// the server would allow and says ahead why not; the server checks every request again.
import type { Me } from "@/components/console/use-me";
import type { Pipeline, PipelineKey } from "./types";

type Viewer = Pick<Me, "id" | "role">;
type Owned = Pick<Pipeline, "created_by">;
type Shared = Pick<Pipeline, "created_by" | "shared_users">;

export const CHANGE_REFUSED = "Only the owner or an admin can change this pipeline.";
export const KEYS_REFUSED = "Only the owner, people it is shared with, or an admin can manage this pipeline's keys.";
export const KEY_CHANGE_REFUSED = "Only the key's creator, the pipeline's owner or an admin can change this key.";
export const EXECUTIONS_REFUSED = "Only the owner or an admin can see this pipeline's executions.";
export const MEMBERS_REFUSED = "Only admins can add or remove members.";
export const CONNECTION_DELETE_REFUSED = "Only admins can delete connections.";

/** An admin of the org the session is in. */
export function isOrgAdmin(me: Pick<Me, "role">): boolean {
  return me.role === "admin";
}

/**
 * Update, share, pause and resume, clear its storage, stop its runs, export its configuration,
 * delete it or cancel its deletion: the owner or an org admin.
 */
export function canChangePipeline(pipeline: Owned, me: Viewer): boolean {
  return isOrgAdmin(me) || pipeline.created_by === me.id;
}

/** A pipeline's own executions list (§1 `pipeline/{id}/executions/`): the owner or an org admin. */
export function canSeePipelineExecutions(pipeline: Owned, me: Viewer): boolean {
  return canChangePipeline(pipeline, me);
}

/** Keys: the owner, a user it is shared with, or an org admin. */
export function canManageKeys(pipeline: Shared, me: Viewer): boolean {
  return canChangePipeline(pipeline, me) || pipeline.shared_users.includes(me.id);
}

/** Switch or delete one key: its creator, the pipeline's owner or an org admin (a shared user only their own). */
export function canChangeKey(pipeline: Owned, key: Pick<PipelineKey, "created_by">, me: Viewer): boolean {
  return canChangePipeline(pipeline, me) || (key.created_by !== null && key.created_by === me.id);
}

/** Add and remove members, change their roles: org admins. */
export function canManageMembers(me: Pick<Me, "role">): boolean {
  return isOrgAdmin(me);
}

/** Delete a connection: org admins (anyone may create one). */
export function canDeleteConnections(me: Pick<Me, "role">): boolean {
  return isOrgAdmin(me);
}

/** Read everyone's audit events: org admins; members read only their own. */
export function canReadWholeAuditLog(me: Pick<Me, "role">): boolean {
  return isOrgAdmin(me);
}
