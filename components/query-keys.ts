// Every server-state key of the console, in one place, so that live events and mutations
// invalidate exactly what they change. Keys start with a kind and the org id.
export const queryKeys = {
  /** Prefix of every pipelines list of the org. */
  pipelines: (org: string) => ["pipelines", org] as const,
  pipelineList: (org: string, params: Record<string, unknown>) => ["pipelines", org, params] as const,
  /** Prefix of everything about one pipeline (detail, keys, sharing, its executions, impact). */
  pipeline: (org: string, id: string) => ["pipeline", org, id] as const,
  pipelineExecutions: (org: string, id: string, params: Record<string, unknown>) => ["pipeline", org, id, "executions", params] as const,
  keys: (org: string, id: string) => ["pipeline", org, id, "keys"] as const,
  sharing: (org: string, id: string) => ["pipeline", org, id, "users"] as const,
  impact: (org: string, id: string) => ["pipeline", org, id, "impact"] as const,
  /** The pipeline's latest decommission: apart from the pipeline's prefix, so it outlives the pipeline's deletion. */
  decommission: (org: string, id: string) => ["decommission", org, id] as const,
  /** A pipeline's storage status and clear progress (fetched by name, keyed by id). */
  storage: (org: string, id: string) => ["storage", org, id] as const,
  /** Prefix of every org-wide executions list. */
  executions: (org: string) => ["executions", org] as const,
  executionList: (org: string, params: Record<string, unknown>) => ["executions", org, params] as const,
  execution: (org: string, id: string) => ["execution", org, id] as const,
  logs: (org: string, id: string) => ["execution", org, id, "logs"] as const,
  /** Prefix of everything about the org's connections. */
  resources: (org: string) => ["resources", org] as const,
  resourceList: (org: string, params: Record<string, unknown>) => ["resources", org, params] as const,
  /** Which pipelines use a connection (under the resources prefix: a resource change refreshes it). */
  resourceUsage: (org: string, id: string) => ["resources", org, id, "usage"] as const,
  members: (org: string) => ["members", org] as const,
  /** The org's health on the Overview: every pipeline, run and storage change moves it. */
  overview: (org: string) => ["overview", org] as const,
  audit: (org: string) => ["audit", org] as const,
  auditList: (org: string, params: Record<string, unknown>) => ["audit", org, params] as const,
};
