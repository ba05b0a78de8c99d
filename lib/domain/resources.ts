// Resources: the connections pipelines read from and write to, each with an optional wrapper
// (the supervised process running its connector). Resources are only ever soft-deleted: jobs
// of old pipelines still point at them.
import { randomBytes } from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import { and, count, desc, eq } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import { resources, wrapperLogs, wrappers, type Resource, type Wrapper } from "@/db/schema";
import { CONNECTORS } from "@/lib/vocabulary";
import { auditInTx } from "./audit";
import { destinationTable } from "./destination-tables";
import { invalid, notFound } from "./errors";
import { notifyInTx } from "./events";
import { enqueueInTx, RESOURCE_DELETED, type ResourceDeletedPayload } from "./outbox";
import { requireAdmin, type Principal } from "./principal";

export type { Resource, Wrapper };

// As MongoDB makes them: 4 bytes of seconds, 5 random bytes per process, a 3-byte counter; so
// ids made by one process in the same second still sort in creation order (the list's tiebreak).
const processBytes = randomBytes(5).toString("hex");
let counter = randomBytes(3).readUIntBE(0, 3);

/** A 24-hex id in the shape of a MongoDB ObjectId. */
export function newObjectId(now = Date.now()): string {
  const seconds = Math.floor(now / 1000).toString(16).padStart(8, "0");
  counter = (counter + 1) % 0x1000000;
  return seconds + processBytes + counter.toString(16).padStart(6, "0");
}

const OBJECT_ID = /^[0-9a-f]{24}$/i;
export const isObjectId = (value: string): boolean => OBJECT_ID.test(value);

export const RESOURCE_NOT_FOUND = "Resource not found";
export const INVALID_RESOURCE_ID = "Invalid resource ID";
export const MAX_RESOURCE_PAGE = 50;
export const MAX_RESOURCE_NAME = 100;

export interface NewResourceInput {
  name: string;
  kind: Resource["kind"];
  connector: string;
  config?: Record<string, unknown>;
  withWrapper?: boolean;
}

export interface ResourceView extends Resource {
  wrapper: Wrapper | null;
}

/** Inserts a resource (and its wrapper) without checks: for callers that built the input. */
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
  let wrapper: Wrapper | null = null;
  if (input.withWrapper) {
    const id = `wrapper_${randomBytes(6).toString("hex")}`;
    const [inserted] = await tx.insert(wrappers).values({ id, orgId: actor.orgId, resourceId: resource.id }).returning();
    wrapper = inserted ?? null;
  }
  await auditInTx(tx, actor, { action: "resource.create", objectType: "resource", objectId: resource.id, objectName: resource.name });
  await notifyInTx(tx, { kind: "resource", org_id: actor.orgId, resource_id: resource.id, change: "created" });
  return { resource, wrapperId: wrapper?.id ?? null, wrapper };
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  !!value && typeof value === "object" && !Array.isArray(value);

/** The rules of a new resource; every surface (API, console) goes through them. */
export function validateResourceInput(input: NewResourceInput): NewResourceInput {
  const name = typeof input.name === "string" ? input.name.trim() : "";
  if (!name || name.length > MAX_RESOURCE_NAME) throw invalid(`Name must be 1-${MAX_RESOURCE_NAME} characters.`, "name");
  const allowed: readonly string[] | undefined = CONNECTORS[input.kind];
  if (!allowed) throw invalid('Kind must be "source" or "destination".', "kind");
  if (!allowed.includes(input.connector)) {
    throw invalid(`Connector of a ${input.kind} must be one of: ${allowed.join(", ")}.`, "connector");
  }
  const config = input.config ?? {};
  if (!isPlainObject(config)) throw invalid("Config must be a JSON object.", "config");
  if (input.withWrapper !== undefined && typeof input.withWrapper !== "boolean") throw invalid("with_wrapper must be a boolean.", "with_wrapper");
  if (input.connector === "table") {
    try {
      destinationTable(config);
    } catch (error) {
      throw invalid(error instanceof Error ? error.message : String(error), "config");
    }
  }
  if (input.connector === "http" && !(typeof config.url === "string" && /^https?:\/\/\S+$/i.test(config.url))) {
    throw invalid('http: "url" must be an http:// or https:// URL.', "config");
  }
  return { ...input, name, config };
}

/** Creates a resource in the actor's org (any member may: pipelines need connections). */
export async function createResource(db: Db, actor: Principal, input: NewResourceInput): Promise<ResourceView> {
  const valid = validateResourceInput(input);
  const { resource, wrapper } = await db.transaction((tx) => createResourceInTx(tx, actor, valid));
  return { ...resource, wrapper };
}

const live = (actor: Principal) => and(eq(resources.orgId, actor.orgId), eq(resources.deleted, false));

export interface ResourcePage {
  items: ResourceView[];
  total: number;
}

/** Live resources of the actor's org, newest first. */
export async function listResources(db: Queryable, actor: Principal, page: { skip: number; limit: number }): Promise<ResourcePage> {
  if (!Number.isInteger(page.skip) || page.skip < 0) throw invalid("skip must be a whole number ≥ 0.", "skip");
  if (!Number.isInteger(page.limit) || page.limit < 1 || page.limit > MAX_RESOURCE_PAGE) {
    throw invalid(`limit must be between 1 and ${MAX_RESOURCE_PAGE}.`, "limit");
  }
  const rows = await db
    .select({ resource: resources, wrapper: wrappers })
    .from(resources)
    .leftJoin(wrappers, eq(wrappers.resourceId, resources.id))
    .where(live(actor))
    .orderBy(desc(resources.createdAt), desc(resources.id))
    .offset(page.skip)
    .limit(page.limit);
  const [total] = await db.select({ n: count() }).from(resources).where(live(actor));
  return { items: rows.map((r) => ({ ...r.resource, wrapper: r.wrapper })), total: total?.n ?? 0 };
}

/** One live resource of the actor's org; a deleted one, or another org's, is not found. */
export async function getResource(db: Queryable, actor: Principal, id: string): Promise<ResourceView> {
  if (!isObjectId(id)) throw invalid(INVALID_RESOURCE_ID);
  const [row] = await db
    .select({ resource: resources, wrapper: wrappers })
    .from(resources)
    .leftJoin(wrappers, eq(wrappers.resourceId, resources.id))
    .where(and(eq(resources.id, id.toLowerCase()), live(actor)));
  if (!row) throw notFound(RESOURCE_NOT_FOUND);
  return { ...row.resource, wrapper: row.wrapper };
}

/**
 * Whether `pid` is still the wrapper program of `wrapperId`. A recorded pid may have died and
 * been reused by an unrelated process, so where /proc exists its command line must name the
 * wrapper; elsewhere (no procfs) the host match and a live pid are all we can check.
 */
export function isWrapperProcess(pid: number, wrapperId: string): boolean {
  if (!fs.existsSync("/proc/self/cmdline")) {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0").includes(wrapperId);
  } catch {
    return false; // no such process
  }
}

/** Sends SIGTERM to a wrapper process of this host, if it is still that wrapper's. */
export function signalWrapperProcess(pid: number, wrapperId: string, signal: NodeJS.Signals = "SIGTERM"): boolean {
  if (!isWrapperProcess(pid, wrapperId)) return false;
  try {
    process.kill(pid, signal);
    return true;
  } catch {
    return false; // it exited in between
  }
}

export interface DeletedResource {
  id: string;
  deleted: true;
  wrapperId: string | null;
  /** Whether a wrapper process was running (and is being stopped). */
  wrapperStopped: boolean;
}

/**
 * Soft-deletes a resource (org admins only). In one transaction: the flag, the wrapper's stop
 * (status, timestamps, log line, desired_running=false), the `resource_deleted` outbox message,
 * the audit event and the NOTIFY; either all of it happens or none. The process itself is
 * signalled after commit when it runs on this host; elsewhere its own supervisor stops it at
 * its next tick, because desired_running is now false.
 */
export async function deleteResource(db: Db, actor: Principal, id: string, reason?: string | null): Promise<DeletedResource> {
  requireAdmin(actor);
  if (!isObjectId(id)) throw invalid(INVALID_RESOURCE_ID);
  const resourceId = id.toLowerCase();
  const now = new Date();
  const result = await db.transaction(async (tx) => {
    const [resource] = await tx
      .select()
      .from(resources)
      .where(and(eq(resources.id, resourceId), live(actor)))
      .for("update");
    if (!resource) throw notFound(RESOURCE_NOT_FOUND);
    await tx
      .update(resources)
      .set({ deleted: true, deletedAt: now, updatedAt: now })
      .where(and(eq(resources.id, resourceId), eq(resources.orgId, actor.orgId)));

    const [wrapper] = await tx
      .select()
      .from(wrappers)
      .where(and(eq(wrappers.resourceId, resourceId), eq(wrappers.orgId, actor.orgId)))
      .for("update");
    const wasRunning = !!wrapper && wrapper.status === "RUNNING" && wrapper.pid !== null;
    if (wrapper) {
      await tx
        .update(wrappers)
        .set({ status: "STOPPED", desiredRunning: false, statusChangedAt: now, stoppedAt: now })
        .where(and(eq(wrappers.id, wrapper.id), eq(wrappers.orgId, actor.orgId)));
      const message = `Resource ${resourceId} deleted at ${now.toISOString()}${wasRunning ? " and wrapper process stopped" : ""}`;
      await tx.insert(wrapperLogs).values({ wrapperId: wrapper.id, at: now, message });
      await notifyInTx(tx, { kind: "wrapper", org_id: actor.orgId, resource_id: resourceId, wrapper_id: wrapper.id, status: "STOPPED" });
    }
    const payload: ResourceDeletedPayload = { resource_id: resourceId, wrapper_id: wrapper?.id ?? null };
    await enqueueInTx(tx, RESOURCE_DELETED, payload);
    await auditInTx(tx, actor, {
      action: "resource.delete",
      objectType: "resource",
      objectId: resourceId,
      objectName: resource.name,
      reason: reason?.trim() || null,
      details: { wrapper_id: payload.wrapper_id, wrapper_process_stopped: wasRunning },
    });
    await notifyInTx(tx, { kind: "resource", org_id: actor.orgId, resource_id: resourceId, change: "deleted" });
    return { wrapper: wasRunning ? wrapper : null, payload };
  });
  // After commit only: a rolled-back delete must leave the process running.
  if (result.wrapper?.pid && result.wrapper.host === os.hostname()) signalWrapperProcess(result.wrapper.pid, result.wrapper.id);
  return { id: resourceId, deleted: true, wrapperId: result.payload.wrapper_id, wrapperStopped: !!result.wrapper };
}
