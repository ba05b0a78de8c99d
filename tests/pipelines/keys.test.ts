// A pipeline's API keys: GET / POST /api/v1/unstract/{org_id}/api/keys/pipeline/{pipeline_id}/
// (list, create) and GET / PUT / DELETE /api/v1/unstract/{org_id}/api/keys/{key_id}/ (one key).
// Who may change which key, by who made it: keys-who-may-change.test.ts; every route × caller
// status: tests/authorization-matrix.test.ts.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelineKeys } from "@/db/schema";
import { hashSecret } from "@/lib/domain/secrets";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, type Answer, type CallOptions } from "../support/http";
import {
  addPerson,
  createPipeline,
  expectError,
  ISO_RE,
  NO_SUCH_ID,
  routes,
  trigger,
  UUID_RE,
  type Caller,
  type KeyJson,
} from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

const listKeys = (who: Caller, pipelineId: string): Promise<Answer> =>
  call(routes.listKeys, {
    params: { org_id: org.id, pipeline_id: pipelineId },
    path: `/api/v1/unstract/${org.id}/api/keys/pipeline/${pipelineId}/`,
    ...who,
  });

const createKey = (who: Caller, pipelineId: string, body: unknown, extra: Partial<CallOptions> = {}): Promise<Answer> =>
  call(routes.createKey, {
    method: "POST",
    params: { org_id: org.id, pipeline_id: pipelineId },
    path: `/api/v1/unstract/${org.id}/api/keys/pipeline/${pipelineId}/`,
    body,
    ...who,
    ...extra,
  });

const keysOf = (res: Answer): KeyJson[] => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as KeyJson[];
};

describe("GET api/keys/pipeline/{pipeline_id}/", () => {
  it("lists the auto-created key with the documented fields and no plain key", async () => {
    const p = await createPipeline(org, org.member);
    const keys = keysOf(await listKeys(org.member, p.id));
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key).toMatchObject({
      id: p.api_key.id,
      api_key: null,
      api: null,
      pipeline: p.id,
      description: `API Key for ${p.pipeline_name}`,
      is_active: true,
      created_by: org.member.userId,
      created_by_email: org.member.email,
      created_at: expect.stringMatching(ISO_RE),
      modified_at: expect.stringMatching(ISO_RE),
    });
  });

  it("lists keys oldest first, none with its plain key", async () => {
    const p = await createPipeline(org, org.member);
    const second = (await createKey(org.member, p.id, { pipeline: p.id, description: "second" })).body as KeyJson;
    const third = (await createKey(org.member, p.id, { pipeline: p.id, description: "third", is_active: false })).body as KeyJson;
    const keys = keysOf(await listKeys(org.member, p.id));
    expect(keys.map((k) => [k.id, k.description, k.is_active, k.api_key])).toEqual([
      [p.api_key.id, `API Key for ${p.pipeline_name}`, true, null],
      [second.id, "second", true, null],
      [third.id, "third", false, null],
    ]);
    const text = JSON.stringify(keys);
    for (const plain of [p.api_key.api_key, second.api_key, third.api_key]) expect(text).not.toContain(plain ?? "-");
  });

  it("lists only that pipeline's keys", async () => {
    const [a, b] = [await createPipeline(org, org.member), await createPipeline(org, org.member)];
    expect(keysOf(await listKeys(org.member, a.id)).map((k) => k.id)).toEqual([a.api_key.id]);
    expect(keysOf(await listKeys(org.member, b.id)).map((k) => k.id)).toEqual([b.api_key.id]);
  });

  it.each([
    ["an unknown pipeline", NO_SUCH_ID],
    ["a malformed id", "keys"],
  ])("is 404 for %s", async (_, id) => {
    expectError(await listKeys(org.member, id), 404, "client_error", { code: "not_found" });
  });
});

describe("POST api/keys/pipeline/{pipeline_id}/", () => {
  it("creates a key: 201, its uuid shown once, stored as a hash", async () => {
    const p = await createPipeline(org, org.member);
    const res = await createKey(org.member, p.id, { pipeline: p.id, description: "ci" });
    expect(res.status).toBe(201);
    const key = res.body as KeyJson;
    expect(key).toMatchObject({
      id: expect.stringMatching(UUID_RE),
      api_key: expect.stringMatching(UUID_RE),
      api: null,
      pipeline: p.id,
      description: "ci",
      is_active: true,
      created_by: org.member.userId,
      created_by_email: org.member.email,
      created_at: expect.stringMatching(ISO_RE),
      modified_at: expect.stringMatching(ISO_RE),
    });
    expect(key.api_key).not.toBe(p.api_key.api_key);

    const db = await getDb();
    const [row] = await db.select().from(pipelineKeys).where(eq(pipelineKeys.id, key.id));
    expect(row?.keyHash).toBe(hashSecret(key.api_key ?? ""));
    expect(JSON.stringify(row)).not.toContain(key.api_key ?? "-");

    expect((await trigger(org.id, p.id, key.api_key ?? "")).status).toBe(200);
  });

  it("a key created inactive cannot trigger", async () => {
    const p = await createPipeline(org, org.member);
    const key = (await createKey(org.member, p.id, { pipeline: p.id, is_active: false })).body as KeyJson;
    expect(key).toMatchObject({ is_active: false, description: "" });
    expectError(await trigger(org.id, p.id, key.api_key ?? ""), 401, "client_error", { detail: "Unauthorized" });
  });

  interface Refusal {
    case: string;
    body: (pipelineId: string, otherPipelineId: string) => unknown;
    attr: string;
    detail?: string;
  }

  const refusals: Refusal[] = [
    { case: "both api and pipeline", body: (id) => ({ api: NO_SUCH_ID, pipeline: id }), attr: "non_field_errors", detail: "Only one of `api` or `pipeline` should be set, not both." },
    { case: "neither", body: () => ({ description: "none" }), attr: "non_field_errors", detail: "At least one of `api` or `pipeline` must be set." },
    { case: "both null", body: () => ({ api: null, pipeline: null }), attr: "non_field_errors", detail: "At least one of `api` or `pipeline` must be set." },
    { case: "an empty body", body: () => ({}), attr: "non_field_errors", detail: "At least one of `api` or `pipeline` must be set." },
    { case: "only api (no such API deployment)", body: () => ({ api: NO_SUCH_ID }), attr: "api" },
    { case: "another pipeline than the path's", body: (_, otherId) => ({ pipeline: otherId }), attr: "pipeline" },
    { case: "a description of 256 characters", body: (id) => ({ pipeline: id, description: "d".repeat(256) }), attr: "description", detail: "Ensure this field has no more than 255 characters." },
    { case: "a NUL character in the description", body: (id) => ({ pipeline: id, description: "a\u0000b" }), attr: "description", detail: "Null characters are not allowed." },
    { case: "is_active as a string", body: (id) => ({ pipeline: id, is_active: "true" }), attr: "is_active", detail: "Must be a valid boolean." },
  ];

  it.each(refusals)("refuses $case: 400 on $attr, and creates nothing", async ({ body, attr, detail }) => {
    const [p, q] = [await createPipeline(org, org.member), await createPipeline(org, org.member)];
    const res = await createKey(org.member, p.id, body(p.id, q.id));
    expectError(res, 400, "validation_error", { attr, ...(detail ? { detail } : {}) });
    expect(keysOf(await listKeys(org.member, p.id))).toHaveLength(1);
    expect(keysOf(await listKeys(org.member, q.id))).toHaveLength(1);
  });

  it("refuses malformed JSON (400 parse_error) and a non-JSON body (415)", async () => {
    const p = await createPipeline(org, org.member);
    expectError(await createKey(org.member, p.id, undefined, { raw: "{" }), 400, "client_error", { code: "parse_error", attr: null });
    expectError(await createKey(org.member, p.id, undefined, { raw: `pipeline=${p.id}`, contentType: "application/x-www-form-urlencoded" }), 415, "client_error", {
      code: "unsupported_media_type",
    });
  });

  it("is 404 for an unknown pipeline", async () => {
    expectError(await createKey(org.member, NO_SUCH_ID, { pipeline: NO_SUCH_ID }), 404, "client_error", { code: "not_found" });
  });
});

const at = (keyId: string) => ({ params: { org_id: org.id, key_id: keyId }, path: `/api/v1/unstract/${org.id}/api/keys/${keyId}/` });
const getKey = (who: Caller, keyId: string): Promise<Answer> => call(routes.getKey, { ...at(keyId), ...who });
const putKey = (who: Caller, keyId: string, body: unknown, extra: Partial<CallOptions> = {}): Promise<Answer> =>
  call(routes.putKey, { method: "PUT", ...at(keyId), body, ...who, ...extra });
const deleteKey = (who: Caller, keyId: string): Promise<Answer> => call(routes.deleteKey, { method: "DELETE", ...at(keyId), ...who });

const keyOf = (res: Answer): KeyJson => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as KeyJson;
};

describe("GET api/keys/{key_id}/", () => {
  it("answers the key without its plain value", async () => {
    const p = await createPipeline(org, org.member);
    const key = keyOf(await getKey(org.member, p.api_key.id));
    expect(key).toEqual({ ...p.api_key, api_key: null });
    expect(key.api_key).toBeNull();
  });

  it.each([
    ["an unknown key", NO_SUCH_ID],
    ["a malformed id", "key-1"],
  ])("is 404 for %s", async (_, id) => {
    expectError(await getKey(org.member, id), 404, "client_error", { code: "not_found" });
  });

  it("is 404 for another org's key", async () => {
    const theirs = await createPipeline(other, other.member);
    expectError(await getKey(org.admin, theirs.api_key.id), 404, "client_error", { code: "not_found" });
  });
});

describe("PUT api/keys/{key_id}/", () => {
  it("toggles is_active, and the trigger follows", async () => {
    const p = await createPipeline(org, org.member);
    const plain = p.api_key.api_key ?? "";

    const off = keyOf(await putKey(org.member, p.api_key.id, { is_active: false }));
    expect(off).toMatchObject({ id: p.api_key.id, is_active: false, api_key: null, description: p.api_key.description });
    expect(Date.parse(off.modified_at)).toBeGreaterThanOrEqual(Date.parse(p.api_key.modified_at));
    expect(keyOf(await getKey(org.member, p.api_key.id)).is_active).toBe(false);
    expectError(await trigger(org.id, p.id, plain), 401, "client_error", { detail: "Unauthorized" });

    const on = keyOf(await putKey(org.member, p.api_key.id, { is_active: true }));
    expect(on.is_active).toBe(true);
    expect((await trigger(org.id, p.id, plain)).status).toBe(200);
  });

  it("changes the description, keeping is_active", async () => {
    const p = await createPipeline(org, org.member);
    const key = keyOf(await putKey(org.member, p.api_key.id, { description: "renamed" }));
    expect(key).toMatchObject({ description: "renamed", is_active: true, modified_at: expect.stringMatching(ISO_RE) });
  });

  it("an empty body changes nothing", async () => {
    const p = await createPipeline(org, org.member);
    expect(keyOf(await putKey(org.member, p.api_key.id, {}))).toMatchObject({ description: p.api_key.description, is_active: true });
  });

  it.each([
    { case: "is_active as a string", body: { is_active: "no" }, attr: "is_active", detail: "Must be a valid boolean." },
    { case: "is_active null", body: { is_active: null }, attr: "is_active", detail: "This field may not be null." },
    { case: "a NUL character in the description", body: { description: "a\u0000b" }, attr: "description", detail: "Null characters are not allowed." },
    { case: "a description of 256 characters", body: { description: "x".repeat(256) }, attr: "description", detail: "Ensure this field has no more than 255 characters." },
  ])("refuses $case: 400 on $attr", async ({ body, attr, detail }) => {
    const p = await createPipeline(org, org.member);
    expectError(await putKey(org.member, p.api_key.id, body), 400, "validation_error", { attr, detail, code: "invalid" });
    expect(keyOf(await getKey(org.member, p.api_key.id)).is_active).toBe(true);
  });

  it("refuses malformed JSON (400 parse_error) and a non-JSON body (415)", async () => {
    const p = await createPipeline(org, org.member);
    expectError(await putKey(org.member, p.api_key.id, undefined, { raw: "{is_active:false}" }), 400, "client_error", { code: "parse_error" });
    expectError(await putKey(org.member, p.api_key.id, undefined, { raw: "is_active=false", contentType: "text/plain" }), 415, "client_error", {
      code: "unsupported_media_type",
    });
  });

  it("is 404 for an unknown or malformed key id", async () => {
    expectError(await putKey(org.member, NO_SUCH_ID, { is_active: false }), 404, "client_error", { code: "not_found" });
    expectError(await putKey(org.member, "nope", { is_active: false }), 404, "client_error", { code: "not_found" });
  });
});

describe("DELETE api/keys/{key_id}/", () => {
  it("deletes: 204, the row is gone, GET is 404 and the key no longer triggers", async () => {
    const p = await createPipeline(org, org.member);
    const res = await deleteKey(org.member, p.api_key.id);
    expect(res.status).toBe(204);
    expect(res.body).toBeNull();
    const db = await getDb();
    expect(await db.select().from(pipelineKeys).where(eq(pipelineKeys.id, p.api_key.id))).toEqual([]);
    expectError(await getKey(org.member, p.api_key.id), 404, "client_error", { code: "not_found" });
    expectError(await trigger(org.id, p.id, p.api_key.api_key ?? ""), 401, "client_error", { detail: "Unauthorized" });
    expectError(await deleteKey(org.member, p.api_key.id), 404, "client_error", { code: "not_found" });
  });

  it("deletes only that key", async () => {
    const p = await createPipeline(org, org.member);
    const second = await call(routes.createKey, { method: "POST", params: { org_id: org.id, pipeline_id: p.id }, token: org.member.token, body: { pipeline: p.id } });
    expect((await deleteKey(org.member, p.api_key.id)).status).toBe(204);
    expect((await trigger(org.id, p.id, (second.body as KeyJson).api_key ?? "")).status).toBe(200);
  });
});

// The error codes each refusal carries (the statuses are also cells of the authorization matrix).
describe("who may touch a pipeline's keys", () => {
  it("POST and GET api/keys/pipeline/{pipeline_id}/: the owner, a shared user and an admin create; a shared-to-org member 403; others 404", async () => {
    const [friend, colleague] = [await addPerson(org, "k-friend"), await addPerson(org, "k-colleague")];
    const shared = await createPipeline(org, org.member, { shared_users: [friend.userId] });
    const toOrg = await createPipeline(org, org.member, { shared_to_org: true });
    expect((await createKey(friend, shared.id, { pipeline: shared.id })).status).toBe(201);
    expect((await createKey(org.admin, shared.id, { pipeline: shared.id })).status).toBe(201);
    expectError(await createKey(colleague, toOrg.id, { pipeline: toOrg.id }), 403, "client_error", { code: "permission_denied" });
    expectError(await listKeys(colleague, toOrg.id), 403, "client_error", { code: "permission_denied" });
    expectError(await createKey(colleague, shared.id, { pipeline: shared.id }), 404, "client_error", { code: "not_found" });
    expectError(await createKey(other.admin, shared.id, { pipeline: shared.id }), 404, "client_error", { code: "not_found" });
    expectError(await createKey({}, shared.id, { pipeline: shared.id }), 401, "client_error", { code: "not_authenticated" });
    expect(keysOf(await listKeys(org.member, shared.id))).toHaveLength(3);
  });

  it("GET/PUT/DELETE api/keys/{key_id}/: the owner, a shared user and an admin read a key; an admin changes it; a shared-to-org member 403; others 404", async () => {
    const [friend, colleague, outsider] = [await addPerson(org, "key-friend"), await addPerson(org, "key-colleague"), await addPerson(org, "key-out")];
    const p = await createPipeline(org, org.member, { shared_users: [friend.userId] });
    const q = await createPipeline(org, org.member, { shared_to_org: true });

    expect((await getKey(friend, p.api_key.id)).status).toBe(200);
    expect((await getKey(org.admin, p.api_key.id)).status).toBe(200);
    expect((await putKey(org.admin, p.api_key.id, { description: "by admin" })).status).toBe(200);
    expectError(await getKey(colleague, q.api_key.id), 403, "client_error", { code: "permission_denied" });
    expectError(await putKey(colleague, q.api_key.id, { is_active: false }), 403, "client_error", { code: "permission_denied" });
    expectError(await deleteKey(colleague, q.api_key.id), 403, "client_error", { code: "permission_denied" });
    expectError(await getKey(outsider, p.api_key.id), 404, "client_error", { code: "not_found" });
    expectError(await deleteKey(outsider, p.api_key.id), 404, "client_error", { code: "not_found" });
    expectError(await getKey({}, p.api_key.id), 401, "client_error", { code: "not_authenticated" });
    expect(keyOf(await getKey(org.member, q.api_key.id)).is_active).toBe(true);
    expect((await deleteKey(org.admin, p.api_key.id)).status).toBe(204);
  });
});
