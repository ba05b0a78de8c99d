import { useQuery } from "@tanstack/react-query";
import { apiGet } from "@/components/api-client";
import type { OpenApiDocument } from "./openapi-view";

export const OPENAPI_URL = "/api/openapi.json";
export const openApiKey = ["openapi"] as const;

/** The API's own description; it changes only when the server does. */
export function useOpenApi() {
  return useQuery({ queryKey: openApiKey, queryFn: () => apiGet<OpenApiDocument>(OPENAPI_URL), staleTime: Infinity });
}
