// A pipeline's configuration: downloaded before a delete, kept by the deletion's audit entry, and
// imported again as a new pipeline, paused and without keys, every conflict named at once.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { GET as exportRoute } from "@/app/api/v1/orgs/[org_id]/pipelines/[id]/export/route";
import { POST as importRoute } from "@/app/api/v1/orgs/[org_id]/pipelines/import/route";
import { POST as createResource } from "@/app/resources/route";
import { getDb } from "@/db/client";
import { auditEvents, pipelineKeys } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call } from "../support/http";
import { addPerson, createPipeline, routes, uniqueName } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

async function connection(inOrg: TestOrg, name: string, kind: "source" | "destination") {
  const connector = kind === "source" ? "sample" : "table";
  const res = await call(createResource, { method: "POST", token: inOrg.admin.token, body: { name, kind, connector, config: kind === "destination" ? { table: `t_${Date.now()}` } : { count: 5 } } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

interface ConfigJson {
  format: string;
  pipeline_name: string;
  jobs: { name: string; source: { id: string; name: string }; destination: { id: string; name: string } | null; config: Record<string, unknown> }[];
  sharing: { shared_to_org: boolean; shared_users: string[] };
}

const exportOf = (token: string, id: string, inOrg = org) => call(exportRoute, { token, params: { org_id: inOrg.id, id } });
const importInto = (inOrg: TestOrg, token: string, body: unknown) => call(importRoute, { method: "POST", token, params: { org_id: inOrg.id }, body });

describe("configuration export", () => {
  it("names jobs by connection, sharing by email, as an attachment; the owner or an admin only", async () => {
    const source = await connection(org, `orders ${uniqueName()}`, "source");
    const destination = await connection(org, `warehouse ${uniqueName()}`, "destination");
    const colleague = await addPerson(org, "colleague");
    const p = await createPipeline(org, { token: org.member.token }, {
      pipeline_name: uniqueName("cfg"),
      pipeline_type: "ETL",
      description: "nightly orders",
      cron_string: "0 2 * * *",
      timezone: "Europe/Paris",
      shared_users: [colleague.userId],
      jobs: [{ name: "extract", source, destination, config: { count: 7 } }],
    });
    const res = await exportOf(org.member.token, p.id);
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toContain(`filename="${p.pipeline_name}.sluice.json"`);
    expect(res.body).toMatchObject({
      format: "sluice.pipeline/1",
      pipeline_name: p.pipeline_name,
      pipeline_type: "ETL",
      description: "nightly orders",
      cron_string: "0 2 * * *",
      timezone: "Europe/Paris",
      jobs: [{ name: "extract", source: { id: source, connector: "sample" }, destination: { id: destination, connector: "table" }, config: { count: 7 } }],
      sharing: { shared_to_org: false, shared_users: [colleague.email] },
    });
    // Shared with them, the colleague may read the pipeline but not download its jobs' config.
    expect((await exportOf(colleague.token, p.id)).status).toBe(403);
    expect((await exportOf(other.admin.token, p.id, other)).status).toBe(404);
  });
});

describe("configuration import", () => {
  it("creates a new pipeline owned by the importer, paused with the reason, without keys, its jobs on the same connections", async () => {
    const source = await connection(org, `src ${uniqueName()}`, "source");
    const p = await createPipeline(org, { token: org.admin.token }, { pipeline_name: uniqueName("cfg"), cron_string: "0 4 * * *", jobs: [{ name: "one", source }] });
    const config = (await exportOf(org.admin.token, p.id)).body as ConfigJson;
    const name = uniqueName("copy");
    const res = await importInto(org, org.member.token, { config, pipeline_name: name, reason: "a copy to try things" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    const created = (res.body as { pipeline: Record<string, unknown>; skipped_shares: string[] }).pipeline;
    expect(created).toMatchObject({
      pipeline_name: name,
      active: false,
      cron_string: "0 4 * * *",
      next_run_time: null,
      created_by: org.member.userId,
      paused_by: org.member.email,
      pause_reason: "a copy to try things",
    });
    const db = await getDb();
    expect(await db.select().from(pipelineKeys).where(eq(pipelineKeys.pipelineId, String(created.id)))).toEqual([]);
    const exported = (await exportOf(org.member.token, String(created.id))).body as ConfigJson;
    expect(exported.jobs).toEqual(config.jobs);
  });

  it("names every conflict at once: a taken name, a connection that does not exist here", async () => {
    const source = await connection(org, `src ${uniqueName()}`, "source");
    const p = await createPipeline(org, { token: org.admin.token }, { pipeline_name: uniqueName("cfg"), jobs: [{ name: "one", source }] });
    const config = (await exportOf(org.admin.token, p.id)).body as ConfigJson;
    // Into another org: the connection is unknown there, by id and by name.
    const res = await importInto(other, other.admin.token, { config: { ...config, pipeline_name: "x" }, pipeline_name: undefined });
    expect(res.status).toBe(400);
    expect((res.body as { errors: { attr: string }[] }).errors.map((e) => e.attr)).toEqual(["jobs.0.source"]);
    // Back into its own org under its own (taken) name, with a connection renamed away: both said.
    const bad = { ...config, jobs: [{ ...config.jobs[0]!, source: { id: "000000000000000000000000", name: "nothing like it", connector: "sample" } }] };
    const both = await importInto(org, org.admin.token, { config: bad });
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({
      type: "validation_error",
      errors: [
        { attr: "pipeline_name", detail: `A pipeline named "${p.pipeline_name}" already exists: give the new one another name.` },
        { attr: "jobs.0.source", detail: 'No source connection named "nothing like it" exists in this organization (it may have been deleted).' },
      ],
    });
  });

  it("in another org, finds the connection by name, and leaves out people who are not members there", async () => {
    const name = `shared name ${uniqueName()}`;
    const here = await connection(org, name, "source");
    const there = await connection(other, name, "source");
    const colleague = await addPerson(org, "colleague");
    const p = await createPipeline(org, { token: org.admin.token }, { pipeline_name: uniqueName("cfg"), shared_users: [colleague.userId], jobs: [{ name: "one", source: here }] });
    const config = (await exportOf(org.admin.token, p.id)).body as ConfigJson;
    const res = await importInto(other, other.admin.token, { config });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body as { skipped_shares: string[] }).skipped_shares).toEqual([colleague.email]);
    const id = String((res.body as { pipeline: { id: string } }).pipeline.id);
    const exported = (await exportOf(other.admin.token, id, other)).body as ConfigJson;
    expect(exported.jobs[0]?.source.id).toBe(there);
  });

  it("recreates a deleted pipeline from what its deletion kept in the audit log", async () => {
    const db = await getDb();
    const source = await connection(org, `src ${uniqueName()}`, "source");
    const p = await createPipeline(org, { token: org.admin.token }, { pipeline_name: uniqueName("gone"), description: "keep me", jobs: [{ name: "one", source }] });
    expect((await call(routes.remove, { method: "DELETE", token: org.admin.token, params: { org_id: org.id, id: p.id } })).status).toBe(204);
    const [deletion] = await db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.objectId, p.id), eq(auditEvents.action, "pipeline.delete")));
    const snapshot = (deletion?.details as { snapshot: ConfigJson }).snapshot;
    expect(snapshot).toMatchObject({ pipeline_name: p.pipeline_name, jobs: [{ name: "one", source: { id: source } }] });
    const res = await importInto(org, org.admin.token, { config: snapshot, reason: "recreated from the audit log" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    expect((res.body as { pipeline: Record<string, unknown> }).pipeline).toMatchObject({ pipeline_name: p.pipeline_name, description: "keep me", active: false });
  });
});
