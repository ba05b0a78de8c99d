// Shared by the specs of §4 (resources): the route handlers, their answer shapes, and small
// helpers that make resources and read what a delete left behind.
import { asc, eq, sql } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { auditEvents, outboxMessages, resources, wrapperLogs, wrappers } from "@/db/schema";
import type { ResourceJson } from "@/lib/api/resources/format";
import { GET as listRoute, POST as createRoute } from "@/app/resources/route";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/resources/[id]/route";
import { call, type Answer, type CallOptions } from "../support/http";

export const routes = { list: listRoute, create: createRoute, get: getRoute, remove: deleteRoute };

export const ISO_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;
export const OBJECT_ID_RE = /^[0-9a-f]{24}$/;
/** A well-formed id that no resource has (seed 003's example id). */
export const NO_SUCH_ID = "507f1f77bcf86cd799439011";

export interface Caller {
  token?: string;
  cookie?: string;
}

const auth = (who: Caller): Pick<CallOptions, "token" | "cookie"> => ({ token: who.token, cookie: who.cookie });

export async function createResourceVia(who: Caller, body: Record<string, unknown>): Promise<Answer> {
  return call(routes.create, { method: "POST", path: "/resources", body, ...auth(who) });
}

/** A sample source (with a wrapper unless told otherwise), made through the API; must be 201. */
export async function makeResource(who: Caller, extra: Record<string, unknown> = {}): Promise<ResourceJson> {
  const res = await createResourceVia(who, { name: `src ${Math.random().toString(16).slice(2, 8)}`, kind: "source", connector: "sample", config: { count: 5 }, with_wrapper: true, ...extra });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body as ResourceJson;
}

export async function listVia(who: Caller, query = ""): Promise<Answer> {
  return call(routes.list, { path: `/resources${query}`, ...auth(who) });
}

export async function getVia(who: Caller, id: string): Promise<Answer> {
  return call(routes.get, { path: `/resources/${id}`, params: { id }, ...auth(who) });
}

export async function deleteVia(who: Caller, id: string, body?: unknown): Promise<Answer> {
  return call(routes.remove, { method: "DELETE", path: `/resources/${id}`, params: { id }, body, ...auth(who) });
}

/** Everything a delete touches for one resource, read straight from the database. */
export async function stateOf(resourceId: string) {
  const db = await getDb();
  const [resource] = await db.select().from(resources).where(eq(resources.id, resourceId));
  const [wrapper] = await db.select().from(wrappers).where(eq(wrappers.resourceId, resourceId));
  const logs = wrapper ? await db.select().from(wrapperLogs).where(eq(wrapperLogs.wrapperId, wrapper.id)).orderBy(asc(wrapperLogs.id)) : [];
  const outbox = await db
    .select()
    .from(outboxMessages)
    .where(sql`${outboxMessages.payload}->>'resource_id' = ${resourceId}`)
    .orderBy(asc(outboxMessages.id));
  const audit = await db.select().from(auditEvents).where(sql`${auditEvents.objectId} = ${resourceId} and ${auditEvents.objectType} = 'resource'`).orderBy(asc(auditEvents.id));
  return { resource, wrapper, logs: logs.map((l) => l.message), outbox, audit };
}

/** Polls `probe` until it returns a truthy value (or fails the test after `ms`). */
export async function waitFor<T>(what: string, probe: () => Promise<T | null | undefined | false>, ms = 10_000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}
