import type { Role } from "@/db/schema";
import { forbidden } from "./errors";

/** Who is acting, in which org, with which role: resolved once per request. */
export interface Principal {
  userId: string;
  email: string;
  orgId: string;
  role: Role;
  via: "session" | "token";
  tokenId?: string;
}

export function requireAdmin(principal: Principal): void {
  if (principal.role !== "admin") throw forbidden("Admin access required");
}
