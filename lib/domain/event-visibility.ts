// Which change events a principal may receive: only their org's, and of pipelines only those
// they may see (admins see all). Visibility is cached briefly per stream: a share given or
// taken away shows within seconds, and a busy stream does not query once per event.
import { and, eq } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { pipelines } from "@/db/schema";
import type { ChangeEvent } from "./events";
import { visibleTo } from "./pipeline-access";
import type { Principal } from "./principal";

const TTL_MS = 5_000;

export function eventVisibility(db: Queryable, principal: Principal): (event: ChangeEvent) => Promise<boolean> {
  const cache = new Map<string, { visible: boolean; at: number }>();

  async function pipelineVisible(id: string): Promise<boolean> {
    const hit = cache.get(id);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.visible;
    const [row] = await db.select({ id: pipelines.id }).from(pipelines).where(and(eq(pipelines.id, id), visibleTo(principal)));
    cache.set(id, { visible: !!row, at: Date.now() });
    return !!row;
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
