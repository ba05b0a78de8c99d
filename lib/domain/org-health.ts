// The org's health as the Overview shows it: what failed last time, what runs now, what is paused
// (by whom and why), what fires next, the storage in use and the runs of the last 24 hours, all
// among the pipelines the principal may see, in one statement.
import { sql, type SQL } from "drizzle-orm";
import type { Queryable } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { EXECUTION_STATUSES, type ExecutionStatus } from "@/lib/vocabulary";
import { visibleTo } from "./pipeline-access";
import type { Principal } from "./principal";

/** How many pipelines each short list names; the counts are always whole. */
export const HEALTH_LIST_SIZE = 5;
/** How many upcoming fire times the overview names. */
export const NEXT_RUNS_SIZE = 10;
/** Hourly buckets of the runs chart: the current hour and the 23 before it. */
export const RUN_HOURS = 24;

export interface FailingPipeline {
  id: string;
  name: string;
  lastRunTime: Date | null;
}

export interface PausedPipeline {
  id: string;
  name: string;
  pausedBy: string | null;
  pausedAt: Date | null;
  pauseReason: string | null;
  resumeAt: Date | null;
}

export interface RunningExecution {
  id: string;
  pipelineId: string;
  pipelineName: string;
  status: ExecutionStatus;
  createdAt: Date;
}

export interface NextRun {
  pipelineId: string;
  pipelineName: string;
  fireAt: Date;
}

export type StatusCounts = Record<ExecutionStatus, number>;

export interface HourOfRuns {
  hour: Date;
  counts: StatusCounts;
}

export interface OrgHealth {
  at: Date;
  pipelines: number;
  failing: { count: number; pipelines: FailingPipeline[] };
  running: { count: number; pending: number; executing: number; runs: RunningExecution[] };
  paused: { count: number; pipelines: PausedPipeline[] };
  nextRuns: NextRun[];
  storage: { bytes: number; records: number; pipelines: number };
  runs24h: { since: Date; total: number; byStatus: StatusCounts; byHour: HourOfRuns[] };
}

// What the statement answers: one row of JSON columns (timestamps as text).
interface HealthRow {
  at: string;
  totals: { pipelines: number; failing: number; paused: number; bytes: number; records: number; storing: number };
  failing: { id: string; name: string; last_run_time: string | null }[];
  paused: { id: string; name: string; paused_by: string | null; paused_at: string | null; pause_reason: string | null; resume_at: string | null }[];
  running: { count: number; pending: number; executing: number; runs: { id: string; pipeline_id: string; pipeline_name: string; status: ExecutionStatus; created_at: string }[] };
  next_runs: { pipeline_id: string; pipeline_name: string; fire_at: string }[];
  since: string;
  hours: { hour: string; status: ExecutionStatus; n: number }[];
}

const date = (s: string) => new Date(s);
const dateOrNull = (s: string | null) => (s === null ? null : new Date(s));
const zeroCounts = (): StatusCounts => Object.fromEntries(EXECUTION_STATUSES.map((s) => [s, 0])) as StatusCounts;

/** The health of the principal's org, among the pipelines they may see (admins: all of them). */
export async function orgHealth(db: Queryable, actor: Principal): Promise<OrgHealth> {
  const result = await db.execute(healthStatement(actor));
  const [row] = rowsOf<HealthRow & { at: string | Date; since: string | Date }>(result);
  if (!row) throw new Error("The health statement answered no row.");
  return healthFrom(row);
}

// An admin's figures come from indexes of just what they count, so their cost follows the
// failing, paused and storing pipelines and the runs going now, not the org's size: partial
// indexes of failing, paused and storing pipelines (migration 0005), the org's kept pipeline
// count, and for the 24-hour chart the hourly run counts kept by triggers (run_hour_counts).
function adminFigures(org: string) {
  const inOrg = sql`org_id = ${org}`;
  return sql`
    storing as (
      select coalesce(sum(storage_bytes), 0)::float8 as bytes, coalesce(sum(storage_rows), 0)::float8 as records,
             count(*)::int as pipelines
      from pipelines where ${inOrg} and storage_rows > 0
    ),
    totals as (
      select (select pipeline_count from orgs where id = ${org}) as pipelines,
             (select count(*) from pipelines where ${inOrg} and last_run_status = 'FAILURE')::int as failing,
             (select count(*) from pipelines where ${inOrg} and active = false)::int as paused,
             s.bytes, s.records, s.pipelines as storing
      from storing s
    ),
    failing as (
      select id, name, last_run_time from pipelines where ${inOrg} and last_run_status = 'FAILURE'
      order by last_run_time desc nulls last, id limit ${HEALTH_LIST_SIZE}
    ),
    paused as (
      select id, name, paused_by_label as paused_by, paused_at, pause_reason, resume_at
      from pipelines where ${inOrg} and active = false
      order by paused_at desc nulls last, id limit ${HEALTH_LIST_SIZE}
    ),
    next_due as (
      select s.pipeline_id, s.next_fire_at from schedules s join pipelines p on p.id = s.pipeline_id and p.org_id = ${org}
      where s.org_id = ${org} and s.active and s.next_fire_at is not null and p.active
      order by s.next_fire_at, s.pipeline_id limit ${NEXT_RUNS_SIZE}
    ),
    running as (${runningNow(org, sql``)}),
    hours as (
      select hour, status, sum(runs)::int as n from run_hour_counts, window_start w
      where org_id = ${org} and hour >= w.since group by 1, 2 having sum(runs) <> 0
    )`;
}

// A member sees what they own, what is shared with them and what is shared to the org: the
// pipelines they see are read once (a materialized CTE of a few narrow columns), every figure
// comes from that one pass, and their chart counts the runs of just those pipelines. The few
// rows named are picked from it first and only then joined for their names.
function memberFigures(actor: Principal) {
  const org = actor.orgId;
  return sql`
    v as materialized (
      select id, active, last_run_status, last_run_time, paused_at, storage_rows, storage_bytes
      from pipelines where ${visibleTo(actor)}
    ),
    totals as (
      select count(*)::int as pipelines,
             (count(*) filter (where last_run_status = 'FAILURE'))::int as failing,
             (count(*) filter (where not active))::int as paused,
             coalesce(sum(storage_bytes), 0)::float8 as bytes,
             coalesce(sum(storage_rows), 0)::float8 as records,
             (count(*) filter (where storage_rows > 0))::int as storing
      from v
    ),
    failing_top as (
      select id, last_run_time from v where last_run_status = 'FAILURE'
      order by last_run_time desc nulls last, id limit ${HEALTH_LIST_SIZE}
    ),
    failing as (
      select p.id, p.name, p.last_run_time from failing_top f join pipelines p on p.id = f.id and p.org_id = ${org}
      order by f.last_run_time desc nulls last, f.id
    ),
    paused_top as (
      select id, paused_at from v where not active
      order by paused_at desc nulls last, id limit ${HEALTH_LIST_SIZE}
    ),
    paused as (
      select p.id, p.name, p.paused_by_label as paused_by, p.paused_at, p.pause_reason, p.resume_at
      from paused_top t join pipelines p on p.id = t.id and p.org_id = ${org}
      order by t.paused_at desc nulls last, t.id
    ),
    next_due as (
      select s.pipeline_id, s.next_fire_at from schedules s join v on v.id = s.pipeline_id
      where s.org_id = ${org} and s.active and s.next_fire_at is not null and v.active
      order by s.next_fire_at, s.pipeline_id limit ${NEXT_RUNS_SIZE}
    ),
    running as (${runningNow(org, sql`and e.pipeline_id in (select id from v)`)}),
    hours as (
      select date_trunc('hour', e.created_at, 'UTC') as hour, e.status, count(*)::int as n
      from executions e join v on v.id = e.pipeline_id, window_start w
      where e.org_id = ${org} and e.created_at >= w.since
      group by 1, 2
    )`;
}

// One branch per status, each matching its partial index (executions_claim_idx,
// executions_lease_idx): an IN list matches neither and scans every run.
function runningNow(org: string, visible: SQL) {
  return sql`
    select e.id, e.pipeline_id, e.status, e.created_at from executions e
    where e.org_id = ${org} and e.status = 'PENDING' ${visible}
    union all
    select e.id, e.pipeline_id, e.status, e.created_at from executions e
    where e.org_id = ${org} and e.status = 'EXECUTING' ${visible}`;
}

function healthStatement(actor: Principal) {
  const org = actor.orgId;
  const figures = actor.role === "admin" ? adminFigures(org) : memberFigures(actor);
  return sql`
    with window_start as (
      select date_trunc('hour', now(), 'UTC') - make_interval(hours => ${RUN_HOURS - 1}) as since
    ),
    ${figures},
    running_named as (
      select r.id, r.pipeline_id, p.name as pipeline_name, r.status, r.created_at
      from running r join pipelines p on p.id = r.pipeline_id and p.org_id = ${org}
      order by r.created_at desc, r.id limit ${HEALTH_LIST_SIZE}
    ),
    next_runs as (
      select n.pipeline_id, p.name as pipeline_name, n.next_fire_at as fire_at
      from next_due n join pipelines p on p.id = n.pipeline_id and p.org_id = ${org}
      order by n.next_fire_at, n.pipeline_id
    )
    select now() as at,
      (select row_to_json(totals) from totals) as totals,
      coalesce((select json_agg(failing) from failing), '[]'::json) as failing,
      coalesce((select json_agg(paused) from paused), '[]'::json) as paused,
      json_build_object(
        'count', (select count(*) from running),
        'pending', (select count(*) from running where status = 'PENDING'),
        'executing', (select count(*) from running where status = 'EXECUTING'),
        'runs', coalesce((select json_agg(running_named) from running_named), '[]'::json)
      ) as running,
      coalesce((select json_agg(next_runs) from next_runs), '[]'::json) as next_runs,
      (select since from window_start) as since,
      coalesce((select json_agg(hours order by hour) from hours), '[]'::json) as hours
  `;
}

function healthFrom(row: HealthRow & { at: string | Date; since: string | Date }): OrgHealth {
  const since = new Date(row.since);
  const byStatus = zeroCounts();
  const buckets = Array.from({ length: RUN_HOURS }, (_, i) => ({ hour: new Date(since.getTime() + i * 3_600_000), counts: zeroCounts() }));
  let total = 0;
  for (const h of row.hours) {
    const index = Math.floor((date(h.hour).getTime() - since.getTime()) / 3_600_000);
    const bucket = buckets[index];
    if (!bucket) continue; // a run created after the statement's now(): next read counts it
    bucket.counts[h.status] += h.n;
    byStatus[h.status] += h.n;
    total += h.n;
  }
  return {
    at: new Date(row.at),
    pipelines: row.totals.pipelines,
    failing: {
      count: row.totals.failing,
      pipelines: row.failing.map((p) => ({ id: p.id, name: p.name, lastRunTime: dateOrNull(p.last_run_time) })),
    },
    running: {
      count: row.running.count,
      pending: row.running.pending,
      executing: row.running.executing,
      runs: row.running.runs.map((r) => ({
        id: r.id,
        pipelineId: r.pipeline_id,
        pipelineName: r.pipeline_name,
        status: r.status,
        createdAt: date(r.created_at),
      })),
    },
    paused: {
      count: row.totals.paused,
      pipelines: row.paused.map((p) => ({
        id: p.id,
        name: p.name,
        pausedBy: p.paused_by,
        pausedAt: dateOrNull(p.paused_at),
        pauseReason: p.pause_reason,
        resumeAt: dateOrNull(p.resume_at),
      })),
    },
    nextRuns: row.next_runs.map((n) => ({ pipelineId: n.pipeline_id, pipelineName: n.pipeline_name, fireAt: date(n.fire_at) })),
    storage: { bytes: row.totals.bytes, records: row.totals.records, pipelines: row.totals.storing },
    runs24h: { since, total, byStatus, byHour: buckets },
  };
}
