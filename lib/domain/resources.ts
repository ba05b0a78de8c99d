// Resources: the connections pipelines read from and write to, each with an optional wrapper.
import { randomBytes } from "node:crypto";
import type { Queryable } from "@/db/client";
import { resources, wrappers, type Resource } from "@/db/schema";
import { auditInTx } from "./audit";
import type { Principal } from "./principal";

/** A 24-hex id in the shape of a MongoDB ObjectId: 4 bytes of seconds, then 8 random bytes. */
export function newObjectId(now = Date.now()): string {
  const seconds = Math.floor(now / 1000).toString(16).padStart(8, "0");
  return seconds + randomBytes(8).toString("hex");
}

export interface NewResourceInput {
  name: string;
  kind: Resource["kind"];
  connector: string;
  config?: Record<string, unknown>;
  withWrapper?: boolean;
}

export async function createResourceInTx(tx: Queryable, actor: Principal, input: NewResourceInput) {
  const [resource] = await tx
    .insert(resources)
    .values({
      id: newObjectId(),
      orgId: actor.orgId,
      name: input.name,
      kind: input.kind,
      connector: input.connector,
      config: input.config ?? {},
      createdBy: actor.userId,
    })
    .returning();
  if (!resource) throw new Error("insert returned no row");
  let wrapperId: string | null = null;
  if (input.withWrapper) {
    wrapperId = `wrapper_${randomBytes(6).toString("hex")}`;
    await tx.insert(wrappers).values({ id: wrapperId, orgId: actor.orgId, resourceId: resource.id });
  }
  await auditInTx(tx, actor, { action: "resource.create", objectType: "resource", objectId: resource.id, objectName: resource.name });
  return { resource, wrapperId };
}
