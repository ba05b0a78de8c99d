// Who may change which key of a pipeline (issue 11): everyone who sees a pipeline's keys may list
// them and make their own, but a key is switched or deleted only by its creator, the pipeline's
// owner or an org admin. Before the fix, a user the pipeline was shared with deleted the owner's key.
import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb } from "@/db/client";
import { pipelineKeys, users } from "@/db/schema";
import { makeOrg, type Person, type TestOrg } from "../support/fixtures";
import { call, type Answer } from "../support/http";
import { addPerson, createPipeline, expectError, routes, trigger, type Caller, type CreatedPipelineJson, type KeyJson } from "./support";

let org: TestOrg;
let friend: Person; // a member the pipelines below are shared with
let otherFriend: Person; // another member they are shared with
beforeAll(async () => {
  org = await makeOrg();
  friend = await addPerson(org, "friend");
  otherFriend = await addPerson(org, "friend2");
});

const REFUSAL = "Only the key's creator, the pipeline's owner or an admin can change this key.";

const keysAt = (pipelineId: string) => ({ params: { org_id: org.id, pipeline_id: pipelineId }, path: `/api/v1/unstract/${org.id}/api/keys/pipeline/${pipelineId}/` });
const keyAt = (keyId: string) => ({ params: { org_id: org.id, key_id: keyId }, path: `/api/v1/unstract/${org.id}/api/keys/${keyId}/` });
const listKeys = (who: Caller, pipelineId: string): Promise<Answer> => call(routes.listKeys, { ...keysAt(pipelineId), ...who });
const createKey = (who: Caller, pipelineId: string, description: string): Promise<Answer> =>
  call(routes.createKey, { method: "POST", ...keysAt(pipelineId), body: { pipeline: pipelineId, description }, ...who });
const getKey = (who: Caller, keyId: string): Promise<Answer> => call(routes.getKey, { ...keyAt(keyId), ...who });
const putKey = (who: Caller, keyId: string, body: unknown): Promise<Answer> => call(routes.putKey, { method: "PUT", ...keyAt(keyId), body, ...who });
const deleteKey = (who: Caller, keyId: string): Promise<Answer> => call(routes.deleteKey, { method: "DELETE", ...keyAt(keyId), ...who });

function ok<T>(res: Answer, status = 200): T {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  return res.body as T;
}

const sharedPipeline = (): Promise<CreatedPipelineJson> => createPipeline(org, org.member, { shared_users: [friend.userId, otherFriend.userId] });

describe("a user the pipeline is shared with", () => {
  it("lists the keys and creates one of their own", async () => {
    const p = await sharedPipeline();
    const mine = ok<KeyJson>(await createKey(friend, p.id, "friend's script"), 201);
    expect(mine).toMatchObject({ pipeline: p.id, created_by: friend.userId, created_by_email: friend.email });
    const keys = ok<KeyJson[]>(await listKeys(friend, p.id));
    expect(keys.map((k) => [k.id, k.created_by, k.created_by_email])).toEqual([
      [p.api_key.id, org.member.userId, org.member.email],
      [mine.id, friend.userId, friend.email],
    ]);
  });

  it("cannot switch off or delete the owner's key: 403, and the key stays as it was", async () => {
    const p = await sharedPipeline();
    const before = ok<KeyJson>(await getKey(friend, p.api_key.id));

    expectError(await putKey(friend, p.api_key.id, { is_active: false }), 403, "client_error", { code: "permission_denied", detail: REFUSAL });
    expectError(await putKey(friend, p.api_key.id, { description: "mine now" }), 403, "client_error", { code: "permission_denied", detail: REFUSAL });
    expectError(await deleteKey(friend, p.api_key.id), 403, "client_error", { code: "permission_denied", detail: REFUSAL });

    expect(ok<KeyJson>(await getKey(org.member, p.api_key.id))).toEqual(before);
    expect((await trigger(org.id, p.id, p.api_key.api_key ?? "")).status).toBe(200);
  });

  it("switches and deletes their own key", async () => {
    const p = await sharedPipeline();
    const mine = ok<KeyJson>(await createKey(friend, p.id, "friend's script"), 201);
    expect(ok<KeyJson>(await putKey(friend, mine.id, { is_active: false, description: "paused script" }))).toMatchObject({
      is_active: false,
      description: "paused script",
      created_by: friend.userId,
      created_by_email: friend.email,
    });
    expectError(await trigger(org.id, p.id, mine.api_key ?? ""), 401, "client_error", { detail: "Unauthorized" });
    expect((await deleteKey(friend, mine.id)).status).toBe(204);
    expect(ok<KeyJson[]>(await listKeys(org.member, p.id)).map((k) => k.id)).toEqual([p.api_key.id]);
  });
});

// Each row: a fresh pipeline shared with both friends, a key made by `madeBy`, then `changedBy`
// switches it off and deletes it. "gone" is a user deleted after making the key (created_by null).
type Who = "owner" | "friend" | "otherFriend" | "admin" | "gone";

interface Row {
  madeBy: Who;
  changedBy: Exclude<Who, "gone">;
  allowed: boolean;
}

const rows: Row[] = [
  { madeBy: "owner", changedBy: "owner", allowed: true },
  { madeBy: "owner", changedBy: "admin", allowed: true },
  { madeBy: "owner", changedBy: "friend", allowed: false },
  { madeBy: "friend", changedBy: "friend", allowed: true },
  { madeBy: "friend", changedBy: "owner", allowed: true },
  { madeBy: "friend", changedBy: "admin", allowed: true },
  { madeBy: "friend", changedBy: "otherFriend", allowed: false },
  { madeBy: "admin", changedBy: "admin", allowed: true },
  { madeBy: "admin", changedBy: "owner", allowed: true },
  { madeBy: "admin", changedBy: "friend", allowed: false },
  { madeBy: "gone", changedBy: "owner", allowed: true },
  { madeBy: "gone", changedBy: "admin", allowed: true },
  { madeBy: "gone", changedBy: "friend", allowed: false },
];

function caller(who: Exclude<Who, "gone">): Person {
  return { owner: org.member, admin: org.admin, friend, otherFriend }[who];
}

/** A key on `p` made by `who`: the owner's is the one made with the pipeline. */
async function keyMadeBy(who: Who, p: CreatedPipelineJson): Promise<KeyJson> {
  if (who === "owner") return p.api_key;
  if (who !== "gone") return ok<KeyJson>(await createKey(caller(who), p.id, `by ${who}`), 201);
  const gone = await addPerson(org, "gone");
  expect((await call(routes.patch, { method: "PATCH", params: { org_id: org.id, id: p.id }, body: { shared_users: [friend.userId, otherFriend.userId, gone.userId] }, token: org.member.token })).status).toBe(200);
  const key = ok<KeyJson>(await createKey(gone, p.id, "by gone"), 201);
  const db = await getDb();
  await db.delete(users).where(eq(users.id, gone.userId));
  return key;
}

describe.each(rows)("a key made by $madeBy, changed by $changedBy", ({ madeBy, changedBy, allowed }) => {
  it(allowed ? "switches off (200) and deletes (204)" : "is refused (403) and the key stays active", async () => {
    const p = await sharedPipeline();
    const key = await keyMadeBy(madeBy, p);
    const who = caller(changedBy);
    const put = await putKey(who, key.id, { is_active: false });
    const del = await deleteKey(who, key.id);
    const db = await getDb();
    const [row] = await db.select().from(pipelineKeys).where(eq(pipelineKeys.id, key.id));
    if (allowed) {
      expect(ok<KeyJson>(put).is_active).toBe(false);
      expect(del.status).toBe(204);
      expect(row).toBeUndefined();
    } else {
      expectError(put, 403, "client_error", { code: "permission_denied", detail: REFUSAL });
      expectError(del, 403, "client_error", { code: "permission_denied", detail: REFUSAL });
      expect(row?.isActive).toBe(true);
    }
  });
});

describe("created_by and created_by_email", () => {
  it("name the key's creator in every answer: list, get, create, update; null once the creator is deleted", async () => {
    const p = await sharedPipeline();
    expect(p.api_key).toMatchObject({ created_by: org.member.userId, created_by_email: org.member.email });
    const byAdmin = ok<KeyJson>(await createKey(org.admin, p.id, "admin's"), 201);
    expect(byAdmin).toMatchObject({ created_by: org.admin.userId, created_by_email: org.admin.email });
    expect(ok<KeyJson>(await getKey(friend, byAdmin.id))).toMatchObject({ created_by: org.admin.userId, created_by_email: org.admin.email });
    // Changed by the owner: the creator stays the admin.
    expect(ok<KeyJson>(await putKey(org.member, byAdmin.id, { description: "renamed" }))).toMatchObject({ created_by: org.admin.userId, created_by_email: org.admin.email });

    const gone = await keyMadeBy("gone", p);
    expect(gone.created_by_email).toMatch(/^gone-/);
    const listed = ok<KeyJson[]>(await listKeys(friend, p.id)).find((k) => k.id === gone.id);
    expect(listed).toMatchObject({ created_by: null, created_by_email: null });
  });
});
