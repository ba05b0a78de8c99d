// Files a pipeline's runs stage on disk (one JSON-lines file per run), under DATA_DIR. They go
// with the pipeline's storage, always after the database change has committed.
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

export function storageDir(pipelineId: string): string {
  return path.join(env().DATA_DIR, "storage", pipelineId);
}

export function stagingFile(pipelineId: string, executionId: string): string {
  return path.join(storageDir(pipelineId), `${executionId}.jsonl`);
}

export async function removeStorageFiles(pipelineId: string): Promise<void> {
  await fs.promises.rm(storageDir(pipelineId), { recursive: true, force: true });
}
