import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiDelete, apiGet, apiPost, orgPath } from "@/components/api-client";

export interface Token {
  id: string;
  name: string;
  /** The first characters of the token, enough to recognise it. */
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
}

/** A token just created: the only answer that carries its plain text. */
export interface IssuedToken extends Token {
  token: string;
}

export interface NewToken {
  name: string;
  expires_in_days: number | null;
}

export const tokensKey = (orgId: string) => ["orgs", orgId, "tokens"] as const;

export function useTokens(orgId: string) {
  return useQuery({
    queryKey: tokensKey(orgId),
    queryFn: async () => (await apiGet<{ results: Token[] }>(orgPath(orgId, "tokens"))).results,
  });
}

export function useCreateToken(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewToken) => apiPost<IssuedToken>(orgPath(orgId, "tokens"), input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(orgId) }),
  });
}

export function useRevokeToken(orgId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (tokenId: string) => apiDelete(orgPath(orgId, "tokens", tokenId)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokensKey(orgId) }),
  });
}
