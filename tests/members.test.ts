// Members of an org: admins add and remove people and change their roles; every member may
// list them; an org always keeps one admin.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/orgs/[org_id]/members/route";
import { DELETE as removeMember, PATCH as changeRole } from "@/app/api/v1/orgs/[org_id]/members/[user_id]/route";
import { GET as auditLog } from "@/app/api/v1/orgs/[org_id]/audit/route";
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
    expect(res).toMatchObject({ status: 400, body: { type: "client_error", errors: [{ code: "LastAdmin", attr: "user_id", detail: LAST_ADMIN }] } });
  });
});

const LAST_ADMIN = "An organization needs at least one admin: make another member an admin first.";

describe("PATCH /api/v1/orgs/{org_id}/members/{user_id}", () => {
  let roles: TestOrg;
  beforeAll(async () => {
    roles = await makeOrg();
  });

  const patch = (token: string, userId: string, body: unknown, orgId = roles.id) =>
    call(changeRole, { method: "PATCH", token, params: { org_id: orgId, user_id: userId }, body });

  async function addPerson(tag: string, role = "member") {
    const person = { ...newPerson(tag), role };
    const added = await call(addMember, { method: "POST", token: roles.admin.token, params: { org_id: roles.id }, body: person });
    expect(added.status).toBe(201);
    const issued = await call(issueToken, { method: "POST", body: { email: person.email, password: person.password, org: roles.id } });
    return { id: (added.body as { id: string }).id, email: person.email, token: (issued.body as { token: string }).token };
  }

  it("an admin makes a member an admin and back: the member as it is now, each change in the audit log with its reason", async () => {
    const person = await addPerson("promoted");
    const up = await patch(roles.admin.token, person.id, { role: "admin", reason: "runs the on-call rota" });
    expect(up).toMatchObject({ status: 200, body: { id: person.id, email: person.email, role: "admin" } });
    expect(Object.keys(up.body as object).sort()).toEqual(["email", "id", "joined_at", "name", "role"]);
    // The new role holds at once, for the person's existing token too.
    expect((await call(me, { token: person.token })).body).toMatchObject({ role: "admin" });

    const down = await patch(roles.admin.token, person.id, { role: "member" });
    expect(down).toMatchObject({ status: 200, body: { role: "member" } });
    expect((await call(me, { token: person.token })).body).toMatchObject({ role: "member" });

    const audit = await call(auditLog, { token: roles.admin.token, params: { org_id: roles.id }, path: `/?action=member.role&object_id=${person.id}` });
    expect((audit.body as { results: unknown[] }).results).toMatchObject([
      { action: "member.role", object_id: person.id, object_name: person.email, reason: null, details: { from: "admin", to: "member" } },
      { action: "member.role", object_id: person.id, object_name: person.email, reason: "runs the on-call rota", details: { from: "member", to: "admin" } },
    ]);
  });

  it("a member may not change roles, their own included: 403", async () => {
    for (const target of [roles.admin.userId, roles.member.userId]) {
      const res = await patch(roles.member.token, target, { role: "admin" });
      expect(res).toMatchObject({ status: 403, body: { type: "client_error", errors: [{ code: "permission_denied", detail: "Admin access required" }] } });
    }
    expect((await call(me, { token: roles.member.token })).body).toMatchObject({ role: "member" });
  });

  it.each([
    [{}, "role", "required"],
    [{ role: "owner" }, "role", "invalid"],
    [{ role: "admin", reason: "x".repeat(501) }, "reason", "invalid"],
  ])("validates %j → 400 on %s", async (body, attr, code) => {
    const res = await patch(roles.admin.token, roles.member.userId, body);
    expect(res).toMatchObject({ status: 400, body: { type: "validation_error", errors: [{ attr, code }] } });
  });

  it("an unknown member, a malformed id or another org's member is a 404", async () => {
    for (const userId of ["00000000-0000-4000-8000-000000000000", "not-a-uuid", other.member.userId]) {
      expect((await patch(roles.admin.token, userId, { role: "admin" })).status, userId).toBe(404);
    }
    expect((await patch(roles.admin.token, roles.member.userId, { role: "admin" }, other.id)).status).toBe(404);
  });

  it("the last admin can be neither demoted nor removed; with a second admin, either may go", async () => {
    const lone = await makeOrg();
    const demote = await call(changeRole, { method: "PATCH", token: lone.admin.token, params: { org_id: lone.id, user_id: lone.admin.userId }, body: { role: "member" } });
    expect(demote).toMatchObject({ status: 400, body: { type: "client_error", errors: [{ code: "LastAdmin", attr: "role", detail: LAST_ADMIN }] } });
    expect((await call(me, { token: lone.admin.token })).body).toMatchObject({ role: "admin" });
    // Staying admin is no change, so it is allowed.
    const same = await call(changeRole, { method: "PATCH", token: lone.admin.token, params: { org_id: lone.id, user_id: lone.admin.userId }, body: { role: "admin" } });
    expect(same).toMatchObject({ status: 200, body: { role: "admin" } });

    const promoted = await call(changeRole, { method: "PATCH", token: lone.admin.token, params: { org_id: lone.id, user_id: lone.member.userId }, body: { role: "admin" } });
    expect(promoted.status).toBe(200);
    const selfDemoted = await call(changeRole, { method: "PATCH", token: lone.admin.token, params: { org_id: lone.id, user_id: lone.admin.userId }, body: { role: "member" } });
    expect(selfDemoted).toMatchObject({ status: 200, body: { role: "member" } });
    // Now the former member is the only admin: they cannot leave, the demoted one can be removed.
    const leave = await call(removeMember, { method: "DELETE", token: lone.member.token, params: { org_id: lone.id, user_id: lone.member.userId } });
    expect(leave).toMatchObject({ status: 400, body: { errors: [{ code: "LastAdmin", attr: "user_id", detail: LAST_ADMIN }] } });
    const removed = await call(removeMember, { method: "DELETE", token: lone.member.token, params: { org_id: lone.id, user_id: lone.admin.userId } });
    expect(removed.status).toBe(204);
  });
});
