// Set-based seeding (generate_series): the org the server seeded at first start gets owners,
// pipelines of every type, shares, runs and storage records; ten other orgs get pipelines.
import type { BenchDb } from "./db";
import { ORG, SPECIAL, type Scale } from "./config";
import { now } from "./stats";

/** Members of the main org (bench_owner_1 … _4), each the owner of a quarter of its pipelines. */
export const OWNERS = 4;

async function step(label: string, work: () => Promise<unknown>): Promise<void> {
  const t = now();
  await work();
  console.log(`  seed: ${label} (${((now() - t) / 1000).toFixed(1)} s)`);
}

const pipelineColumns = "org_id, name, type, owner_id, shared_to_org, active, last_run_time, last_run_status, created_at, modified_at";
// g is the generate_series value; owners the array of owner ids.
const pipelineValues = `(array['ETL','TASK','DEFAULT','APP'])[g % 4 + 1]::pipeline_type,
  owners[g % array_length(owners, 1) + 1], g % 5 = 0, g % 13 <> 0,
  case when g % 10 = 0 then null else now() - (g || ' minutes')::interval end,
  (case when g % 10 = 0 then 'YET_TO_START' else 'SUCCESS' end)::last_run_status,
  now() - (g || ' seconds')::interval, now()`;

export async function seed(b: BenchDb, s: Scale): Promise<void> {
  await step("owners", async () => {
    await b.query(
      `insert into users (email, name, password_hash)
       select 'bench_owner_' || g || '@example.com', 'Owner ' || g, 'not-a-hash' from generate_series(1, $1::int) g`,
      [OWNERS],
    );
    await b.query(
      `insert into memberships (org_id, user_id, role) select $1, id, 'member' from users where email like 'bench_owner_%'`,
      [ORG],
    );
  });

  await step(`${s.pipelines} pipelines`, () =>
    b.query(
      `insert into pipelines (${pipelineColumns})
       select $1, 'bench_' || g, ${pipelineValues}
       from generate_series(1, $2::int) g,
            (select array(select user_id from memberships where org_id = $1 order by user_id) as owners) o`,
      [ORG, s.pipelines],
    ),
  );

  await step("shares", () =>
    b.query(
      // One in ten pipelines is shared with the first bench owner who does not own it (owners
      // are assigned by uuid order, so a fixed user could own every such pipeline).
      `insert into pipeline_shares (pipeline_id, user_id)
       select distinct on (p.id) p.id, u.id from pipelines p, users u
       where p.org_id = $1 and u.email like 'bench_owner_%' and p.owner_id <> u.id and right(p.name, 1) = '7'
       order by p.id, u.email`,
      [ORG],
    ),
  );

  await step(`${s.otherOrgs} other orgs × ${s.otherOrgPipelines} pipelines`, async () => {
    await b.query(`insert into orgs (id, name) select 'bench_org_' || o, 'Bench org ' || o from generate_series(1, $1::int) o`, [s.otherOrgs]);
    await b.query(
      `insert into pipelines (${pipelineColumns})
       select 'bench_org_' || o, 'bench_' || g, ${pipelineValues}
       from generate_series(1, $1::int) o, generate_series(1, $2::int) g,
            (select array(select user_id from memberships where org_id = $3) as owners) x`,
      [s.otherOrgs, s.otherOrgPipelines, ORG],
    );
  });

  const specials = Object.values(SPECIAL);
  await step("special pipelines", () =>
    b.query(
      `insert into pipelines (org_id, name, owner_id, storage_status, run_count, last_run_time, last_run_status)
       select $1, n, (select user_id from memberships where org_id = $1 and role = 'admin' limit 1), 'InUse', $3::int,
              now() - interval '1 year', 'SUCCESS'
       from unnest($2::text[]) n`,
      [ORG, specials, s.heavyRuns],
    ),
  );

  const executionColumns = "org_id, pipeline_id, method, status, total_files, successful_files, started_at, finished_at, execution_time, created_at, modified_at";
  const executionValues = `'DIRECT', (case when g % 9 = 0 then 'ERROR' else 'COMPLETED' end)::execution_status, 10, 10,
    now() - (g || ' seconds')::interval, now() - (g || ' seconds')::interval + interval '2 seconds', 2.0,
    now() - (g || ' seconds')::interval, now()`;
  await step(`${3 * s.heavyRuns} runs of the heavy and delete pipelines`, () =>
    b.query(
      `insert into executions (${executionColumns})
       select p.org_id, p.id, ${executionValues}
       from pipelines p, generate_series(1, $3::int) g
       where p.org_id = $1 and p.name = any($2::text[])`,
      [ORG, [SPECIAL.heavy, SPECIAL.deleteApi, SPECIAL.deleteRaw], s.heavyRuns],
    ),
  );
  await step(`${s.spreadExecutions} runs spread over the pipelines`, () =>
    b.query(
      `with p as (select id, row_number() over (order by id) - 1 as rn from pipelines where org_id = $1 and name like 'bench\\_%')
       insert into executions (${executionColumns})
       select $1, p.id, ${executionValues}
       from generate_series(0, $2::int - 1) g join p on p.rn = g % $3::int`,
      [ORG, s.spreadExecutions, s.pipelines],
    ),
  );

  const storage = (names: string[], rows: number) =>
    b.query(
      `insert into storage_records (org_id, pipeline_id, kind, data, bytes)
       select p.org_id, p.id, 'record', jsonb_build_object('row', g, 'payload', 'bench record ' || g), 64
       from pipelines p, generate_series(1, $3::int) g
       where p.org_id = $1 and p.name = any($2::text[])`,
      [ORG, names, rows],
    );
  await step(`${2 * s.deleteStorage} storage records of the delete pipelines`, () => storage([SPECIAL.deleteApi, SPECIAL.deleteRaw], s.deleteStorage));
  await step(`${3 * s.clearStorage} storage records of the clear pipelines`, () => storage([SPECIAL.clearApi, SPECIAL.clearRaw, SPECIAL.clearStreams], s.clearStorage));
  await step(`${s.loadRecords} storage records of row l's clear`, () => storage([SPECIAL.clearLoad], s.loadRecords));
  await step("row j's and row l's pipelines", () => seedLoadPipelines(b, s));
  // Vacuum too: hint bits and the visibility map set now, not by whichever measurement first
  // reads the new rows (that would load the floor, which runs first).
  await step("vacuum analyze", () => b.query("vacuum analyze"));
}

/** Row j's clear is heard by members too; row l's run has a job reading a sample source. */
async function seedLoadPipelines(b: BenchDb, s: Scale): Promise<void> {
  await b.query(`update pipelines set shared_to_org = true where org_id = $1 and name = $2`, [ORG, SPECIAL.clearStreams]);
  // Resource ids are 24-hex ObjectIds; this one is derived from its name, so it is stable.
  // batch_size is the sample source's default, written out: the run's pace is part of the load.
  await b.query(
    `with source as (
       insert into resources (id, org_id, name, kind, connector, config)
       values (substr(md5('bench load source'), 1, 24), $1, 'bench load source', 'source', 'sample',
               jsonb_build_object('count', $3::int, 'batch_size', 500))
       returning id
     )
     insert into jobs (org_id, pipeline_id, position, name, source_resource_id)
     select $1, p.id, 0, 'load', source.id from pipelines p, source where p.org_id = $1 and p.name = $2`,
    [ORG, SPECIAL.runLoad, s.loadRecords],
  );
}

export async function pipelineId(b: BenchDb, name: string): Promise<string> {
  const [row] = await b.query<{ id: string }>(`select id from pipelines where org_id = $1 and name = $2`, [ORG, name]);
  if (!row) throw new Error(`no pipeline ${name}`);
  return row.id;
}
