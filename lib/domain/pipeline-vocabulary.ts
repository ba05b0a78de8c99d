// The words of the pipeline model that browsers need too (no server code may be imported here).
export const PIPELINE_TYPES = ["ETL", "TASK", "DEFAULT", "APP"] as const;
export type PipelineTypeName = (typeof PIPELINE_TYPES)[number];

/** The orderings the list accepts (each also descending with a leading "-"). */
export const PIPELINE_ORDERINGS = ["created_at", "last_run_time", "pipeline_name", "run_count"] as const;
export type PipelineOrdering = (typeof PIPELINE_ORDERINGS)[number];

export const EXECUTION_STATUSES = ["PENDING", "EXECUTING", "COMPLETED", "STOPPED", "ERROR"] as const;
export type ExecutionStatusName = (typeof EXECUTION_STATUSES)[number];

export const STORAGE_STATUSES = ["Cleared", "InUse", "Clearing"] as const;
