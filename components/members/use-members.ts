import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDelete, apiGet, apiPatch, apiPost, orgPath } from "@/components/api-client";
import { meKey, type Role } from "@/components/console/use-me";
import { queryKeys } from "@/components/query-keys";

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

export function useMembers(orgId: string) {
  return useQuery({
    queryKey: queryKeys.members(orgId),
    queryFn: async () => (await apiGet<{ results: Member[] }>(orgPath(orgId, "members"))).results,
  });
}

export function useAddMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewMember) => apiPost<Member>(orgPath(orgId, "members"), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) }),
  });
}

export function useRemoveMember(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => apiDelete(orgPath(orgId, "members", userId)),
    // A refusal too: the page may have missed a change the server based it on.
    onSettled: () => queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) }),
  });
}

export function useChangeMemberRole(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { userId: string; role: Role }) => apiPatch<Member>(orgPath(orgId, "members", input.userId), { role: input.role }),
    // Read again after a refusal too (the page may have missed a change), and your own role
    // with it: demoting yourself changes what this page lets you do.
    onSettled: async () => {
      await Promise.all([queryClient.invalidateQueries({ queryKey: queryKeys.members(orgId) }), queryClient.invalidateQueries({ queryKey: meKey })]);
    },
  });
}
