// GET /v0/pipelines/{pipeline_name} — the pipeline with storage_status and clearing progress.
import { storageDialect } from "@/lib/api/storage/dialect";
import { orgRoute } from "@/lib/api/route";
import { storagePipelineBody } from "@/lib/api/storage/format";
import { onNamedPipeline } from "@/lib/api/storage/pipeline";
import { pipelineByName, storageProgress } from "@/lib/domain/storage";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute<{ pipeline_name: string }>(storageDialect, async ({ db, principal, params }) => {
  const name = params.pipeline_name;
  const pipeline = await onNamedPipeline(db, principal, name, () => pipelineByName(db, principal, name));
  return Response.json(storagePipelineBody(pipeline, await storageProgress(db, pipeline)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(storageDialect, ["GET"]);
