// Shared by the specs of §2 (Maestro): the route handlers, a caller that sends `customer_name`,
// builders of pipelines with jobs, and running their executions in-process.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { getDb } from "@/db/client";
import { executions, pipelines, storageClears } from "@/db/schema";
import { executePipeline, type Execution } from "@/lib/domain/executions";
import { createPipeline, type JobInput } from "@/lib/domain/pipelines";
import type { Principal } from "@/lib/domain/principal";
import { createResourceInTx } from "@/lib/domain/resources";
import { clearNext } from "@/lib/worker/clearer";
import { executeNext } from "@/lib/worker/executor";
import { DELETE as deleteRoute, GET as getRoute } from "@/app/platform/pipeline/[id]/route";
import { GET as runRoute } from "@/app/platform/pipeline/[id]/pipeline_run/[run_id]/route";
import { POST as executeRoute } from "@/app/platform/pipeline/execute/route";
import { POST as pauseRoute } from "@/app/platform/pipeline/pause/route";
import { POST as createRoute } from "@/app/platform/pipeline/route";
import { POST as unpauseRoute } from "@/app/platform/pipeline/unpause/route";
import { GET as listRoute } from "@/app/platform/pipelines/route";
import type { TestOrg } from "../support/fixtures";
import { call, type Answer, type Handler } from "../support/http";
import { clearerOptions, executorOptions, sampleSource, tableDestination } from "../worker/support";

export const NO_SUCH_ID = "00000000-0000-4000-8000-000000000000";
export const underscored = (id: string) => id.replace(/-/g, "_");

export interface MaestroCaller {
  token?: string;
  cookie?: string;
  /** The `customer_name` header; null sends none. Defaults to the caller's org. */
  customer?: string | null;
}

interface Endpoint {
  handler: Handler;
  method: string;
  path: (params: Record<string, string>) => string;
}

export const endpoints = {
  get: { handler: getRoute, method: "GET", path: (p) => `/platform/pipeline/${p.id}` },
  remove: { handler: deleteRoute, method: "DELETE", path: (p) => `/platform/pipeline/${p.id}` },
  pause: { handler: pauseRoute, method: "POST", path: () => "/platform/pipeline/pause" },
  unpause: { handler: unpauseRoute, method: "POST", path: () => "/platform/pipeline/unpause" },
  create: { handler: createRoute, method: "POST", path: () => "/platform/pipeline" },
  list: { handler: listRoute, method: "GET", path: () => "/platform/pipelines" },
  execute: { handler: executeRoute, method: "POST", path: () => "/platform/pipeline/execute" },
  run: { handler: runRoute, method: "GET", path: (p) => `/platform/pipeline/${p.id}/pipeline_run/${p.run_id}` },
} satisfies Record<string, Endpoint>;

export type EndpointName = keyof typeof endpoints;

/** Calls one Maestro route as `who` (by default with `customer_name` naming `org`). */
export async function maestro(
  name: EndpointName,
  org: { id: string },
  who: MaestroCaller,
  options: { params?: Record<string, string>; body?: unknown; raw?: string; contentType?: string; query?: string } = {},
): Promise<Answer> {
  const endpoint: Endpoint = endpoints[name];
  const params = options.params ?? {};
  const customer = who.customer === undefined ? org.id : who.customer;
  return call(endpoint.handler, {
    method: endpoint.method,
    path: endpoint.path(params) + (options.query ?? ""),
    params,
    body: options.body,
    raw: options.raw,
    contentType: options.contentType,
    token: who.token,
    cookie: who.cookie,
    headers: customer === null ? {} : { customer_name: customer },
  });
}

/** 400 in Maestro's refusal shape, with exactly these keys. */
export function expectRefusal(res: Answer, error: string, status = 400): void {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  expect(Object.keys(res.body as object).sort()).toEqual(["detail", "error", "status"]);
  expect(res.body).toMatchObject({ status: false, error, detail: expect.any(String) });
}

export const unique = (tag: string) => `${tag}_${randomBytes(4).toString("hex")}`;

/** A pipeline through the domain: a sample source (and a table destination) per job. */
export async function pipelineWith(
  actor: Principal,
  options: { records?: number; table?: string; cronString?: string; sharedUserIds?: string[]; jobs?: number } = {},
) {
  const db = await getDb();
  const jobs: JobInput[] = [];
  for (let i = 0; i < (options.jobs ?? 1); i++) {
    const source = await sampleSource(actor, { count: options.records ?? 20, batch_size: 500 });
    const destination = options.table ? await tableDestination(actor, `${options.table}_${i}`) : null;
    jobs.push({ name: `job ${i}`, sourceResourceId: source.id, destinationResourceId: destination?.id ?? null });
  }
  const { pipeline } = await createPipeline(db, actor, {
    name: unique("m"),
    jobs,
    cronString: options.cronString,
    sharedUserIds: options.sharedUserIds,
  });
  return pipeline;
}

/** A pipeline whose one job reads from an HTTP source nobody listens on: its runs fail. */
export async function failingPipeline(actor: Principal) {
  const db = await getDb();
  const { resource } = await db.transaction((tx) =>
    createResourceInTx(tx, actor, { name: unique("unreachable"), kind: "source", connector: "http", config: { url: "http://127.0.0.1:9/x.json" } }),
  );
  const { pipeline } = await createPipeline(db, actor, { name: unique("f"), jobs: [{ name: "fetch", sourceResourceId: resource.id }] });
  return pipeline;
}

const finished = new Set<Execution["status"]>(["COMPLETED", "ERROR", "STOPPED"]);

/**
 * Runs the worker in-process, on this execution's org only, until the execution has finished.
 */
export async function runToEnd(executionId: string): Promise<Execution> {
  const db = await getDb();
  let options: ReturnType<typeof executorOptions> | null = null;
  for (let i = 0; i < 2_000; i++) {
    const [row] = await db.select().from(executions).where(eq(executions.id, executionId));
    if (!row) throw new Error(`execution ${executionId} is gone`);
    options ??= executorOptions(row.orgId);
    if (finished.has(row.status)) return row;
    if (!(await executeNext(db, options))) await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`execution ${executionId} did not finish`);
}

/** Starts a run through the domain and runs it to the end. */
export async function executeAndRun(actor: Principal, pipelineId: string): Promise<Execution> {
  const db = await getDb();
  const { execution } = await executePipeline(db, actor, pipelineId);
  return runToEnd(execution.id);
}

/** Runs the clearer in-process, on this pipeline's org only, until its clear has finished. */
export async function clearToEnd(pipelineId: string): Promise<void> {
  const db = await getDb();
  let options: ReturnType<typeof clearerOptions> | null = null;
  for (let i = 0; i < 2_000; i++) {
    const [row] = await db
      .select({ finishedAt: storageClears.finishedAt, orgId: storageClears.orgId })
      .from(storageClears)
      .where(eq(storageClears.pipelineId, pipelineId));
    if (!row) throw new Error(`no clear of ${pipelineId}`);
    options ??= clearerOptions(row.orgId, 7);
    if (row.finishedAt) return;
    if (!(await clearNext(db, options))) await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`the clear of ${pipelineId} did not finish`);
}

export async function pipelineRow(id: string) {
  const db = await getDb();
  const [row] = await db.select().from(pipelines).where(eq(pipelines.id, id));
  return row;
}

export const admin = (org: TestOrg): MaestroCaller => ({ token: org.admin.token });
