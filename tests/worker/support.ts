// Builders for worker tests: resources and pipelines with jobs, made through the domain.
import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { createPipeline, type JobInput } from "@/lib/domain/pipelines";
import type { Principal } from "@/lib/domain/principal";
import { createResourceInTx } from "@/lib/domain/resources";
import { newWorkerId } from "@/lib/worker/identity";

// Scoped to the test's org: on Postgres every test file shares one database and its runs.
export const executorOptions = (orgId: string) => ({ workerId: newWorkerId(), leaseMs: 5_000, maxAttempts: 3, orgId });
export const clearerOptions = (orgId: string, batchSize = 500) => ({ workerId: newWorkerId(), leaseMs: 5_000, batchSize, orgId });

export async function sampleSource(actor: Principal, config: Record<string, unknown>) {
  const db = await getDb();
  return db.transaction(async (tx) =>
    (await createResourceInTx(tx, actor, { name: `source ${randomBytes(3).toString("hex")}`, kind: "source", connector: "sample", config })).resource,
  );
}

export async function tableDestination(actor: Principal, table: string) {
  const db = await getDb();
  return db.transaction(async (tx) =>
    (await createResourceInTx(tx, actor, { name: `dest ${table}`, kind: "destination", connector: "table", config: { table } })).resource,
  );
}

export async function pipelineWithJobs(actor: Principal, jobs: JobInput[], extra: { cronString?: string } = {}) {
  const db = await getDb();
  const { pipeline } = await createPipeline(db, actor, { name: `w_${randomBytes(4).toString("hex")}`, jobs, ...extra });
  return pipeline;
}
