import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/components/api-client";

export type Role = "admin" | "member";

export interface OrgMembership {
  id: string;
  name: string;
  role: Role;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  /** The id of the session's current org. */
  org: string;
  role: Role;
  orgs: OrgMembership[];
}

// Not keyed by org: the org is what this answer tells, and switching org clears the cache.
export const meKey = ["me"] as const;

export function useMe() {
  return useQuery({ queryKey: meKey, queryFn: () => apiGet<Me>("/api/v1/me") });
}

/** The display name of the current org; its id when the org list does not carry it. */
export function currentOrgName(me: Me): string {
  return me.orgs.find((org) => org.id === me.org)?.name ?? me.org;
}
