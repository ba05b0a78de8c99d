// Every enumerated value of the product, written once. It imports nothing, so the schema (its
// pgEnums are built from these lists), the domain, the API's request schemas, the worker and
// the browser's components can all read it. A value added here reaches the database through a
// migration (`npx drizzle-kit generate`), so a list's order is also its pgEnum's order.

// ---------------------------------------------------------------- people

export const ROLES = ["admin", "member"] as const;
export type Role = (typeof ROLES)[number];

// ---------------------------------------------------------------- pipelines

export const PIPELINE_TYPES = ["ETL", "TASK", "DEFAULT", "APP"] as const;
export type PipelineType = (typeof PIPELINE_TYPES)[number];

/** A pipeline's last_run_status. */
export const RUN_STATUSES = ["SUCCESS", "FAILURE", "INPROGRESS", "YET_TO_START", "RESTARTING", "PAUSED"] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

/** The orderings the pipeline list accepts (each also descending with a leading "-"). */
export const PIPELINE_ORDERINGS = ["created_at", "last_run_time", "pipeline_name", "run_count"] as const;
export type PipelineOrdering = (typeof PIPELINE_ORDERINGS)[number];

/** A pipeline's storage: Cleared → InUse (first run) → Clearing → Cleared. */
export const STORAGE_STATUSES = ["Cleared", "InUse", "Clearing"] as const;
export type StorageStatus = (typeof STORAGE_STATUSES)[number];

// ---------------------------------------------------------------- executions

export const EXECUTION_METHODS = ["DIRECT", "SCHEDULED"] as const;
export type ExecutionMethod = (typeof EXECUTION_METHODS)[number];

/** Who started a run: its schedule, a signed-in user, or a pipeline API key. */
export const EXECUTION_TRIGGERS = ["schedule", "user", "api_key"] as const;
export type ExecutionTrigger = (typeof EXECUTION_TRIGGERS)[number];

export const EXECUTION_STATUSES = ["PENDING", "EXECUTING", "COMPLETED", "STOPPED", "ERROR"] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

/** The statuses of a run that is waiting or running: not over yet. */
export const RUNNING_EXECUTION_STATUSES = ["PENDING", "EXECUTING"] as const satisfies readonly ExecutionStatus[];
/** The statuses of a run that is over. */
export const FINISHED_EXECUTION_STATUSES = ["COMPLETED", "STOPPED", "ERROR"] as const satisfies readonly ExecutionStatus[];

/** The level of an execution's log line. */
export const LOG_LEVELS = ["INFO", "WARN", "ERROR"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

// ---------------------------------------------------------------- decommissions

/** The steps of a decommission, in the order they run. */
export const DECOMMISSION_STEPS = ["pausing", "stopping", "clearing", "deleting"] as const;
export type DecommissionStepName = (typeof DECOMMISSION_STEPS)[number];

/** A decommission's state: the step under way, then how it ended. */
export const DECOMMISSION_STATES = [...DECOMMISSION_STEPS, "done", "cancelled", "failed"] as const;
export type DecommissionState = (typeof DECOMMISSION_STATES)[number];

/** The states in which a decommission's work is not over: those named after a step. */
export const LIVE_DECOMMISSION_STATES: readonly DecommissionState[] = DECOMMISSION_STEPS;

export const DECOMMISSION_STEP_STATUSES = ["pending", "running", "done", "skipped", "cancelled"] as const;
export type DecommissionStepStatus = (typeof DECOMMISSION_STEP_STATUSES)[number];

// ---------------------------------------------------------------- resources and wrappers

/** A resource is read from (a job's source) or written to (a job's destination). */
export const RESOURCE_KINDS = ["source", "destination"] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

/** The built-in connectors each kind of resource may use. */
export const CONNECTORS = {
  source: ["sample", "http"],
  destination: ["table"],
} as const satisfies Record<ResourceKind, readonly string[]>;
export type SourceConnector = (typeof CONNECTORS.source)[number];
export type DestinationConnector = (typeof CONNECTORS.destination)[number];
export type ConnectorName = SourceConnector | DestinationConnector;
export const CONNECTOR_NAMES: readonly ConnectorName[] = [...CONNECTORS.source, ...CONNECTORS.destination];

export const WRAPPER_STATUSES = ["PENDING", "STARTING", "RUNNING", "STOPPED", "FAILED"] as const;
export type WrapperStatus = (typeof WRAPPER_STATUSES)[number];

// ---------------------------------------------------------------- audit

/** The actions the audit log records, as the domain writes them. */
export const AUDIT_ACTIONS = [
  "pipeline.create",
  "pipeline.update",
  "pipeline.pause",
  "pipeline.resume",
  "pipeline.share",
  "pipeline.decommission",
  "pipeline.decommission.cancel",
  "pipeline.decommission.fail",
  "pipeline.delete",
  "pipeline.execute",
  "execution.stop",
  "storage.clear",
  "key.create",
  "key.update",
  "key.delete",
  "token.create",
  "token.revoke",
  "member.add",
  "member.remove",
  "member.role",
  "resource.create",
  "resource.delete",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** The kinds of object an audit entry is about. */
export const AUDIT_OBJECT_TYPES = ["pipeline", "execution", "pipeline_key", "resource", "token", "user"] as const;
export type AuditObjectType = (typeof AUDIT_OBJECT_TYPES)[number];
