// The body of GET /api/v1/me, typed by its response schema. (Members and tokens are answered in
// the shape the domain returns them.)
import type { z } from "zod";
import type { Principal } from "@/lib/domain/principal";
import type { meResponse } from "./responses-account";

type Me = z.infer<typeof meResponse>;

export function meBody(principal: Principal, name: string | undefined, orgs: Me["orgs"]): Me {
  return {
    id: principal.userId,
    email: principal.email,
    name: name ?? principal.email,
    org: principal.orgId,
    role: principal.role,
    orgs,
  };
}
