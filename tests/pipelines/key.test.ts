// GET / PUT / DELETE /api/v1/unstract/{org_id}/api/keys/{key_id}/ — one pipeline API key.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelineKeys } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, type Answer, type CallOptions } from "../support/http";
import { addPerson, createPipeline, expectError, ISO_RE, NO_SUCH_ID, routes, trigger, type Caller, type KeyJson } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
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

describe("who may touch a key", () => {
  it("the owner, a shared user and an admin read it; the shared user may not change the owner's (403); a shared-to-org member 403; others 404", async () => {
    const [friend, colleague, outsider] = [await addPerson(org, "key-friend"), await addPerson(org, "key-colleague"), await addPerson(org, "key-out")];
    const p = await createPipeline(org, org.member, { shared_users: [friend.userId] });
    const q = await createPipeline(org, org.member, { shared_to_org: true });

    expect((await getKey(friend, p.api_key.id)).status).toBe(200);
    expectError(await putKey(friend, p.api_key.id, { description: "by friend" }), 403, "client_error", { code: "permission_denied" });
    expectError(await deleteKey(friend, p.api_key.id), 403, "client_error", { code: "permission_denied" });
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
