// The whole domain model of DESIGN.md. Every tenant-owned row carries org_id so that each
// query for one record can (and must) put the org in its WHERE.
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgEnum,
  type AnyPgColumn,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  bigint,
} from "drizzle-orm/pg-core";
// Relative, not "@/": drizzle-kit loads this file without the tsconfig paths.
import {
  DECOMMISSION_STATES,
  EXECUTION_METHODS,
  EXECUTION_STATUSES,
  EXECUTION_TRIGGERS,
  LIVE_DECOMMISSION_STATES,
  PIPELINE_TYPES,
  RESOURCE_KINDS,
  ROLES,
  RUN_STATUSES,
  STORAGE_STATUSES,
  WRAPPER_STATUSES,
  type DecommissionStepName,
  type DecommissionStepStatus,
} from "../lib/vocabulary";

// Millisecond precision: what a JS Date holds, so a timestamp read and written back (a keyset
// cursor, say) compares equal to the stored one.
const ts = (name: string) => timestamp(name, { withTimezone: true, precision: 3 });
const createdAt = () => ts("created_at").notNull().defaultNow();

export const roleEnum = pgEnum("role", ROLES);
export const pipelineTypeEnum = pgEnum("pipeline_type", PIPELINE_TYPES);
export const runStatusEnum = pgEnum("last_run_status", RUN_STATUSES);
export const storageStatusEnum = pgEnum("storage_status", STORAGE_STATUSES);
export const executionMethodEnum = pgEnum("execution_method", EXECUTION_METHODS);
export const executionStatusEnum = pgEnum("execution_status", EXECUTION_STATUSES);
export const executionTriggerEnum = pgEnum("execution_trigger", EXECUTION_TRIGGERS);
export const decommissionStateEnum = pgEnum("decommission_state", DECOMMISSION_STATES);
export const resourceKindEnum = pgEnum("resource_kind", RESOURCE_KINDS);
export const wrapperStatusEnum = pgEnum("wrapper_status", WRAPPER_STATUSES);

// ---------------------------------------------------------------- tenancy and people

export const orgs = pgTable("orgs", {
  id: text("id").primaryKey(), // a slug such as acme_corp
  name: text("name").notNull(),
  // Kept exact by statement triggers on pipelines (migration 0001) so the unfiltered list's
  // `count` is one row read, not a scan of every pipeline of the org.
  pipelineCount: integer("pipeline_count").notNull().default(0),
  createdAt: createdAt(),
});

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull().unique(), // stored lower-cased
  name: text("name").notNull(),
  passwordHash: text("password_hash").notNull(),
  createdAt: createdAt(),
});

export const memberships = pgTable(
  "memberships",
  {
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: roleEnum("role").notNull().default("member"),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const personalTokens = pgTable(
  "personal_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: text("org_id").notNull(),
    userId: uuid("user_id").notNull(),
    name: text("name").notNull(),
    tokenHash: text("token_hash").notNull().unique(),
    prefix: text("prefix").notNull(), // the first characters, to recognise a token in lists
    createdAt: createdAt(),
    lastUsedAt: ts("last_used_at"),
    expiresAt: ts("expires_at"),
  },
  (t) => [
    // A token dies with the membership it speaks for.
    foreignKey({
      columns: [t.orgId, t.userId],
      foreignColumns: [memberships.orgId, memberships.userId],
    }).onDelete("cascade"),
    index("personal_tokens_owner_idx").on(t.orgId, t.userId, t.createdAt),
  ],
);

// ---------------------------------------------------------------- resources and wrappers

export const resources = pgTable(
  "resources",
  {
    id: text("id").primaryKey(), // 24-hex ObjectId
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    kind: resourceKindEnum("kind").notNull(),
    connector: text("connector").notNull(), // one of CONNECTORS (lib/vocabulary.ts)
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    deleted: boolean("deleted").notNull().default(false),
    deletedAt: ts("deleted_at"),
    createdAt: createdAt(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("resources_org_live_idx").on(t.orgId, t.createdAt, t.id).where(sql`${t.deleted} = false`)],
);

export const wrappers = pgTable(
  "wrappers",
  {
    id: text("id").primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    resourceId: text("resource_id")
      .notNull()
      .unique()
      .references(() => resources.id, { onDelete: "cascade" }),
    status: wrapperStatusEnum("status").notNull().default("PENDING"),
    desiredRunning: boolean("desired_running").notNull().default(true),
    pid: integer("pid"),
    host: text("host"),
    heartbeatAt: ts("heartbeat_at"),
    startedAt: ts("started_at"),
    stoppedAt: ts("stopped_at"),
    statusChangedAt: ts("status_changed_at").notNull().defaultNow(),
    createdAt: createdAt(),
  },
  (t) => [index("wrappers_org_idx").on(t.orgId)],
);

export const wrapperLogs = pgTable(
  "wrapper_logs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    wrapperId: text("wrapper_id")
      .notNull()
      .references(() => wrappers.id, { onDelete: "cascade" }),
    at: ts("at").notNull().defaultNow(),
    message: text("message").notNull(),
  },
  (t) => [index("wrapper_logs_wrapper_idx").on(t.wrapperId, t.id)],
);

// ---------------------------------------------------------------- pipelines

export const pipelines = pgTable(
  "pipelines",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    type: pipelineTypeEnum("type").notNull().default("DEFAULT"),
    description: text("description").notNull().default(""),
    ownerId: uuid("owner_id")
      .notNull()
      .references(() => users.id),
    modifiedBy: uuid("modified_by").references(() => users.id, { onDelete: "set null" }),
    active: boolean("active").notNull().default(true),
    cronString: text("cron_string"),
    timezone: text("timezone").notNull().default("UTC"),
    sharedToOrg: boolean("shared_to_org").notNull().default(false),
    storageStatus: storageStatusEnum("storage_status").notNull().default("Cleared"),
    runCount: integer("run_count").notNull().default(0),
    lastRunTime: ts("last_run_time"),
    lastRunStatus: runStatusEnum("last_run_status").notNull().default("YET_TO_START"),
    // Who paused it, when and why, while it is paused; null while active. The label is the
    // email of the user, or "system".
    pausedBy: uuid("paused_by").references(() => users.id, { onDelete: "set null" }),
    pausedByLabel: text("paused_by_label"),
    pausedAt: ts("paused_at"),
    pauseReason: text("pause_reason"),
    /** When the scheduler resumes it by itself; null for "until someone resumes it". */
    resumeAt: ts("resume_at"),
    // What its storage holds, kept exact by statement triggers on storage_records (migration
    // 0004), so the overview's "storage in use" is a sum over pipelines, not over every record.
    storageRows: bigint("storage_rows", { mode: "number" }).notNull().default(0),
    storageBytes: bigint("storage_bytes", { mode: "number" }).notNull().default(0),
    createdAt: createdAt(),
    modifiedAt: ts("modified_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("pipelines_org_name_uq").on(t.orgId, t.name),
    // One index per listing order, each ending in id so keyset paging has a total order.
    // Never-run pipelines sort as the earliest time: "last_run_time DESC NULLS LAST" as a plain
    // expression that a row comparison (keyset cursor) can use.
    index("pipelines_org_last_run_idx").on(
      t.orgId,
      sql`coalesce(${t.lastRunTime}, '-infinity'::timestamptz)`,
      t.createdAt,
      t.id,
    ),
    index("pipelines_org_created_idx").on(t.orgId, t.createdAt, t.id),
    index("pipelines_org_runs_idx").on(t.orgId, t.runCount, t.id),
    index("pipelines_owner_idx").on(t.ownerId),
    index("pipelines_resume_idx").on(t.resumeAt).where(sql`${t.resumeAt} is not null`),
    // The Overview's failing, paused and storing pipelines: each count and its first names read
    // from a small index of just those pipelines, not from a scan of the org's 100,000.
    index("pipelines_org_failing_idx")
      .on(t.orgId, sql`${t.lastRunTime} DESC NULLS LAST`, t.id)
      .where(sql`${t.lastRunStatus} = 'FAILURE'`),
    index("pipelines_org_paused_idx")
      .on(t.orgId, sql`${t.pausedAt} DESC NULLS LAST`, t.id)
      .where(sql`${t.active} = false`),
    index("pipelines_org_storing_idx").on(t.orgId, t.storageRows, t.storageBytes).where(sql`${t.storageRows} > 0`),
  ],
);

export const pipelineShares = pgTable(
  "pipeline_shares",
  {
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.pipelineId, t.userId] }), index("pipeline_shares_user_idx").on(t.userId)],
);

export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: text("org_id").notNull(),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    name: text("name").notNull(),
    // Resources outlive pipelines (they are soft-deleted), so no cascade from them.
    sourceResourceId: text("source_resource_id").references(() => resources.id),
    destinationResourceId: text("destination_resource_id").references(() => resources.id),
    config: jsonb("config").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("jobs_pipeline_position_uq").on(t.pipelineId, t.position)],
);

export const jobStates = pgTable("job_states", {
  jobId: uuid("job_id")
    .primaryKey()
    .references(() => jobs.id, { onDelete: "cascade" }),
  pipelineId: uuid("pipeline_id")
    .notNull()
    .references(() => pipelines.id, { onDelete: "cascade" }),
  cursor: text("cursor"), // incremental state
  connectorState: jsonb("connector_state").$type<Record<string, unknown>>().notNull().default({}),
  updatedAt: ts("updated_at").notNull().defaultNow(),
});

export const schedules = pgTable(
  "schedules",
  {
    pipelineId: uuid("pipeline_id")
      .primaryKey()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    orgId: text("org_id").notNull(),
    cron: text("cron").notNull(),
    timezone: text("timezone").notNull().default("UTC"),
    active: boolean("active").notNull().default(true),
    nextFireAt: ts("next_fire_at"),
    lastFiredAt: ts("last_fired_at"),
    updatedAt: ts("updated_at").notNull().defaultNow(),
  },
  (t) => [index("schedules_due_idx").on(t.nextFireAt).where(sql`${t.active} = true`)],
);

export const executions = pgTable(
  "executions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: text("org_id").notNull(),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    method: executionMethodEnum("method").notNull().default("DIRECT"),
    status: executionStatusEnum("status").notNull().default("PENDING"),
    // The fire time a SCHEDULED run was made for; unique per pipeline so a tick runs once.
    scheduledFor: ts("scheduled_for"),
    triggeredBy: uuid("triggered_by").references(() => users.id, { onDelete: "set null" }),
    // Who started the run, kept readable after the user or key is gone: the kind, the key (if
    // any) and a snapshot of the user's email or the key's description at that moment.
    triggerKind: executionTriggerEnum("trigger_kind").notNull().default("user"),
    triggerKeyId: uuid("trigger_key_id").references((): AnyPgColumn => pipelineKeys.id, { onDelete: "set null" }),
    triggerLabel: text("trigger_label"),
    attempts: integer("attempts").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: ts("lease_expires_at"),
    stopRequested: boolean("stop_requested").notNull().default(false),
    totalFiles: integer("total_files").notNull().default(0),
    successfulFiles: integer("successful_files").notNull().default(0),
    failedFiles: integer("failed_files").notNull().default(0),
    errorMessage: text("error_message"),
    startedAt: ts("started_at"),
    finishedAt: ts("finished_at"),
    executionTime: doublePrecision("execution_time"), // seconds
    createdAt: createdAt(),
    modifiedAt: ts("modified_at").notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex("executions_pipeline_fire_uq").on(t.pipelineId, t.scheduledFor),
    index("executions_pipeline_recent_idx").on(t.pipelineId, sql`${t.createdAt} DESC`, sql`${t.id} DESC`),
    index("executions_org_recent_idx").on(t.orgId, sql`${t.createdAt} DESC`, sql`${t.id} DESC`),
    // The Overview's runs of the last 24 hours by hour and status: read from the index alone
    // (status and pipeline_id ride along, the latter for a member's visibility check).
    index("executions_org_created_status_idx").on(t.orgId, t.createdAt, t.status, t.pipelineId),
    index("executions_claim_idx").on(t.createdAt).where(sql`${t.status} = 'PENDING'`),
    index("executions_lease_idx").on(t.leaseExpiresAt).where(sql`${t.status} = 'EXECUTING'`),
  ],
);

// How many runs of an org were created in each hour, by their current status: what the
// Overview's 24-hour chart reads for an admin (at most 24 × 5 rows, not every run of the day).
// Written only by statement triggers on executions (migration 0005), as appended deltas that
// never update a row, so runs starting and ending at once never wait on a shared counter;
// the worker folds the deltas of each key into one row now and then (lib/domain/run-hours.ts).
// Only the last 25 hours are kept: the chart reaches back 24.
export const runHourCounts = pgTable(
  "run_hour_counts",
  {
    orgId: text("org_id").notNull(),
    hour: ts("hour").notNull(),
    status: executionStatusEnum("status").notNull(),
    runs: integer("runs").notNull(),
  },
  (t) => [index("run_hour_counts_org_hour_idx").on(t.orgId, t.hour)],
);

export const executionLogs = pgTable(
  "execution_logs",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    executionId: uuid("execution_id")
      .notNull()
      .references(() => executions.id, { onDelete: "cascade" }),
    at: ts("at").notNull().defaultNow(),
    level: text("level").notNull().default("INFO"),
    message: text("message").notNull(),
  },
  (t) => [index("execution_logs_execution_idx").on(t.executionId, t.id)],
);

// ---------------------------------------------------------------- storage

export const storageRecords = pgTable(
  "storage_records",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: text("org_id").notNull(),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    jobId: uuid("job_id").references(() => jobs.id, { onDelete: "set null" }),
    executionId: uuid("execution_id"),
    kind: text("kind").notNull().default("record"), // record | checkpoint
    data: jsonb("data").$type<unknown>().notNull(),
    bytes: integer("bytes").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("storage_records_pipeline_idx").on(t.pipelineId, t.id)],
);

// Progress of the storage clear under way (or last finished) for one pipeline.
export const storageClears = pgTable("storage_clears", {
  pipelineId: uuid("pipeline_id")
    .primaryKey()
    .references(() => pipelines.id, { onDelete: "cascade" }),
  orgId: text("org_id").notNull(),
  totalRows: bigint("total_rows", { mode: "number" }).notNull().default(0),
  totalBytes: bigint("total_bytes", { mode: "number" }).notNull().default(0),
  doneRows: bigint("done_rows", { mode: "number" }).notNull().default(0),
  doneBytes: bigint("done_bytes", { mode: "number" }).notNull().default(0),
  leaseOwner: text("lease_owner"),
  leaseExpiresAt: ts("lease_expires_at"),
  startedAt: ts("started_at").notNull().defaultNow(),
  finishedAt: ts("finished_at"),
});

// ---------------------------------------------------------------- decommissions

/** One step of a decommission as it went: what it did and when. */
export interface DecommissionStep {
  step: DecommissionStepName;
  status: DecommissionStepStatus;
  started_at: string | null;
  finished_at: string | null;
  detail: string | null;
}

// The index predicates spell the states out (as the migration has them): `state in ('pausing', …)`.
const LIVE_DECOMMISSION = sql.raw(`state in (${LIVE_DECOMMISSION_STATES.map((s) => `'${s}'`).join(", ")})`);

// The server-side delete of a pipeline, step by step (pause, stop runs, clear storage, delete),
// driven by the worker. No foreign key to the pipeline: the plan outlives what it deletes, to
// say that it is done.
export const decommissions = pgTable(
  "decommissions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    pipelineId: uuid("pipeline_id").notNull(),
    pipelineName: text("pipeline_name").notNull(),
    /** The pipeline's owner when it started: who may still read the plan once it is deleted. */
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    state: decommissionStateEnum("state").notNull().default("pausing"),
    steps: jsonb("steps").$type<DecommissionStep[]>().notNull(),
    reason: text("reason"),
    startedBy: uuid("started_by").references(() => users.id, { onDelete: "set null" }),
    startedByLabel: text("started_by_label").notNull(),
    /** Set when several pipelines were decommissioned by one request. */
    batchId: uuid("batch_id"),
    /** The pipeline's configuration when it started (name, type, schedule, jobs, sharing). */
    snapshot: jsonb("snapshot").$type<Record<string, unknown>>().notNull(),
    /** Storage rows when it started (the clear's own total takes over once it begins). */
    totalRows: bigint("total_rows", { mode: "number" }).notNull().default(0),
    error: text("error"),
    /** Steps that failed in a row: a step that keeps failing ends the plan as failed. */
    failures: integer("failures").notNull().default(0),
    leaseOwner: text("lease_owner"),
    leaseExpiresAt: ts("lease_expires_at"),
    /** When a worker should look at it next (waiting on runs or a clear, it comes back later). */
    wakeAt: ts("wake_at").notNull().defaultNow(),
    startedAt: ts("started_at").notNull().defaultNow(),
    updatedAt: ts("updated_at").notNull().defaultNow(),
    finishedAt: ts("finished_at"),
  },
  (t) => [
    // At most one decommission under way per pipeline.
    uniqueIndex("decommissions_live_uq").on(t.pipelineId).where(LIVE_DECOMMISSION),
    index("decommissions_due_idx").on(t.wakeAt).where(LIVE_DECOMMISSION),
    index("decommissions_pipeline_idx").on(t.orgId, t.pipelineId, t.startedAt),
  ],
);

// ---------------------------------------------------------------- keys

export const pipelineKeys = pgTable(
  "pipeline_keys",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    orgId: text("org_id").notNull(),
    pipelineId: uuid("pipeline_id")
      .notNull()
      .references(() => pipelines.id, { onDelete: "cascade" }),
    keyHash: text("key_hash").notNull().unique(),
    prefix: text("prefix").notNull(),
    description: text("description").notNull().default(""),
    isActive: boolean("is_active").notNull().default(true),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: ts("last_used_at"),
    createdAt: createdAt(),
    modifiedAt: ts("modified_at").notNull().defaultNow(),
  },
  (t) => [index("pipeline_keys_pipeline_idx").on(t.pipelineId, t.createdAt)],
);

// ---------------------------------------------------------------- outbox and audit

export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    topic: text("topic").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    availableAt: ts("available_at").notNull().defaultNow(),
    createdAt: createdAt(),
    deliveredAt: ts("delivered_at"),
  },
  (t) => [index("outbox_pending_idx").on(t.availableAt, t.id).where(sql`${t.deliveredAt} IS NULL`)],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    orgId: text("org_id")
      .notNull()
      .references(() => orgs.id, { onDelete: "cascade" }),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorLabel: text("actor_label").notNull(), // email, "pipeline key …" or "system"
    action: text("action").notNull(),
    objectType: text("object_type").notNull(),
    objectId: text("object_id").notNull(),
    objectName: text("object_name"),
    reason: text("reason"),
    details: jsonb("details").$type<Record<string, unknown>>(),
    at: ts("at").notNull().defaultNow(),
  },
  (t) => [
    index("audit_events_org_recent_idx").on(t.orgId, sql`${t.at} DESC`, sql`${t.id} DESC`),
    index("audit_events_object_idx").on(t.orgId, t.objectType, t.objectId),
  ],
);

export type Org = typeof orgs.$inferSelect;
export type User = typeof users.$inferSelect;
export type Membership = typeof memberships.$inferSelect;
export type PersonalToken = typeof personalTokens.$inferSelect;
export type Pipeline = typeof pipelines.$inferSelect;
export type NewPipeline = typeof pipelines.$inferInsert;
export type Execution = typeof executions.$inferSelect;
export type Schedule = typeof schedules.$inferSelect;
export type PipelineKey = typeof pipelineKeys.$inferSelect;
export type Resource = typeof resources.$inferSelect;
export type Wrapper = typeof wrappers.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type Decommission = typeof decommissions.$inferSelect;
// The enumerated types, as the vocabulary names them (the pgEnums above are built from it).
export type { DecommissionState, ExecutionStatus, PipelineType, Role } from "../lib/vocabulary";

// ---------------------------------------------------------------- security

// Failed sign-in counts, shared by every web instance (lib/security/rate-limit.ts). The shape is
// rate-limiter-flexible's own table for Postgres (it reads and writes it with its own SQL):
// key = "<limit>:<client key>", points = attempts in the window, expire = when the window ends
// (ms since the epoch).
export const signInLimits = pgTable("sign_in_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: bigint("expire", { mode: "number" }),
});
