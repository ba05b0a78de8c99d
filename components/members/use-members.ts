import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDelete, apiGet, apiPost, orgPath } from "@/components/api-client";
import type { Role } from "@/components/console/use-me";

export interface Member {
  id: string;
  email: string;
  name: string;
  role: Role;
  joined_at: string;
}

export interface NewMember {
  email: string;
  name: string;
  password: string;
  role: Role;
}

export const membersKey = (orgId: string) => ["orgs", orgId, "members"] as const;

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: membersKey(orgId),
    queryFn: async () => (await apiGet<{ results: Member[] }>(orgPath(orgId, "members"))).results,
  });
}

export function useAddMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMember) => apiPost<Member>(orgPath(orgId, "members"), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(orgId) }),
  });
}

export function useRemoveMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiDelete(orgPath(orgId, "members", userId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: membersKey(orgId) }),
  });
}
