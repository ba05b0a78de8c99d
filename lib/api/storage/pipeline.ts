// Storage calls on a pipeline named in the path: a refusal gets the details that explain it.
import type { Queryable } from "@/db/client";
import { DomainError } from "@/lib/domain/errors";
import type { Principal } from "@/lib/domain/principal";
import { pipelineByName, runningExecutions } from "@/lib/domain/storage";
import { DetailedError } from "./errors";

/** What stands in the way of a clear: the storage status, runs under way, the pause flag. */
async function currentState(db: Queryable, principal: Principal, name: string): Promise<Record<string, unknown>> {
  const pipeline = await pipelineByName(db, principal, name);
  return {
    pipeline_name: name,
    storage_status: pipeline.storageStatus,
    running_executions: await runningExecutions(db, pipeline.id),
    paused: !pipeline.active,
  };
}

async function detailsOf(db: Queryable, principal: Principal, name: string, error: DomainError): Promise<Record<string, unknown>> {
  if (error.code === "unauthenticated" || error.code === "forbidden") return {};
  if (error.rule === "StorageStatusImmutableUnlessStopped" || error.rule === "InvalidStorageStatusTransition") {
    // Read after the refusal: the state may have moved on, but it is what a client acts on next.
    return currentState(db, principal, name).catch(() => ({ pipeline_name: name }));
  }
  return { pipeline_name: name };
}

export async function onNamedPipeline<T>(db: Queryable, principal: Principal, name: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    throw new DetailedError(error, await detailsOf(db, principal, name, error));
  }
}
