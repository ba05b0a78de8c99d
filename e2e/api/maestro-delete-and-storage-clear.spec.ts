// Seeds 000/001 (Maestro: delete a pipeline) and 002 (clear a pipeline's storage), played word
// for word against the real server: the documented headers, paths and bodies, then a storage
// clear of a pipeline that really stored something, polled until Cleared (the server's own
// worker does the work).
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ACME, ADMIN_TOKEN } from "../support/users";

const bearer = { Authorization: `Bearer ${ADMIN_TOKEN}` };
// Seed 000: "customer_name: acme_corp" is the header every Maestro call carries.
const maestroHeaders = { ...bearer, customer_name: ACME.id };

const unique = (tag: string) => `${tag}_${Date.now().toString(36)}_${Math.floor(Math.random() * 1e4)}`;

async function json<T>(res: APIResponse): Promise<T> {
  return (await res.json()) as T;
}

interface PipelineData {
  status: boolean;
  data: { id: string; name: string; status: string; jobs: unknown[] };
}

async function createPipeline(request: APIRequestContext, body: Record<string, unknown>): Promise<PipelineData["data"]> {
  const res = await request.post("/platform/pipeline", { headers: maestroHeaders, data: body });
  expect(res.status(), await res.text()).toBe(201);
  return (await json<PipelineData>(res)).data;
}

/** Polls `read` until `done` holds; fails with the last value seen after `timeoutMs`. */
async function pollUntil<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last = await read();
  while (!done(last)) {
    if (Date.now() > deadline) throw new Error(`gave up waiting; last seen: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 250));
    last = await read();
  }
  return last;
}

test.describe("Maestro: DELETE /platform/pipeline/{id}", () => {
  test("pause first (optional but recommended), then delete: 200 PIPELINE_DELETED; then it is gone", async ({ request }) => {
    const created = await createPipeline(request, { name: unique("old_pipeline"), description: "to be deprecated", cron: "0 6 * * *", jobs: [] });
    // Maestro answers ids with "_", as the seed writes them: 1b33ad2f_33d3_4837_9eeb_83c82c8b909d.
    expect(created.id).toMatch(/^[0-9a-f]{8}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{4}_[0-9a-f]{12}$/);
    const pipelineId = created.id;

    // "# First, pause the pipeline (optional but recommended)"
    const paused = await request.post("/platform/pipeline/pause", {
      headers: maestroHeaders,
      data: { customer_id: "acme_corp", pipeline_id: pipelineId },
    });
    expect(paused.status()).toBe(200);
    expect(await paused.json()).toEqual({ status: true, data: { message: "Pipeline paused successfully", pipeline_id: pipelineId } });

    // "Export configuration - ... retrieve the pipeline configuration using GET /platform/pipeline/:pipelineId"
    const exported = await request.get(`/platform/pipeline/${pipelineId}`, { headers: maestroHeaders });
    expect(exported.status()).toBe(200);
    expect((await json<PipelineData>(exported)).data).toMatchObject({ id: pipelineId, status: "paused", cron: "0 6 * * *", customer_id: "acme_corp" });

    // "# Then delete" — DELETE /platform/pipeline/<id>, Headers: customer_name: acme_corp
    const deleted = await request.delete(`/platform/pipeline/${pipelineId}`, { headers: maestroHeaders });
    expect(deleted.status()).toBe(200);
    expect(await deleted.json()).toEqual({ pipeline_id: pipelineId, status: "PIPELINE_DELETED" });

    const after = await request.get(`/platform/pipeline/${pipelineId}`, { headers: maestroHeaders });
    expect(after.status()).toBe(404);
    expect(await after.json()).toEqual({ detail: `pipeline_id ${pipelineId} not found!!` });
    const again = await request.delete(`/platform/pipeline/${pipelineId}`, { headers: maestroHeaders });
    expect(again.status()).toBe(404);
  });

  test("the id written with '-' names the same pipeline, and is echoed as written", async ({ request }) => {
    const created = await createPipeline(request, { name: unique("hyphen"), jobs: [] });
    const hyphenated = created.id.replace(/_/g, "-");
    const deleted = await request.delete(`/platform/pipeline/${hyphenated}`, { headers: maestroHeaders });
    expect(deleted.status()).toBe(200);
    expect(await deleted.json()).toEqual({ pipeline_id: hyphenated, status: "PIPELINE_DELETED" });
  });

  test("401 Unauthorized - Missing customer_name Header", async ({ request }) => {
    const created = await createPipeline(request, { name: unique("kept"), jobs: [] });
    const res = await request.delete(`/platform/pipeline/${created.id}`, { headers: bearer });
    expect(res.status()).toBe(401);
    expect(await res.json()).toEqual({ msg: "Unauthorized" });
    // Nothing was removed.
    expect((await request.get(`/platform/pipeline/${created.id}`, { headers: maestroHeaders })).status()).toBe(200);
    // A customer_name that is not the token's org is the same 401.
    const wrong = await request.delete(`/platform/pipeline/${created.id}`, { headers: { ...bearer, customer_name: "globex" } });
    expect(wrong.status()).toBe(401);
    expect(await wrong.json()).toEqual({ msg: "Unauthorized" });
  });

  test("404 Not Found, as documented, for the documented example ids", async ({ request }) => {
    for (const id of ["invalid_pipeline_id", "test_pipeline_12345", "old_pipeline_abc123", "1b33ad2f_33d3_4837_9eeb_83c82c8b909d"]) {
      const res = await request.delete(`/platform/pipeline/${id}`, { headers: { customer_name: "acme_corp", ...bearer } });
      expect(res.status(), id).toBe(404);
      expect(await res.json()).toEqual({ detail: `pipeline_id ${id} not found!!` });
    }
  });
});

test.describe("storage: POST /v0/pipelines/{pipeline_name}/clear", () => {
  test("an unknown name: 404 UnknownPipelineName, the documented body exactly", async ({ request }) => {
    const res = await request.post("/v0/pipelines/non-existent-pipeline/clear", { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(res.status()).toBe(404);
    expect(await res.text()).toBe(
      JSON.stringify({
        message: "Unknown pipeline name 'non-existent-pipeline'",
        error_code: "UnknownPipelineName",
        details: { pipeline_name: "non-existent-pipeline" },
      }),
    );
  });

  test("without a token: 401 in the same envelope", async ({ request }) => {
    const res = await request.post("/v0/pipelines/non-existent-pipeline/clear");
    expect(res.status()).toBe(401);
    expect(await res.json()).toMatchObject({ error_code: "Unauthorized", details: {} });
  });

  test("a pipeline with a sample job: run, clear (202), poll until Cleared", async ({ request }) => {
    // A source to read from: POST /resources (§4).
    const source = await request.post("/resources", {
      headers: bearer,
      data: { name: unique("e2e sample"), kind: "source", connector: "sample", config: { count: 500, batch_size: 100 } },
    });
    expect(source.status(), await source.text()).toBe(201);
    const sourceId = (await json<{ id: string }>(source)).id;

    const name = unique("e2e_storage");
    const created = await createPipeline(request, { name, jobs: [{ name: "sample", source: sourceId }] });
    const started = await request.post("/platform/pipeline/execute", { headers: maestroHeaders, data: { pipeline_id: created.id } });
    expect(started.status(), await started.text()).toBe(200);
    const runId = (await json<{ data: { run_id: string } }>(started)).data.run_id;

    const run = await pollUntil(
      async () => json<{ last_status: string }>(await request.get(`/platform/pipeline/${created.id}/pipeline_run/${runId}`, { headers: maestroHeaders })),
      (r) => ["SUCCESS", "FAILED", "STOPPED"].includes(r.last_status),
    );
    expect(run).toMatchObject({ last_status: "SUCCESS", successful_files: 500 });

    interface StorageView {
      storage_status: string;
      storage_status_details: { done_rows: number; total_rows: number; done_bytes: number; total_bytes: number; percent: number } | null;
    }
    const view = async () => json<StorageView>(await request.get(`/v0/pipelines/${name}`, { headers: bearer }));
    expect((await view()).storage_status).toBe("InUse");

    // The seed's request: POST with only the bearer token.
    const cleared = await request.post(`/v0/pipelines/${name}/clear`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(cleared.status()).toBe(202);
    expect(await cleared.json()).toEqual({ message: expect.any(String) });

    // The worker may clear 500 rows before a first poll: Clearing is not always seen, Cleared is.
    const done = await pollUntil(view, (v) => v.storage_status === "Cleared");
    expect(done.storage_status_details).toMatchObject({ done_rows: 500, total_rows: 500, percent: 100 });
    expect(done.storage_status_details?.done_bytes).toBe(done.storage_status_details?.total_bytes);

    // Idempotent once Cleared.
    expect((await request.post(`/v0/pipelines/${name}/clear`, { headers: bearer })).status()).toBe(202);
  });
});
