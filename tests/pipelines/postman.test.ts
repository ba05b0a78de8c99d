// GET /api/v1/unstract/{org_id}/pipeline/api/postman_collection/{id}/ — a Postman v2.1 download.
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, type Answer } from "../support/http";
import { addPerson, createPipeline, expectError, NO_SUCH_ID, routes, uniqueName, type Caller, type KeyJson } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

interface CollectionJson {
  info: { name: string; schema: string; description: string };
  item: {
    name: string;
    request: {
      method: string;
      header: { key: string; value: string }[];
      body: { mode: string; formdata: unknown[] };
      url: string;
    };
  }[];
}

const ORIGIN = "http://localhost:3000"; // the origin tests/support/http.ts sends requests to

const download = (who: Caller, id: string): Promise<Answer> =>
  call(routes.postman, {
    params: { org_id: org.id, id },
    path: `/api/v1/unstract/${org.id}/pipeline/api/postman_collection/${id}/`,
    ...who,
  });

const putKey = (keyId: string, body: unknown) =>
  call(routes.putKey, { method: "PUT", params: { org_id: org.id, key_id: keyId }, token: org.member.token, body });

describe("GET pipeline/api/postman_collection/{id}/", () => {
  it("is a v2.1 collection with one POST to the pipeline's endpoint, as an attachment named after the pipeline", async () => {
    const p = await createPipeline(org, org.member);
    const res = await download(org.member, p.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename="${p.pipeline_name}.json"`);

    const body = res.body as CollectionJson;
    expect(body.info.name).toBe(p.pipeline_name);
    expect(body.info.schema).toMatch(/\/collection\/v2\.1\.0\/collection\.json$/);
    expect(typeof body.info.description).toBe("string");
    expect(body.item).toHaveLength(1);
    const [item] = body.item;
    expect(item?.name).toBe("Process pipeline");
    expect(item?.request.method).toBe("POST");
    const url = item?.request.url;
    // A string, as newman needs it (an object with only `raw` is "request url is empty").
    expect(url).toBe(`${ORIGIN}/${p.api_endpoint}`);
    expect(`${ORIGIN}/${p.api_endpoint}`).toBe(`${ORIGIN}/deployment/pipeline/api/${org.id}/${p.id}/`);
    const auth = item?.request.header.filter((h) => h.key === "Authorization") ?? [];
    expect(auth).toHaveLength(1);
    expect(auth[0]?.value).toMatch(/^Bearer \S+$/);
    expect(item?.request.body.mode).toBe("formdata");
  });

  it.each([
    ["quotes and an accent", 'Q3 "sales" é'],
    ["a backslash and a semicolon", "in\\out;put"],
    ["CJK characters", "日本 pipeline"],
    ["an emoji", "rocket 🚀"],
  ])("names the attachment safely for a name with %s", async (_, stem) => {
    const name = `${stem} ${uniqueName("x").slice(-8)}`;
    const p = await createPipeline(org, org.member, { pipeline_name: name });
    const res = await download(org.member, p.id);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const disposition = res.headers.get("content-disposition") ?? "";
    expect(disposition).toMatch(/^attachment;/);
    expect(disposition).toContain(`filename*=UTF-8''${encodeURIComponent(`${name}.json`)}`);
    expect((res.body as CollectionJson).info.name).toBe(name);
  });

  it("is 400 when no key of the pipeline is active, and 200 again once one is", async () => {
    const p = await createPipeline(org, org.member);
    expect((await putKey(p.api_key.id, { is_active: false })).status).toBe(200);
    const res = await download(org.member, p.id);
    expect(res.status).toBe(400);
    const body = res.body as { type: string; errors: { code: string; detail: string; attr: string | null }[] };
    expect(body.type).toBe("client_error");
    expect(body.errors).toHaveLength(1);
    expect(body.errors[0]?.detail).toMatch(/active API key/i);
    expect(res.headers.get("content-disposition")).toBeNull();

    const created = await call(routes.createKey, {
      method: "POST",
      params: { org_id: org.id, pipeline_id: p.id },
      token: org.member.token,
      body: { pipeline: p.id, description: "second" },
    });
    expect(created.status).toBe(201);
    expect((await download(org.member, p.id)).status).toBe(200);

    expect((await putKey((created.body as KeyJson).id, { is_active: false })).status).toBe(200);
    expect((await download(org.member, p.id)).status).toBe(400);
  });

  it("is 400 when the pipeline's keys are all deleted", async () => {
    const p = await createPipeline(org, org.member);
    const deleted = await call(routes.deleteKey, { method: "DELETE", params: { org_id: org.id, key_id: p.api_key.id }, token: org.member.token });
    expect(deleted.status).toBe(204);
    expect((await download(org.member, p.id)).status).toBe(400);
  });

  it("a shared user, a shared-to-org member and an admin may download; others get 404", async () => {
    const [friend, colleague] = [await addPerson(org, "pm-friend"), await addPerson(org, "pm-colleague")];
    const shared = await createPipeline(org, org.member, { shared_users: [friend.userId] });
    const toOrg = await createPipeline(org, org.member, { shared_to_org: true });
    expect((await download(friend, shared.id)).status).toBe(200);
    expect((await download(colleague, toOrg.id)).status).toBe(200);
    expect((await download(org.admin, shared.id)).status).toBe(200);
    expectError(await download(colleague, shared.id), 404, "client_error", { code: "not_found" });
    expectError(await download(other.admin, shared.id), 404, "client_error", { code: "not_found" });
    expectError(await download({}, shared.id), 401, "client_error", { code: "not_authenticated" });
  });

  it.each([
    ["an unknown id", NO_SUCH_ID],
    ["a malformed id", "collection"],
  ])("is 404 for %s", async (_, id) => {
    expectError(await download(org.member, id), 404, "client_error", { code: "not_found" });
  });
});
