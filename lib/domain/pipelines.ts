// Pipelines: create, read, list, update, pause/resume and delete, with the rules of §1.
import { and, asc, count, eq, getTableColumns, ilike, inArray, sql, type SQL } from "drizzle-orm";
import type { Db, Queryable } from "@/db/client";
import {
  jobs,
  memberships,
  orgs,
  pipelineShares,
  pipelines,
  type DecommissionState,
  type Execution,
  type Pipeline,
  type PipelineType,
} from "@/db/schema";
import { auditInTx, type AuditActor } from "./audit";
import { notifyInTx } from "./events";
import { removeStorageFiles } from "./storage-files";
import { DomainError, InvalidFields, invalid, notFound } from "./errors";
import { issuePipelineKey } from "./keys";
import { afterCursor, decodeCursor, keysetPage, orderBy, pageOffset, type Sort } from "./keyset";
import { assertCanChange, loadVisiblePipeline, visibleTo } from "./pipeline-access";
import type { Principal } from "./principal";
import { assertResumeAt, setActiveInTx, syncSchedule } from "./pausing";
import { pipelineConfigInTx } from "./pipeline-config";
import { addJobs, replaceJobs, type JobInput } from "./pipeline-jobs";
import { canonicalTimezone, nextRun, scheduleProblems } from "./schedule-rules";
import { pipelineNameProblem } from "@/lib/pipeline-name-rules";
import type { PipelineOrdering } from "@/lib/vocabulary";
import { isUniqueViolation } from "./sql-errors";

export type { Pipeline };

export type { JobInput, JobView } from "./pipeline-jobs";

export interface PipelineInput {
  name?: string;
  type?: PipelineType;
  description?: string;
  cronString?: string | null;
  timezone?: string;
  active?: boolean;
  sharedToOrg?: boolean;
  sharedUserIds?: string[];
  jobs?: JobInput[];
  reason?: string | null;
  /** With active=false: when the scheduler resumes it (null: until someone does). */
  resumeAt?: Date | null;
}

export interface RecentRun {
  executionId: string;
  status: Execution["status"];
  timestamp: Date;
  successfulFiles: number;
  failedFiles: number;
}

export interface PipelineDetails extends Pipeline {
  ownerEmail: string;
  modifiedByEmail: string | null;
  sharedUsers: { id: string; email: string; name: string }[];
  recentRuns: RecentRun[]; // oldest first
  nextRunTime: Date | null;
  /** The decommission under way, if one is. */
  decommission: { id: string; state: DecommissionState } | null;
}

const NAME_TAKEN = "This pipeline name is already in use. Please select a different name.";

// ---------------------------------------------------------------- reading

interface RecentRunJson {
  id: string;
  status: Execution["status"];
  created_at: string;
  successful_files: number;
  failed_files: number;
}

/**
 * Owner, shares and the last five runs of each row of `pipelines` (the table, or a page of it
 * aliased "pipelines"), as correlated subqueries: the shares and the runs come back as one JSON
 * array per pipeline (built by Postgres), which costs the server far less than a row per run.
 * Written out with table names: inside a one-table select drizzle renders a column
 * unqualified, and a bare "id" would mean the subquery's own.
 */
const detailColumns = {
  ownerEmail: sql<string | null>`(select u.email from users u where u.id = pipelines.owner_id)`,
  modifiedByEmail: sql<string | null>`(select u.email from users u where u.id = pipelines.modified_by)`,
  sharedUsers: sql<PipelineDetails["sharedUsers"]>`coalesce((
    select json_agg(json_build_object('id', u.id, 'email', u.email, 'name', u.name) order by u.email)
    from pipeline_shares s join users u on u.id = s.user_id
    where s.pipeline_id = pipelines.id), '[]'::json)`,
  recentRuns: sql<RecentRunJson[]>`coalesce((
    select json_agg(r order by r.created_at, r.id)
    from (select e.id, e.status, e.created_at, e.successful_files, e.failed_files
          from executions e where e.pipeline_id = pipelines.id
          order by e.created_at desc, e.id desc limit 5) r), '[]'::json)`,
  // At most one (a unique partial index): an index probe per row.
  decommission: sql<PipelineDetails["decommission"]>`(
    select json_build_object('id', d.id, 'state', d.state) from decommissions d
    where d.pipeline_id = pipelines.id and d.state in ('pausing', 'stopping', 'clearing', 'deleting'))`,
};

interface DetailJson {
  ownerEmail: string | null;
  modifiedByEmail: string | null;
  sharedUsers: PipelineDetails["sharedUsers"] | null;
  recentRuns: RecentRunJson[] | null;
  decommission: PipelineDetails["decommission"];
}

function detailed(p: Pipeline, extra: DetailJson | undefined): PipelineDetails {
  // Every field named, not spread: rows come from drizzle's mapper as dictionary-mode objects
  // (it adds 30 properties by computed key), and a spread of one was a tenth of a list
  // request's CPU; a literal is one fast object of a shape shared by every row.
  return {
    id: p.id,
    orgId: p.orgId,
    name: p.name,
    type: p.type,
    description: p.description,
    ownerId: p.ownerId,
    modifiedBy: p.modifiedBy,
    active: p.active,
    cronString: p.cronString,
    sharedToOrg: p.sharedToOrg,
    storageStatus: p.storageStatus,
    runCount: p.runCount,
    lastRunTime: p.lastRunTime,
    lastRunStatus: p.lastRunStatus,
    pausedBy: p.pausedBy,
    pausedByLabel: p.pausedByLabel,
    pausedAt: p.pausedAt,
    pauseReason: p.pauseReason,
    resumeAt: p.resumeAt,
    storageRows: p.storageRows,
    storageBytes: p.storageBytes,
    createdAt: p.createdAt,
    modifiedAt: p.modifiedAt,
    // A row stored before names were made canonical still reads by its current IANA name.
    timezone: canonicalTimezone(p.timezone) ?? p.timezone,
    ownerEmail: extra?.ownerEmail ?? "",
    modifiedByEmail: extra?.modifiedByEmail ?? null,
    sharedUsers: extra?.sharedUsers ?? [],
    recentRuns: (extra?.recentRuns ?? []).map((r) => ({
      executionId: r.id,
      status: r.status,
      timestamp: new Date(r.created_at),
      successfulFiles: r.successful_files,
      failedFiles: r.failed_files,
    })),
    nextRunTime: p.active ? nextRun(p.cronString, p.timezone) : null,
    decommission: extra?.decommission ?? null,
  };
}

/** Adds owner, shares, the last five runs and the next run time to pipeline rows: one statement. */
export async function withDetails(db: Queryable, rows: Pipeline[]): Promise<PipelineDetails[]> {
  if (rows.length === 0) return [];
  const extras = await db
    .select({ id: pipelines.id, ...detailColumns })
    .from(pipelines)
    // The rows' org rides along, so even this read by already-authorized ids names its org.
    .where(and(inArray(pipelines.id, rows.map((p) => p.id)), inArray(pipelines.orgId, [...new Set(rows.map((p) => p.orgId))])));
  const byId = new Map(extras.map((e) => [e.id, e]));
  return rows.map((p) => detailed(p, byId.get(p.id)));
}

export async function getPipeline(db: Queryable, actor: Principal, id: string): Promise<PipelineDetails> {
  const { pipeline } = await loadVisiblePipeline(db, actor, id);
  const [details] = await withDetails(db, [pipeline]);
  if (!details) throw notFound();
  return details;
}

// ---------------------------------------------------------------- listing

export { PIPELINE_ORDERINGS, type PipelineOrdering } from "@/lib/vocabulary";

const iso = (d: Date | null) => (d ? d.toISOString() : "-infinity");
const lastRunKey = sql`coalesce(${pipelines.lastRunTime}, '-infinity'::timestamptz)`;
const keys = {
  lastRun: { expr: lastRunKey, cast: "timestamptz", read: (p: Pipeline) => iso(p.lastRunTime) },
  createdAt: { expr: sql`${pipelines.createdAt}`, cast: "timestamptz", read: (p: Pipeline) => p.createdAt.toISOString() },
  id: { expr: sql`${pipelines.id}`, cast: "uuid", read: (p: Pipeline) => p.id },
  name: { expr: sql`${pipelines.name}`, cast: "text", read: (p: Pipeline) => p.name },
  runCount: { expr: sql`${pipelines.runCount}`, cast: "int4", read: (p: Pipeline) => String(p.runCount) },
} as const satisfies Record<string, Sort<Pipeline>["keys"][number]>;

const sortKeys: Record<PipelineOrdering, Sort<Pipeline>["keys"]> = {
  // Never-run pipelines count as the earliest time: last in "-last_run_time", first ascending.
  last_run_time: [keys.lastRun, keys.createdAt, keys.id],
  created_at: [keys.createdAt, keys.id],
  pipeline_name: [keys.name], // unique in the org: no tie to break
  run_count: [keys.runCount, keys.id],
};

/** The default order of §1: last_run_time DESC NULLS LAST, then created_at DESC. */
export function pipelineSort(ordering?: { field: PipelineOrdering; desc: boolean }): Sort<Pipeline> {
  if (!ordering) return { name: "default", keys: sortKeys.last_run_time, desc: true };
  return { name: `${ordering.desc ? "-" : ""}${ordering.field}`, keys: sortKeys[ordering.field], desc: ordering.desc };
}

export interface PipelineListQuery {
  page: number;
  pageSize: number;
  type?: PipelineType;
  active?: boolean;
  search?: string;
  ordering?: { field: PipelineOrdering; desc: boolean };
  cursor?: string;
}

export interface PipelineList {
  count: number;
  results: PipelineDetails[];
  /** Page mode: whether neighbours exist. Cursor mode: their cursors. */
  hasNext: boolean;
  hasPrevious: boolean;
  nextCursor: string | null;
  previousCursor: string | null;
}

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

function listFilters(actor: Principal, query: PipelineListQuery): (SQL | undefined)[] {
  return [
    visibleTo(actor),
    query.type ? eq(pipelines.type, query.type) : undefined,
    query.active === undefined ? undefined : eq(pipelines.active, query.active),
    query.search ? ilike(pipelines.name, `%${escapeLike(query.search)}%`) : undefined,
  ];
}

/** The query of one page of pipelines (limit + 1 rows), unexecuted: a test EXPLAINs it. */
export function pipelinePageQuery(db: Queryable, actor: Principal, query: PipelineListQuery) {
  const sort = pipelineSort(query.ordering);
  const cursor = query.cursor ? decodeCursor(query.cursor, sort as Sort<unknown>) : null;
  const offset = pageOffset(query.page, query.pageSize, cursor);
  return {
    sort,
    cursor,
    offset,
    rows: db
      .select()
      .from(pipelines)
      .where(and(...listFilters(actor, query), cursor ? afterCursor(sort, cursor) : undefined))
      .orderBy(...orderBy(sort, cursor?.backwards ?? false))
      .limit(query.pageSize + 1)
      .offset(offset),
  };
}

/**
 * How many pipelines the list matches. An admin's unfiltered list is the org's whole set, whose
 * size the triggers of migration 0001 keep on the org row: at 100,000 pipelines that is one
 * row read instead of a 30 ms scan on every request. Any filter or a member's visibility
 * rule needs the real count.
 */
function countQuery(db: Queryable, actor: Principal, query: PipelineListQuery) {
  const unfiltered = actor.role === "admin" && !query.type && query.active === undefined && !query.search;
  if (unfiltered) return db.select({ n: orgs.pipelineCount }).from(orgs).where(eq(orgs.id, actor.orgId));
  return db.select({ n: count() }).from(pipelines).where(and(...listFilters(actor, query)));
}

/**
 * One page with its details and the list's count, in one statement: the page (limit + 1 rows,
 * an index walk) is aliased "pipelines" so the detail subqueries run for its rows only (in the
 * select list of the page itself they would also run for every row an offset skips), and the
 * count is an uncorrelated subquery Postgres runs once. Each statement is a round trip whose
 * socket write alone cost ~0.3 ms of server CPU here: two fewer per list request.
 */
// The page's columns as the table's own Column objects, which read the subquery aliased
// "pipelines" by the same names. drizzle's fields of the subquery (`page._.selectedFields`) are
// Proxies, and drizzle maps every field of every row through `is()` checks that walk a Proxy's
// prototype chain: with 51 rows of 30 fields that was a fifth of the server's CPU per list
// request (bench row a). A real Column is recognised by its first `instanceof`.
const pageColumns = getTableColumns(pipelines);

export async function listPipelines(db: Queryable, actor: Principal, query: PipelineListQuery): Promise<PipelineList> {
  const { sort, cursor, offset, rows: pageQuery } = pipelinePageQuery(db, actor, query);
  const page = pageQuery.as("pipelines");
  const rows = await db
    .select({ ...pageColumns, ...detailColumns, total: sql<number>`(${countQuery(db, actor, query)})`.mapWith(Number) })
    .from(page)
    .orderBy(...orderBy(sort, cursor?.backwards ?? false));
  // No rows: on page 1 the list is empty, past it the page does not exist; only a cursor
  // that walked off the end needs the count asked apart.
  let n = rows[0]?.total ?? 0;
  if (rows.length === 0 && cursor) n = (await countQuery(db, actor, query))[0]?.n ?? 0;
  if (!cursor && query.page > 1 && offset >= n) throw notFound("Invalid page.");
  const kept = keysetPage(sort, rows, query.pageSize, cursor);
  return {
    count: n,
    results: kept.rows.map((row) => detailed(row, row)),
    hasNext: cursor ? kept.next !== null : rows.length > query.pageSize,
    hasPrevious: cursor ? kept.previous !== null : query.page > 1,
    nextCursor: kept.next,
    previousCursor: kept.previous,
  };
}

// ---------------------------------------------------------------- writing

async function nameTaken(db: Queryable, orgId: string, name: string, exceptId?: string): Promise<boolean> {
  const [clash] = await db
    .select({ id: pipelines.id })
    .from(pipelines)
    .where(and(eq(pipelines.orgId, orgId), eq(pipelines.name, name)));
  return !!clash && clash.id !== exceptId;
}

/**
 * The name and the schedule checked together, so one answer names every field at fault; the
 * timezone comes back by its canonical IANA name (Asia/Calcutta is stored as Asia/Kolkata).
 */
async function checkNameAndSchedule(
  db: Queryable,
  orgId: string,
  name: { value: string; exceptId?: string } | null,
  schedule: { cronString: string | null | undefined; timezone: string } | null,
): Promise<string | null> {
  // Only a new or changed name is checked: pipelines named before the rule keep their names.
  const badName = name ? pipelineNameProblem(name.value) : null;
  const problems = badName
    ? [{ message: badName, field: "pipeline_name" }]
    : name && (await nameTaken(db, orgId, name.value, name.exceptId))
      ? [{ message: NAME_TAKEN, field: "pipeline_name" }]
      : [];
  if (schedule) problems.push(...scheduleProblems(schedule.cronString, schedule.timezone));
  if (problems.length) throw new InvalidFields(problems);
  return schedule ? (canonicalTimezone(schedule.timezone) ?? schedule.timezone) : null;
}

async function checkShareTargets(db: Queryable, actor: Principal, ownerId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const found = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.orgId, actor.orgId), inArray(memberships.userId, userIds)));
  const members = new Set(found.map((m) => m.userId));
  const stranger = userIds.find((id) => !members.has(id));
  if (stranger) throw invalid(`Invalid pk "${stranger}" - object does not exist.`, "shared_users");
  if (userIds.includes(ownerId)) throw invalid("The owner already has access to this pipeline.", "shared_users");
}

async function replaceShares(tx: Queryable, pipelineId: string, userIds: string[]): Promise<void> {
  await tx.delete(pipelineShares).where(eq(pipelineShares.pipelineId, pipelineId));
  if (userIds.length) {
    await tx.insert(pipelineShares).values([...new Set(userIds)].map((userId) => ({ pipelineId, userId })));
  }
}

export interface CreateOptions {
  /** Created paused, with this reason (an import): no run starts until someone resumes it. */
  paused?: { reason: string };
  /** §1 creation makes the first API key; an import makes none (never the old ones). */
  issueKey?: boolean;
}

/** Creates a pipeline (active unless asked paused), its schedule when it has a cron, and its first API key. */
export async function createPipelineInTx(tx: Queryable, actor: Principal, input: PipelineInput & { name: string; id?: string }, options: CreateOptions = {}) {
  const timezone = (await checkNameAndSchedule(tx, actor.orgId, { value: input.name }, { cronString: input.cronString, timezone: input.timezone ?? "UTC" })) ?? "UTC";
  await checkShareTargets(tx, actor, actor.userId, input.sharedUserIds ?? []);
  const [created] = await tx
    .insert(pipelines)
    .values({
      id: input.id,
      orgId: actor.orgId,
      name: input.name,
      type: input.type ?? "DEFAULT",
      description: input.description ?? "",
      ownerId: actor.userId,
      modifiedBy: actor.userId,
      cronString: input.cronString || null,
      timezone,
      sharedToOrg: input.sharedToOrg ?? false,
    })
    .returning();
  if (!created) throw new Error("insert returned no row");
  let pipeline = created;
  await syncSchedule(tx, pipeline);
  await replaceShares(tx, pipeline.id, input.sharedUserIds ?? []);
  await addJobs(tx, pipeline, input.jobs ?? []);
  const key = options.issueKey === false ? null : await issuePipelineKey(tx, pipeline, actor, `API Key for ${pipeline.name}`);
  await auditInTx(tx, actor, { action: "pipeline.create", objectType: "pipeline", objectId: pipeline.id, objectName: pipeline.name, reason: input.reason });
  // Created, then paused by the one pause (its audit row follows the creation's); the creation is the event.
  if (options.paused) pipeline = await setActiveInTx(tx, actor, pipeline, false, { reason: options.paused.reason, announce: false });
  await notifyInTx(tx, { kind: "pipeline", org_id: pipeline.orgId, pipeline_id: pipeline.id, change: "created", name: pipeline.name });
  return { pipeline, key };
}

/** Two requests may race for one name: the unique index decides, with the same message. */
async function nameRace<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (isUniqueViolation(error, "pipelines_org_name_uq")) throw invalid(NAME_TAKEN, "pipeline_name");
    throw error;
  }
}

/** Creates a pipeline; a client-chosen `id` (a uuid) must not be taken, in any org. */
export async function createPipeline(db: Db, actor: Principal, input: PipelineInput & { name: string; id?: string }) {
  const { pipeline, key } = await nameRace(() =>
    db.transaction(async (tx) => {
      if (input.id) {
        const [taken] = await tx.select({ id: pipelines.id }).from(pipelines).where(eq(pipelines.id, input.id));
        if (taken) throw invalid("A pipeline with this id already exists.", "id");
      }
      return createPipelineInTx(tx, actor, input);
    }),
  );
  const [details] = await withDetails(db, [pipeline]);
  if (!details || !key) throw notFound();
  return { pipeline: details, key };
}

/** The fields of an update besides pause/resume: a change to any of them is a "pipeline.update". */
const EDIT_FIELDS = ["name", "type", "description", "cronString", "timezone", "sharedToOrg", "sharedUserIds", "jobs"] as const;

/**
 * Update (PUT replaces the editable fields, PATCH only those given). Owner or org admin. A change
 * of `active` is a pause or resume (who, when, why, until when); `resumeAt` needs a pause.
 */
export async function updatePipeline(
  db: Db,
  actor: Principal,
  id: string,
  input: PipelineInput,
  options: { reason?: string | null } = {},
): Promise<PipelineDetails> {
  const updated = await nameRace(() =>
    db.transaction(async (tx) => {
      const access = await loadVisiblePipeline(tx, actor, id, true);
      assertCanChange(actor, access);
      const before = access.pipeline;
      const cronString = input.cronString === undefined ? before.cronString : input.cronString || null;
      const scheduleChanged = input.cronString !== undefined || input.timezone !== undefined;
      const checked = await checkNameAndSchedule(
        tx,
        actor.orgId,
        input.name !== undefined && input.name !== before.name ? { value: input.name, exceptId: id } : null,
        scheduleChanged ? { cronString, timezone: input.timezone ?? before.timezone } : null,
      );
      const timezone = checked ?? before.timezone;
      if (input.sharedUserIds) await checkShareTargets(tx, actor, before.ownerId, input.sharedUserIds);

      const pausedAfter = input.active === undefined ? !before.active : !input.active;
      if (input.resumeAt) {
        if (!pausedAfter) throw invalid("Only a paused pipeline has a resume time: send active: false with it.", "resume_at");
        assertResumeAt(input.resumeAt);
      }
      const activeChanged = input.active !== undefined && input.active !== before.active;
      const [edited] = await tx
        .update(pipelines)
        .set({
          name: input.name,
          type: input.type,
          description: input.description,
          cronString,
          timezone,
          sharedToOrg: input.sharedToOrg,
          // Already paused: a new resume time (or null, for "until someone resumes it") replaces the old.
          ...(!activeChanged && pausedAfter && input.resumeAt !== undefined ? { resumeAt: input.resumeAt } : {}),
          modifiedBy: actor.userId,
          modifiedAt: new Date(),
        })
        .where(and(eq(pipelines.id, id), eq(pipelines.orgId, actor.orgId)))
        .returning();
      if (!edited) throw notFound();
      let pipeline = edited;
      if (input.sharedUserIds) await replaceShares(tx, id, input.sharedUserIds);
      if (input.jobs) await replaceJobs(tx, pipeline, input.jobs);

      const audit = { objectType: "pipeline" as const, objectId: id, objectName: pipeline.name, reason: options.reason };
      if (input.sharedUserIds || (input.sharedToOrg !== undefined && input.sharedToOrg !== before.sharedToOrg)) {
        await auditInTx(tx, actor, {
          ...audit,
          action: "pipeline.share",
          details: { shared_users: input.sharedUserIds ?? null, shared_to_org: pipeline.sharedToOrg },
        });
      }
      // A pause alone is one "pipeline.pause" entry (written by the pause), not a pause and an update.
      const changed = EDIT_FIELDS.some((field) => input[field] !== undefined) || (!activeChanged && input.resumeAt !== undefined);
      if (changed) await auditInTx(tx, actor, { ...audit, action: "pipeline.update" });
      if (activeChanged) {
        // The one pause/resume: flag, who/when/why, schedule, its audit row and the event.
        pipeline = await setActiveInTx(tx, actor, pipeline, !before.active, { reason: options.reason, resumeAt: input.resumeAt });
      } else {
        await syncSchedule(tx, pipeline);
        await notifyInTx(tx, { kind: "pipeline", org_id: pipeline.orgId, pipeline_id: id, change: "updated", active: pipeline.active, name: pipeline.name });
      }
      return pipeline;
    }),
  );
  const [details] = await withDetails(db, [updated]);
  if (!details) throw notFound();
  return details;
}

/**
 * Pause (active=false) or resume. One flag, whichever dialect sets it: the schedule follows;
 * running executions continue. Throws conflict when already in that state (Maestro answers
 * 400 PipelineAlreadyPaused / PipelineNotPaused); §1's PATCH goes through updatePipeline.
 */
export async function setPipelineActive(db: Db, actor: Principal, id: string, active: boolean, reason?: string | null) {
  return db.transaction(async (tx) => {
    const access = await loadVisiblePipeline(tx, actor, id, true);
    assertCanChange(actor, access);
    if (access.pipeline.active === active) {
      throw active
        ? new DomainError("conflict", "Pipeline is not paused", null, "PipelineNotPaused")
        : new DomainError("conflict", "Pipeline is already paused", null, "PipelineAlreadyPaused");
    }
    return setActiveInTx(tx, actor, access.pipeline, active, { reason });
  });
}

/**
 * Deletes a pipeline and everything that is its own (jobs, job states, executions and logs,
 * schedule, keys, shares, storage rows) inside the caller's transaction; resources and
 * destination tables stay. The audit entry keeps the pipeline's configuration, so it can be
 * recreated. The caller has checked the actor may, and removes the storage files after commit.
 */
export async function deletePipelineInTx(tx: Queryable, actor: AuditActor, pipeline: Pipeline, reason?: string | null): Promise<Pipeline> {
  const [snapshot, shares] = await Promise.all([
    pipelineConfigInTx(tx, pipeline),
    tx.select({ userId: pipelineShares.userId }).from(pipelineShares).where(eq(pipelineShares.pipelineId, pipeline.id)),
  ]);
  // Every dependent row goes by ON DELETE CASCADE, inside this transaction.
  const [removed] = await tx
    .delete(pipelines)
    .where(and(eq(pipelines.id, pipeline.id), eq(pipelines.orgId, pipeline.orgId)))
    .returning();
  if (!removed) throw notFound();
  await auditInTx(tx, actor, {
    action: "pipeline.delete",
    objectType: "pipeline",
    objectId: removed.id,
    objectName: removed.name,
    reason,
    details: { snapshot },
  });
  await notifyInTx(tx, {
    kind: "pipeline",
    org_id: removed.orgId,
    pipeline_id: removed.id,
    change: "deleted",
    name: removed.name,
    audience: { owner_id: removed.ownerId, shared_to_org: removed.sharedToOrg, shared_user_ids: shares.map((s) => s.userId) },
  });
  return removed;
}

/** Deletes a pipeline at once (the §1 and Maestro DELETE): owner or org admin, one transaction. */
export async function deletePipeline(db: Db, actor: Principal, id: string, reason?: string | null): Promise<Pipeline> {
  const removed = await db.transaction(async (tx) => {
    const access = await loadVisiblePipeline(tx, actor, id, true);
    assertCanChange(actor, access);
    return deletePipelineInTx(tx, actor, access.pipeline, reason);
  });
  // Files go only once the rows are gone for good: a failed transaction leaves both.
  await removeStorageFiles(id);
  return removed;
}

export type Job = typeof jobs.$inferSelect;

/**
 * The jobs a run of each pipeline executes, in order. For pipelines the caller has already
 * loaded through a visibility check (getPipeline, listPipelines); the org bounds it anyway.
 */
export async function jobsOfPipelines(db: Queryable, orgId: string, pipelineIds: string[]): Promise<Map<string, Job[]>> {
  const byPipeline = new Map<string, Job[]>(pipelineIds.map((id) => [id, []]));
  if (pipelineIds.length === 0) return byPipeline;
  const rows = await db
    .select()
    .from(jobs)
    .where(and(eq(jobs.orgId, orgId), inArray(jobs.pipelineId, pipelineIds)))
    .orderBy(asc(jobs.pipelineId), asc(jobs.position));
  for (const job of rows) byPipeline.get(job.pipelineId)?.push(job);
  return byPipeline;
}
