// The bodies of §4, from domain objects, typed by the response schemas they are documented with.
import type { z } from "zod";
import type { ResourceView } from "@/lib/domain/resources";
import type { resourceDeletedResponse, resourceResponse, wrapperResponse } from "./responses";

export type ResourceJson = z.infer<typeof resourceResponse>;
export type WrapperJson = z.infer<typeof wrapperResponse>;

const iso = (d: Date | null) => (d ? d.toISOString() : null);

function wrapperJson(w: NonNullable<ResourceView["wrapper"]>): WrapperJson {
  return { id: w.id, status: w.status, pid: w.pid, started_at: iso(w.startedAt), stopped_at: iso(w.stoppedAt), heartbeat_at: iso(w.heartbeatAt) };
}

export function resourceJson(r: ResourceView): ResourceJson {
  return {
    id: r.id,
    name: r.name,
    kind: r.kind,
    connector: r.connector,
    config: r.config,
    deleted: r.deleted,
    created_at: r.createdAt.toISOString(),
    updated_at: r.updatedAt.toISOString(),
    wrapper: r.wrapper ? wrapperJson(r.wrapper) : null,
  };
}

/** The answer to a delete: `{"id", "deleted": true}`. */
export function resourceDeletedJson(result: { id: string; deleted: true }): z.infer<typeof resourceDeletedResponse> {
  return { id: result.id, deleted: result.deleted };
}
