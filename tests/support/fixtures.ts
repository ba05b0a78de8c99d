// Each test builds its own org (a unique slug), so tests share a database without colliding.
import { randomBytes } from "node:crypto";
import { getDb } from "@/db/client";
import { memberships } from "@/db/schema";
import type { Principal } from "@/lib/domain/principal";
import { createOrgWithAdmin } from "@/lib/domain/orgs";
import { issueToken } from "@/lib/domain/tokens";
import { createUser } from "@/lib/domain/users";

export const PASSWORD = "correct-horse-battery";

export interface Person extends Principal {
  password: string;
  token: string;
}

export interface TestOrg {
  id: string;
  admin: Person;
  member: Person;
}

const unique = () => randomBytes(4).toString("hex");

export async function makeOrg(): Promise<TestOrg> {
  const db = await getDb();
  const id = `org_${unique()}`;
  return db.transaction(async (tx) => {
    const admin = await createOrgWithAdmin(tx, { id, name: `Org ${id}` }, {
      email: `admin-${id}@example.com`,
      name: "Ada Admin",
      password: PASSWORD,
    });
    const memberUser = await createUser(tx, { email: `member-${id}@example.com`, name: "Max Member", password: PASSWORD });
    await tx.insert(memberships).values({ orgId: id, userId: memberUser.id, role: "member" });
    const member: Principal = { userId: memberUser.id, email: memberUser.email, orgId: id, role: "member", via: "session" };
    const adminToken = await issueToken(tx, admin, { name: "test" });
    const memberToken = await issueToken(tx, member, { name: "test" });
    return {
      id,
      admin: { ...admin, password: PASSWORD, token: adminToken.token },
      member: { ...member, password: PASSWORD, token: memberToken.token },
    };
  });
}
