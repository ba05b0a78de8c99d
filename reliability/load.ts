// 1. Load: many concurrent clients against one server (Postgres, AMQP, in-process worker).
// Every pipeline is changed by the one client that created it, one request at a time, so the
// last acknowledged value of each field is the value that must be read back afterwards.
import { config, ORG, PORTS } from "./support/config";
import { Client, field, until, v1 } from "./support/http";
import { freshDatabase } from "./support/infra";
import { Section } from "./support/report";
import { startServer } from "./support/server";

const TYPES = ["ETL", "TASK", "DEFAULT", "APP"] as const;

interface Written {
  id: string;
  name: string;
  type: string;
  description: string;
  active: boolean;
  /** Executions acknowledged with 200. */
  executions: string[];
  via: "v1" | "maestro";
}

const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;

export async function loadSection(): Promise<Section> {
  const section = new Section("1 load");
  const db = await freshDatabase("load");
  const server = await startServer({ port: PORTS.load, databaseUrl: db.url, amqpUrl: config.amqpUrl, label: "load" });
  try {
    const client = new Client(server.base, section);
    const written = new Map<string, Written>();
    const ids: string[] = [];
    const unexpected = new Map<string, number>();
    const expect = (what: string, status: number, allowed: number[]) => {
      if (status !== 0 && !allowed.includes(status) && status < 500) {
        const key = `${what} → ${status}`;
        unexpected.set(key, (unexpected.get(key) ?? 0) + 1);
      }
      if (status === 0) unexpected.set(`${what} → no answer`, (unexpected.get(`${what} → no answer`) ?? 0) + 1);
    };

    const create = async (owner: number, n: number, mine: Written[]) => {
      const name = `ld_${owner}_${n}`;
      const type = pick(TYPES);
      const description = `made by ${owner} #${n} ${"é✓"}`;
      if (Math.random() < 0.2) {
        const r = await client.call("POST", "/platform/pipeline", { body: { name, description, jobs: [] } });
        expect("maestro create", r.status, [200, 201]);
        if (!r.ok) return;
        const data = field<Record<string, unknown>>(r.json, "data");
        // Maestro writes ids with "_"; §1 takes the canonical uuid.
        const w: Written = { id: String(data.id).replace(/_/g, "-"), name, type: "DEFAULT", description, active: true, executions: [], via: "maestro" };
        written.set(w.id, w);
        mine.push(w);
        ids.push(w.id);
      } else {
        const r = await client.call("POST", v1("pipeline/"), { body: { pipeline_name: name, pipeline_type: type, description } });
        expect("v1 create", r.status, [201]);
        if (!r.ok) return;
        const w: Written = { id: field<string>(r.json, "id"), name, type, description, active: true, executions: [], via: "v1" };
        written.set(w.id, w);
        mine.push(w);
        ids.push(w.id);
      }
    };

    const update = async (w: Written, n: number) => {
      const patch: Record<string, string> = {};
      const next = { ...w };
      if (Math.random() < 0.5) next.description = `desc ${n} ${Date.now()}`;
      if (Math.random() < 0.4) next.type = pick(TYPES);
      if (Math.random() < 0.2) next.name = `${w.name.split("~")[0]!.slice(0, 20)}~${n}`;
      if (next.description !== w.description) patch.description = next.description;
      if (next.type !== w.type) patch.pipeline_type = next.type;
      if (next.name !== w.name) patch.pipeline_name = next.name;
      if (!Object.keys(patch).length) patch.description = next.description = `same ${n}`;
      const r = await client.call("PATCH", v1(`pipeline/${w.id}/`), { body: patch });
      expect("v1 patch", r.status, [200]);
      if (r.ok) Object.assign(w, { description: next.description, type: next.type, name: next.name });
    };

    const action = async (w: Written) => {
      const roll = Math.random();
      if (roll < 0.5) {
        const r = await client.call("POST", v1("pipeline/execute/"), { body: { pipeline_id: w.id } });
        // 422: paused (by this very client, earlier).
        expect("v1 execute", r.status, [200, 422]);
        if (r.ok) w.executions.push(field<string>(field(r.json, "execution"), "execution_id"));
      } else if (roll < 0.75) {
        const viaMaestro = Math.random() < 0.5;
        const r = viaMaestro
          ? await client.call("POST", "/platform/pipeline/pause", { body: { pipeline_id: w.id } })
          : await client.call("PATCH", v1(`pipeline/${w.id}/`), { body: { active: false } });
        expect("pause", r.status, viaMaestro ? [200, 400] : [200]);
        if (r.ok) w.active = false;
        else if (r.status === 400) w.active = false; // already paused: the state is what we asked
      } else {
        const viaMaestro = Math.random() < 0.5;
        const r = viaMaestro
          ? await client.call("POST", "/platform/pipeline/unpause", { body: { pipeline_id: w.id } })
          : await client.call("PATCH", v1(`pipeline/${w.id}/`), { body: { active: true } });
        expect("resume", r.status, viaMaestro ? [200, 400] : [200]);
        if (r.ok || r.status === 400) w.active = true;
      }
    };

    const read = async () => {
      const id = ids.length ? pick(ids) : null;
      const roll = Math.random();
      if (roll < 0.25 || !id) {
        const ordering = pick(["", "&ordering=-run_count", "&ordering=pipeline_name", "&ordering=-created_at", "&search=ld_1"]);
        const page = 1 + Math.floor(Math.random() * 3);
        const r = await client.call("GET", v1(`pipeline/?page=${page}&page_size=20${ordering}`));
        // A page past the end is DRF's 404 "Invalid page."
        expect("v1 list", r.status, page === 1 ? [200] : [200, 404]);
      } else if (roll < 0.45) {
        const r = await client.call("GET", v1(`pipeline/${id}/`));
        expect("v1 retrieve", r.status, [200]);
      } else if (roll < 0.6) {
        const r = await client.call("GET", v1(`pipeline/${id}/executions/?page_size=10`));
        expect("v1 executions", r.status, [200]);
      } else if (roll < 0.7) {
        const r = await client.call("GET", `/platform/pipeline/${id}`);
        expect("maestro get", r.status, [200]);
      } else if (roll < 0.78) {
        const r = await client.call("GET", "/platform/pipelines");
        expect("maestro list", r.status, [200]);
      } else if (roll < 0.86) {
        const w = written.get(id);
        const r = await client.call("GET", `/v0/pipelines/${encodeURIComponent(w?.name ?? "none")}`);
        // 404: renamed by its owner between our read of the name and the request.
        expect("storage get", r.status, [200, 404]);
      } else if (roll < 0.94) {
        const r = await client.call("GET", `/api/v1/orgs/${ORG}/executions?page_size=20`);
        expect("org executions", r.status, [200]);
      } else {
        const r = await client.call("GET", "/resources?limit=20");
        expect("resources list", r.status, [200]);
      }
    };

    const deadline = Date.now() + config.loadSeconds * 1000;
    const started = Date.now();
    await Promise.all(
      Array.from({ length: config.loadClients }, async (_, owner) => {
        const mine: Written[] = [];
        let n = 0;
        await create(owner, n++, mine);
        while (Date.now() < deadline) {
          const roll = Math.random();
          if (roll < 0.7) await read();
          else if (roll < 0.9) {
            if (mine.length < 3 || Math.random() < 0.3) await create(owner, n++, mine);
            else await update(pick(mine), n++);
          } else if (mine.length) await action(pick(mine));
        }
      }),
    );
    const seconds = (Date.now() - started) / 1000;
    section.note(`${section.requests} requests in ${seconds.toFixed(1)} s by ${config.loadClients} clients (${(section.requests / seconds).toFixed(0)}/s)`);
    for (const [key, n] of unexpected) section.fail(`unexpected answer ${key} (${n}×)`);

    // Every acknowledged write, read back through the API.
    let checked = 0;
    for (const w of written.values()) {
      const r = await client.call("GET", v1(`pipeline/${w.id}/`));
      checked++;
      if (r.status !== 200) {
        section.lost++;
        section.fail(`pipeline ${w.id} (${w.name}) acknowledged but reads ${r.status}`);
        continue;
      }
      const got = r.json as Record<string, unknown>;
      const diffs = (
        [
          ["pipeline_name", w.name],
          ["pipeline_type", w.type],
          ["description", w.description],
          ["active", w.active],
        ] as const
      ).filter(([k, v]) => got[k] !== v);
      if (diffs.length) {
        section.lost++;
        section.fail(`pipeline ${w.id}: ${diffs.map(([k, v]) => `${k} is ${JSON.stringify(got[k])}, last acknowledged ${JSON.stringify(v)}`).join("; ")}`);
      }
    }
    // Runs: every acknowledged execution exists; run_count equals the executions recorded.
    const executionIds = [...written.values()].flatMap((w) => w.executions);
    const found = executionIds.length
      ? await db.sql<{ id: string }[]>`select id from executions where id in ${db.sql(executionIds)}`
      : [];
    const foundSet = new Set(found.map((r) => r.id));
    for (const id of executionIds) {
      if (!foundSet.has(id)) {
        section.lost++;
        section.fail(`execution ${id} acknowledged but not recorded`);
      }
    }
    await until("the runs started under load to finish", async () => {
      const [open] = await db.sql<{ n: number }[]>`select count(*)::int as n from executions where status in ('PENDING', 'EXECUTING')`;
      return open!.n === 0;
    }, 120_000, 500).catch((e: Error) => section.fail(e.message));
    const counters = await db.sql<{ id: string; run_count: number; recorded: number }[]>`
      select p.id, p.run_count, (select count(*)::int from executions e where e.pipeline_id = p.id) as recorded from pipelines p`;
    let mismatched = 0;
    for (const c of counters) {
      const w = written.get(c.id);
      if (c.run_count !== c.recorded || (w && w.executions.length > c.recorded)) {
        mismatched++;
        if (mismatched <= 10) section.fail(`pipeline ${c.id}: run_count ${c.run_count}, executions recorded ${c.recorded}, acknowledged ${w?.executions.length ?? "?"}`);
      }
    }
    // The API's view of the same counter, for a sample read through the list.
    const page = await client.call("GET", v1("pipeline/?page_size=1000&ordering=-run_count"));
    for (const p of (page.json as { results?: { id: string; run_count: number }[] } | null)?.results ?? []) {
      const c = counters.find((x) => x.id === p.id);
      if (c && c.run_count !== p.run_count) section.fail(`pipeline ${p.id}: API run_count ${p.run_count}, database ${c.run_count}`);
    }
    section.note(
      `${written.size} pipelines and ${executionIds.length} executions acknowledged; ${checked} read back; ${counters.length} counters checked, ${mismatched} inconsistent`,
    );
  } finally {
    await server.stop();
    await db.drop();
  }
  return section;
}
