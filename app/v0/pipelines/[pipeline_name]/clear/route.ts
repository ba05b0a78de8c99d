// POST /v0/pipelines/{pipeline_name}/clear → 202; the worker clears asynchronously. Asking again
// while Clearing or once Cleared is also 202 and changes nothing.
import { parseJsonBody } from "@/lib/api/body";
import { storageDialect } from "@/lib/api/storage/dialect";
import { orgRoute } from "@/lib/api/route";
import { clearStorageRequest } from "@/lib/api/storage/schemas";
import { clearAcceptedBody } from "@/lib/api/storage/format";
import { onNamedPipeline } from "@/lib/api/storage/pipeline";
import { requestStorageClear } from "@/lib/domain/storage";
import { otherMethods } from "@/lib/api/methods";

export const POST = orgRoute<{ pipeline_name: string }>(storageDialect, async ({ req, db, principal, params }) => {
  const name = params.pipeline_name;
  const body = await parseJsonBody(req, clearStorageRequest);
  const { pipeline, started } = await onNamedPipeline(db, principal, name, () =>
    requestStorageClear(db, principal, name, body.reason ?? null),
  );
  return Response.json(clearAcceptedBody(pipeline, started), { status: 202 });
});

export const { GET, PUT, PATCH, DELETE } = otherMethods(storageDialect, ["POST"]);
