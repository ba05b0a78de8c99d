// Which change events a principal may receive: only their org's, and of pipelines only those
// they may see (admins see all). Visibility is remembered briefly: a share given or taken away
// shows within seconds, and a busy stream does not query once per event.
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { pipelines } from "@/db/schema";
import type { ChangeEvent } from "./events";
import { visibleTo } from "./pipeline-access";
import type { Principal } from "./principal";

const TTL_MS = 5_000;
// Past this many answers the memory starts over rather than grow.
const LIMIT = 50_000;

/**
 * Whether a member may see a pipeline, asked once per process for every stream of that member:
 * a thousand open consoles hearing one event would otherwise send their question a thousand
 * times at once (issue 16, row j). The answer in flight is shared too.
 */
const answers = new Map<string, { visible: Promise<boolean>; at: number }>();

export function eventVisibility(db: Queryable, principal: Principal): (event: ChangeEvent) => Promise<boolean> {
  function pipelineVisible(id: string): Promise<boolean> {
    const key = `${principal.orgId}\n${principal.userId}\n${principal.role}\n${id}`;
    const hit = answers.get(key);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.visible;
    const visible = db
      .select({ id: pipelines.id })
      .from(pipelines)
      .where(and(eq(pipelines.id, id), visibleTo(principal)))
      .then(([row]) => !!row);
    if (answers.size >= LIMIT) answers.clear();
    answers.set(key, { visible, at: Date.now() });
    // A failed question is not remembered: the next event asks again.
    visible.catch(() => answers.delete(key));
    return visible;
  }

  return async (event) => {
    if (event.org_id !== principal.orgId || event.kind === "token" || event.kind === "heard") return false;
    if (principal.role === "admin") return true;
    // Resources are org-wide, and every member may list the members.
    if (event.kind === "resource" || event.kind === "wrapper" || event.kind === "member") return true;
    // A deleted pipeline can no longer be looked up: the event says who could see it.
    if (event.kind === "pipeline" && event.change === "deleted") {
      const { owner_id, shared_to_org, shared_user_ids } = event.audience;
      return owner_id === principal.userId || shared_to_org || shared_user_ids.includes(principal.userId);
    }
    // A decommission's last events come after its pipeline is gone: its owner and starter still hear them.
    if (event.kind === "decommission" && (event.owner_id === principal.userId || event.started_by === principal.userId)) return true;
    return pipelineVisible(event.pipeline_id);
  };
}
