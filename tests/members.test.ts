// Members of an org: admins add and remove people; every member may list them.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/orgs/[org_id]/members/route";
import { DELETE as removeMember } from "@/app/api/v1/orgs/[org_id]/members/[user_id]/route";
import { POST as issueToken } from "@/app/api/auth/token/route";
import { GET as me } from "@/app/api/v1/me/route";
import { call } from "./support/http";
import { makeOrg, type TestOrg } from "./support/fixtures";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

const newPerson = (tag: string) => ({ email: `${tag}-${Date.now()}@example.com`, name: `Person ${tag}`, password: "a-good-password", role: "member" });

describe("members", () => {
  it("an admin adds a member who can then get a token and sign in to the org", async () => {
    const person = newPerson("new");
    const res = await call(addMember, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body: person });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ email: person.email, name: person.name, role: "member" });

    const token = await call(issueToken, { method: "POST", body: { email: person.email, password: person.password, org: org.id } });
    expect(token.status).toBe(201);

    const listed = await call(listMembers, { token: org.member.token, params: { org_id: org.id } });
    expect(listed.status).toBe(200);
    expect((listed.body as { results: { email: string }[] }).results.map((m) => m.email)).toContain(person.email);
  });

  it("an existing user joining another org keeps their own password", async () => {
    const person = newPerson("both");
    await call(addMember, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body: person });
    const res = await call(addMember, {
      method: "POST",
      token: other.admin.token,
      params: { org_id: other.id },
      body: { ...person, password: "another-password" },
    });
    expect(res.status).toBe(201);
    const withOld = await call(issueToken, { method: "POST", body: { email: person.email, password: person.password, org: other.id } });
    const withNew = await call(issueToken, { method: "POST", body: { email: person.email, password: "another-password", org: other.id } });
    expect([withOld.status, withNew.status]).toEqual([201, 401]);
    const { token } = withOld.body as { token: string };
    expect((await call(me, { token })).body).toMatchObject({ org: other.id, orgs: [{ id: org.id }, { id: other.id }] });
  });

  it("refuses a duplicate member on the email field", async () => {
    const res = await call(addMember, {
      method: "POST",
      token: org.admin.token,
      params: { org_id: org.id },
      body: { email: org.member.email, name: "Again", password: "a-good-password", role: "member" },
    });
    expect(res).toMatchObject({
      status: 400,
      body: { type: "validation_error", errors: [{ attr: "email", detail: "This user is already a member of this organization." }] },
    });
  });

  it.each([
    [{ email: "x@example.com", name: "X", password: "short", role: "member" }, "password"],
    [{ email: "x@example.com", name: "X", password: "a-good-password", role: "owner" }, "role"],
    [{ email: "x@example.com", password: "a-good-password" }, "name"],
  ])("validates %j → 400 on %s", async (body, attr) => {
    const res = await call(addMember, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body });
    expect(res).toMatchObject({ status: 400, body: { type: "validation_error", errors: [{ attr }] } });
  });

  it("a member may not add or remove members: 403", async () => {
    const add = await call(addMember, { method: "POST", token: org.member.token, params: { org_id: org.id }, body: newPerson("nope") });
    expect(add).toMatchObject({ status: 403, body: { type: "client_error", errors: [{ code: "permission_denied", detail: "Admin access required" }] } });
    const remove = await call(removeMember, { method: "DELETE", token: org.member.token, params: { org_id: org.id, user_id: org.admin.userId } });
    expect(remove.status).toBe(403);
  });

  it("removing a member ends their access and their tokens", async () => {
    const person = newPerson("leaving");
    const added = await call(addMember, { method: "POST", token: org.admin.token, params: { org_id: org.id }, body: person });
    const { id } = added.body as { id: string };
    const issued = await call(issueToken, { method: "POST", body: { email: person.email, password: person.password, org: org.id } });
    const { token } = issued.body as { token: string };
    expect((await call(me, { token })).status).toBe(200);

    const res = await call(removeMember, { method: "DELETE", token: org.admin.token, params: { org_id: org.id, user_id: id } });
    expect(res.status).toBe(204);
    expect((await call(me, { token })).status).toBe(401);
    const again = await call(removeMember, { method: "DELETE", token: org.admin.token, params: { org_id: org.id, user_id: id } });
    expect(again.status).toBe(404);
  });

  it("keeps the last admin", async () => {
    const res = await call(removeMember, { method: "DELETE", token: org.admin.token, params: { org_id: org.id, user_id: org.admin.userId } });
    expect(res).toMatchObject({ status: 400, body: { errors: [{ code: "LastAdmin", attr: "user_id" }] } });
  });
});
