// Who the caller is: the user, the current org and role, and every org they may switch to.
import { eq } from "drizzle-orm";
import { users } from "@/db/schema";
import { v1Dialect } from "@/lib/api/console/dialect";
import { meBody } from "@/lib/api/console/format-account";
import { orgRoute } from "@/lib/api/route";
import { orgsOfUser } from "@/lib/domain/members";
import { otherMethods } from "@/lib/api/methods";

export const GET = orgRoute(v1Dialect, async ({ db, principal }) => {
  const [user] = await db.select({ name: users.name }).from(users).where(eq(users.id, principal.userId));
  return Response.json(meBody(principal, user?.name, await orgsOfUser(db, principal.userId)));
});

export const { POST, PUT, PATCH, DELETE } = otherMethods(v1Dialect, ["GET"]);
