// GET /api/v1/unstract/{org_id}/pipeline/{id}/users/ — who a pipeline is shared with.
import { beforeAll, describe, expect, it } from "vitest";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call, type Answer } from "../support/http";
import { addPerson, createPipeline, expectError, NO_SUCH_ID, patchPipeline, routes, type Caller } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

interface SharingJson {
  id: string;
  pipeline_name: string;
  shared_users: { id: string; username: string }[];
  shared_to_org: boolean;
  created_by: string;
  created_by_email: string;
}

const users = (who: Caller, id: string, inOrg: { id: string } = org): Promise<Answer> =>
  call(routes.users, { params: { org_id: inOrg.id, id }, path: `/api/v1/unstract/${inOrg.id}/pipeline/${id}/users/`, ...who });

const sharingOf = (res: Answer): SharingJson => {
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as SharingJson;
};
const sortById = (list: { id: string; username: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

describe("GET pipeline/{id}/users/", () => {
  it("an unshared pipeline: the documented shape, with no shared users", async () => {
    const p = await createPipeline(org, org.member);
    const body = sharingOf(await users(org.member, p.id));
    expect(body).toMatchObject({
      id: p.id,
      pipeline_name: p.pipeline_name,
      shared_users: [],
      shared_to_org: false,
      created_by: org.member.userId,
      created_by_email: org.member.email,
    });
    expect(Object.keys(body)).toEqual(expect.arrayContaining(["id", "pipeline_name", "shared_users", "shared_to_org", "created_by", "created_by_email"]));
  });

  it("reflects PATCH shared_users and shared_to_org, each user as {id, username}", async () => {
    const [a, b] = [await addPerson(org, "users-a"), await addPerson(org, "users-b")];
    const p = await createPipeline(org, org.member);

    expect((await patchPipeline(org, org.member, p.id, { shared_users: [a.userId, b.userId] })).status).toBe(200);
    const both = sharingOf(await users(org.member, p.id));
    expect(sortById(both.shared_users).map(({ id, username }) => ({ id, username }))).toEqual(
      sortById([
        { id: a.userId, username: a.email },
        { id: b.userId, username: b.email },
      ]),
    );
    expect(both.shared_to_org).toBe(false);

    expect((await patchPipeline(org, org.member, p.id, { shared_users: [b.userId], shared_to_org: true })).status).toBe(200);
    const one = sharingOf(await users(org.member, p.id));
    expect(one.shared_users.map((u) => u.id)).toEqual([b.userId]);
    expect(one.shared_to_org).toBe(true);

    expect((await patchPipeline(org, org.member, p.id, { shared_users: [], shared_to_org: false })).status).toBe(200);
    expect(sharingOf(await users(org.member, p.id))).toMatchObject({ shared_users: [], shared_to_org: false });
  });

  it("reflects sharing given at creation", async () => {
    const a = await addPerson(org, "users-created");
    const p = await createPipeline(org, org.member, { shared_users: [a.userId], shared_to_org: true });
    expect(sharingOf(await users(org.member, p.id))).toMatchObject({ shared_users: [{ id: a.userId, username: a.email }], shared_to_org: true });
  });

  it("sharing with a non-member is 400 and changes nothing", async () => {
    const a = await addPerson(org, "users-kept");
    const p = await createPipeline(org, org.member, { shared_users: [a.userId] });
    const res = await patchPipeline(org, org.member, p.id, { shared_users: [a.userId, other.member.userId] });
    expectError(res, 400, "validation_error", { attr: "shared_users", detail: `Invalid pk "${other.member.userId}" - object does not exist.` });
    expect(sharingOf(await users(org.member, p.id)).shared_users.map((u) => u.id)).toEqual([a.userId]);
  });

  it("a shared user, a shared-to-org member and an admin can see it; others get 404", async () => {
    const [friend, colleague, outsider] = [await addPerson(org, "u-friend"), await addPerson(org, "u-colleague"), await addPerson(org, "u-out")];
    const shared = await createPipeline(org, org.member, { shared_users: [friend.userId] });
    const toOrg = await createPipeline(org, org.member, { shared_to_org: true });
    expect(sharingOf(await users(friend, shared.id)).id).toBe(shared.id);
    expect(sharingOf(await users(colleague, toOrg.id)).id).toBe(toOrg.id);
    expect(sharingOf(await users(org.admin, shared.id)).id).toBe(shared.id);
    expectError(await users(outsider, shared.id), 404, "client_error", { code: "not_found" });
    expectError(await users(other.admin, shared.id), 404, "client_error", { code: "not_found" });
    expectError(await users({}, shared.id), 401, "client_error", { code: "not_authenticated" });
  });

  it.each([
    ["an unknown id", NO_SUCH_ID],
    ["a malformed id", "users"],
  ])("is 404 for %s", async (_, id) => {
    expectError(await users(org.member, id), 404, "client_error", { code: "not_found" });
  });
});
