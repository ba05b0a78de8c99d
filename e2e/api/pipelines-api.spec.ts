// The pipelines API (§1, "ETL Pipelines"), word for word as its document shows it, as a script would call it: every documented path
// with its trailing slash, answered directly (never a 308), against the real server.
import { expect, test, type APIRequestContext, type APIResponse } from "@playwright/test";
import { ACME, ADMIN_TOKEN } from "../support/users";

const ORG = ACME.id;
const api = `/api/v1/unstract/${ORG}`;
const auth = { Authorization: `Bearer ${ADMIN_TOKEN}` };
const NAME = `pipes-api-${Date.now().toString(36)}`.slice(0, 32);

interface Pipeline {
  id: string;
  pipeline_name: string;
  pipeline_type: string;
  active: boolean;
  scheduled: boolean;
  cron_string: string | null;
  run_count: number;
  last_run_time: string | null;
  last_run_status: string;
  next_run_time: string | null;
  api_endpoint: string;
  description: string;
}
interface Key {
  id: string;
  api_key: string | null;
  api: string | null;
  pipeline: string;
  description: string;
  is_active: boolean;
}
interface Page<T> {
  count: number;
  next: string | null;
  previous: string | null;
  results: T[];
}

/** The answer, after checking that it came straight from the route (no redirect). */
async function json<T>(res: APIResponse, status: number): Promise<T> {
  expect(res.status(), `${res.url()}: ${await res.text()}`).toBe(status);
  expect(res.headers().location).toBeUndefined();
  return (await res.json()) as T;
}

type Method = "get" | "post" | "put" | "patch" | "delete";
const send = (request: APIRequestContext, method: Method, path: string, data?: unknown, headers: Record<string, string> = auth) =>
  request[method](path, { headers, data, maxRedirects: 0 });

test.describe.configure({ mode: "serial" });

let pipeline: Pipeline;
let createdKey: Key;

test("pipelines API: Pipeline Management", async ({ request }) => {
  // POST pipeline/ — created active, scheduled because of the cron, with an API key.
  const created = await json<Pipeline & { api_key: Key }>(
    await send(request, "post", `${api}/pipeline/`, { pipeline_name: NAME, pipeline_type: "ETL", cron_string: "0 2 * * *" }),
    201,
  );
  expect(created).toMatchObject({ pipeline_name: NAME, pipeline_type: "ETL", active: true, scheduled: true, cron_string: "0 2 * * *" });
  expect(created.api_endpoint).toBe(`deployment/pipeline/api/${ORG}/${created.id}/`);
  expect(created.api_key).toMatchObject({ pipeline: created.id, description: `API Key for ${NAME}`, is_active: true, api: null });
  expect(created.api_key.api_key).toMatch(/^[0-9a-f-]{36}$/);
  pipeline = created;
  createdKey = created.api_key;

  // GET pipeline/ — paginated with page and page_size.
  const page = await json<Page<Pipeline>>(await send(request, "get", `${api}/pipeline/?page=1&page_size=1&search=${NAME}`), 200);
  expect(page).toMatchObject({ count: 1, next: null, previous: null });
  expect(page.results.map((p) => p.id)).toEqual([pipeline.id]);
  const all = await json<Page<Pipeline>>(await send(request, "get", `${api}/pipeline/?page=1&page_size=1000`), 200);
  expect(all.results.map((p) => p.id)).toContain(pipeline.id);
  await json(await send(request, "get", `${api}/pipeline/?page=999&page_size=1000`), 404);

  // GET pipeline/{id}/
  const read = await json<Pipeline>(await send(request, "get", `${api}/pipeline/${pipeline.id}/`), 200);
  expect(read).toMatchObject({ id: pipeline.id, pipeline_name: NAME, run_count: 0 });
  expect(JSON.stringify(read)).not.toContain(createdKey.api_key ?? "-");

  // PUT pipeline/{id}/ — full update.
  const put = await json<Pipeline>(
    await send(request, "put", `${api}/pipeline/${pipeline.id}/`, { pipeline_name: NAME, pipeline_type: "TASK", description: "seed 004", cron_string: "0 3 * * *" }),
    200,
  );
  expect(put).toMatchObject({ pipeline_type: "TASK", description: "seed 004", cron_string: "0 3 * * *", scheduled: true });

  // PATCH pipeline/{id}/ — partial: pause, then resume.
  const paused = await json<Pipeline>(await send(request, "patch", `${api}/pipeline/${pipeline.id}/`, { active: false }), 200);
  expect(paused).toMatchObject({ active: false, next_run_time: null, pipeline_type: "TASK" });
  const resumed = await json<Pipeline>(await send(request, "patch", `${api}/pipeline/${pipeline.id}/`, { active: true, cron_string: null }), 200);
  expect(resumed).toMatchObject({ active: true, scheduled: false, cron_string: null, next_run_time: null });
});

test("pipelines API: Pipeline Execution", async ({ request }) => {
  // POST pipeline/execute/
  const started = await json<{ pipeline: Pipeline; execution: { workflow_id: string; execution_id: string; execution_status: string } }>(
    await send(request, "post", `${api}/pipeline/execute/`, { pipeline_id: pipeline.id }),
    200,
  );
  expect(started.pipeline).toMatchObject({ id: pipeline.id, run_count: 1 });
  expect(started.execution.workflow_id).toBe(pipeline.id);
  await json(await send(request, "post", `${api}/pipeline/execute/`, { pipeline_id: "00000000-0000-4000-8000-000000000000" }), 400);

  // A pipeline without jobs runs and completes with nothing to move; last_run_time is set at the end.
  await expect
    .poll(async () => (await json<Pipeline>(await send(request, "get", `${api}/pipeline/${pipeline.id}/`), 200)).last_run_status, { timeout: 30_000 })
    .toBe("SUCCESS");
  const done = await json<Pipeline>(await send(request, "get", `${api}/pipeline/${pipeline.id}/`), 200);
  expect(done.last_run_time).not.toBeNull();

  // GET pipeline/{id}/executions/
  const runs = await json<Page<{ id: string; pipeline_id: string; status: string; execution_method: string }>>(
    await send(request, "get", `${api}/pipeline/${pipeline.id}/executions/?page=1&page_size=50`),
    200,
  );
  expect(runs.count).toBe(1);
  expect(runs.results[0]).toMatchObject({ id: started.execution.execution_id, pipeline_id: pipeline.id, status: "COMPLETED", execution_method: "DIRECT" });
});

test("pipelines API: Pipeline Keys", async ({ request }) => {
  // GET api/keys/pipeline/{pipeline_id}/
  const keys = await json<Key[]>(await send(request, "get", `${api}/api/keys/pipeline/${pipeline.id}/`), 200);
  expect(keys.map((k) => [k.id, k.api_key])).toEqual([[createdKey.id, null]]);

  // POST api/keys/pipeline/{pipeline_id}/ — exactly one of api or pipeline.
  const key = await json<Key>(await send(request, "post", `${api}/api/keys/pipeline/${pipeline.id}/`, { pipeline: pipeline.id, description: "seed 004 key" }), 201);
  expect(key).toMatchObject({ pipeline: pipeline.id, description: "seed 004 key", is_active: true, api: null });
  expect(key.api_key).toMatch(/^[0-9a-f-]{36}$/);
  const both = await json<{ type: string; errors: { detail: string }[] }>(
    await send(request, "post", `${api}/api/keys/pipeline/${pipeline.id}/`, { pipeline: pipeline.id, api: pipeline.id }),
    400,
  );
  expect(both.errors[0]?.detail).toBe("Only one of `api` or `pipeline` should be set, not both.");
  const neither = await json<{ errors: { detail: string }[] }>(await send(request, "post", `${api}/api/keys/pipeline/${pipeline.id}/`, {}), 400);
  expect(neither.errors[0]?.detail).toBe("At least one of `api` or `pipeline` must be set.");
});

test("pipelines API: Other (sharing and Postman)", async ({ request }) => {
  // GET pipeline/{id}/users/
  const sharing = await json<Record<string, unknown>>(await send(request, "get", `${api}/pipeline/${pipeline.id}/users/`), 200);
  expect(sharing).toMatchObject({ id: pipeline.id, pipeline_name: NAME, shared_users: [], shared_to_org: false });
  expect(typeof sharing.created_by).toBe("string");

  // GET pipeline/api/postman_collection/{id}/ — a download.
  const res = await send(request, "get", `${api}/pipeline/api/postman_collection/${pipeline.id}/`);
  const collection = await json<{ info: { schema: string; name: string }; item: { name: string; request: { method: string; url: string } }[] }>(res, 200);
  expect(res.headers()["content-disposition"]).toContain(`attachment; filename="${NAME}.json"`);
  expect(collection.info.schema).toMatch(/\/collection\/v2\.1\.0\/collection\.json$/);
  expect(collection.item.map((i) => i.name)).toEqual(["Process pipeline"]);
  expect(collection.item[0]?.request.method).toBe("POST");
  expect(collection.item[0]?.request.url).toBe(new URL(`/${pipeline.api_endpoint}`, res.url()).toString());
});

test("pipelines API: the public trigger with the key from creation", async ({ request }) => {
  const path = `/deployment/pipeline/api/${ORG}/${pipeline.id}/`;
  const triggered = await json<{ message: string }>(await send(request, "post", path, undefined, { Authorization: `Bearer ${createdKey.api_key ?? ""}` }), 200);
  expect(triggered.message).toBe(`Triggered Pipeline(${pipeline.id}) (name: ${NAME})`);
  const missing = await json<{ errors: { detail: string }[] }>(await send(request, "post", path, undefined, {}), 403);
  expect(missing.errors[0]?.detail).toBe("Missing api key");
  const wrong = await json<{ errors: { detail: string }[] }>(
    await send(request, "post", path, undefined, { Authorization: "Bearer 00000000-0000-4000-8000-000000000000" }),
    401,
  );
  expect(wrong.errors[0]?.detail).toBe("Unauthorized");
});

test("pipelines API: DELETE → 204, then GET → 404", async ({ request }) => {
  const removed = await send(request, "delete", `${api}/pipeline/${pipeline.id}/`);
  expect(removed.status()).toBe(204);
  expect(removed.headers().location).toBeUndefined();
  expect(await removed.text()).toBe("");
  await json(await send(request, "get", `${api}/pipeline/${pipeline.id}/`), 404);
  await json(await send(request, "delete", `${api}/pipeline/${pipeline.id}/`), 404);
  const gone = await json<{ errors: { detail: string }[] }>(
    await send(request, "post", `/deployment/pipeline/api/${ORG}/${pipeline.id}/`, undefined, { Authorization: `Bearer ${createdKey.api_key ?? ""}` }),
    404,
  );
  expect(gone.errors[0]?.detail).toBe("Pipeline not found");
});
