// Who may call which foundation route. The matrix is data: a new route is a new row.
import { beforeAll, describe, expect, it } from "vitest";
import { GET as listMembers, POST as addMember } from "@/app/api/v1/orgs/[org_id]/members/route";
import { DELETE as removeMember } from "@/app/api/v1/orgs/[org_id]/members/[user_id]/route";
import { GET as listTokens, POST as createToken } from "@/app/api/v1/orgs/[org_id]/tokens/route";
import { GET as me } from "@/app/api/v1/me/route";
import { getDb } from "@/db/client";
import { issueToken, revokeOwnToken } from "@/lib/domain/tokens";
import { call, sessionCookie, type CallOptions, type Handler } from "./support/http";
import { makeOrg, type TestOrg } from "./support/fixtures";

type Who = "admin" | "member" | "adminSession" | "otherOrgAdmin" | "anonymous" | "revokedToken";

let org: TestOrg;
let other: TestOrg;
const credentials = {} as Record<Who, Pick<CallOptions, "token" | "cookie">>;

beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
  const db = await getDb();
  const revoked = await issueToken(db, org.admin, { name: "revoked" });
  await revokeOwnToken(db, org.admin, revoked.id);
  Object.assign(credentials, {
    admin: { token: org.admin.token },
    member: { token: org.member.token },
    adminSession: { cookie: await sessionCookie(org.admin) },
    otherOrgAdmin: { token: other.admin.token },
    anonymous: {},
    revokedToken: { token: revoked.token },
  });
});

interface Row {
  route: string;
  handler: Handler;
  options: () => CallOptions;
  expect: Record<Who, number>;
}

const everyoneInOrg = { admin: 200, member: 200, adminSession: 200, otherOrgAdmin: 404, anonymous: 401, revokedToken: 401 };

const matrix: Row[] = [
  { route: "GET /api/v1/me", handler: me, options: () => ({}), expect: { ...everyoneInOrg, otherOrgAdmin: 200 } },
  { route: "GET members", handler: listMembers, options: () => ({ params: { org_id: org.id } }), expect: everyoneInOrg },
  {
    route: "POST members",
    handler: addMember,
    // An invalid body: the role check comes first, so an allowed caller gets 400, not 201.
    options: () => ({ method: "POST", params: { org_id: org.id }, body: { email: "bad" } }),
    expect: { ...everyoneInOrg, admin: 400, adminSession: 400, member: 403 },
  },
  {
    route: "DELETE members/{user_id}",
    handler: removeMember,
    options: () => ({ method: "DELETE", params: { org_id: org.id, user_id: "00000000-0000-4000-8000-000000000000" } }),
    expect: { ...everyoneInOrg, admin: 404, adminSession: 404, member: 403 },
  },
  { route: "GET tokens", handler: listTokens, options: () => ({ params: { org_id: org.id } }), expect: everyoneInOrg },
  {
    route: "POST tokens",
    handler: createToken,
    options: () => ({ method: "POST", params: { org_id: org.id }, body: { name: "" } }),
    expect: { ...everyoneInOrg, admin: 400, member: 400, adminSession: 400 },
  },
];

describe.each(matrix)("$route", (row) => {
  it.each(Object.entries(row.expect) as [Who, number][])("%s → %i", async (who, status) => {
    const res = await call(row.handler, { ...row.options(), ...credentials[who] });
    expect(res.status).toBe(status);
  });
});
