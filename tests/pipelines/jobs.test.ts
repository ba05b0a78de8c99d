// A pipeline's jobs after creation: retrieve shows them with their connections and state, and
// PATCH {jobs} replaces the ordered list (ids keep their job and state, the rest are new or gone).
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { POST as createResource } from "@/app/resources/route";
import { getDb } from "@/db/client";
import { jobStates, jobs as jobsTable } from "@/db/schema";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { call } from "../support/http";
import { addPerson, createPipeline, expectError, getPipeline, patchPipeline, routes, uniqueName, UUID_RE } from "./support";

let org: TestOrg;
let other: TestOrg;
beforeAll(async () => {
  [org, other] = [await makeOrg(), await makeOrg()];
});

async function connection(inOrg: TestOrg, name: string, kind: "source" | "destination") {
  const connector = kind === "source" ? "sample" : "table";
  const config = kind === "destination" ? { table: `t_${Date.now()}` } : { count: 5 };
  const res = await call(createResource, { method: "POST", token: inOrg.admin.token, body: { name, kind, connector, config } });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return (res.body as { id: string }).id;
}

interface JobJson {
  id: string;
  name: string;
  position: number;
  source: { id: string; name: string } | null;
  destination: { id: string; name: string } | null;
  config: Record<string, unknown>;
  state: { cursor: string | null; last_rows: number | null; updated_at: string } | null;
}
const jobsOf = (body: unknown) => (body as { jobs: JobJson[] }).jobs;

describe("retrieve pipeline/{id}/", () => {
  it("includes the jobs in run order, connections by name, config and state; the list does not", async () => {
    const sourceName = `orders ${uniqueName()}`;
    const destinationName = `warehouse ${uniqueName()}`;
    const [source, destination] = [await connection(org, sourceName, "source"), await connection(org, destinationName, "destination")];
    const p = await createPipeline(org, { token: org.admin.token }, {
      jobs: [
        { name: "extract", source, destination, config: { count: 7 } },
        { name: "second", source },
      ],
    });
    const db = await getDb();
    // On Postgres every test file shares one database: other pipelines have jobs named "extract" too.
    const [first] = await db.select().from(jobsTable).where(and(eq(jobsTable.pipelineId, p.id), eq(jobsTable.name, "extract")));
    await db.insert(jobStates).values({ jobId: first!.id, pipelineId: p.id, cursor: "42", connectorState: { last_rows: 7 } });

    const res = await getPipeline(org, { token: org.admin.token }, p.id);
    expect(res.status).toBe(200);
    const jobs = jobsOf(res.body);
    expect(jobs).toHaveLength(2);
    expect(jobs[0]).toMatchObject({
      name: "extract",
      position: 0,
      source: { id: source, name: sourceName },
      destination: { id: destination, name: destinationName },
      config: { count: 7 },
      state: { cursor: "42", last_rows: 7 },
    });
    expect(jobs[0]!.id).toMatch(UUID_RE);
    expect(jobs[1]).toMatchObject({ name: "second", position: 1, destination: null, config: {}, state: null });
    const list = await call(routes.list, { path: `/api/v1/unstract/${org.id}/pipeline/?search=${p.pipeline_name}`, params: { org_id: org.id }, token: org.admin.token });
    const row = (list.body as { results: Record<string, unknown>[] }).results.find((r) => r.id === p.id);
    expect(row).toBeDefined();
    expect(row).not.toHaveProperty("jobs");
  });
});

describe("PATCH pipeline/{id}/ with jobs", () => {
  it("keeps a job's id and state, reorders, adds and removes, in one answer", async () => {
    const [a, b] = [await connection(org, `a ${uniqueName()}`, "source"), await connection(org, `b ${uniqueName()}`, "source")];
    const p = await createPipeline(org, { token: org.member.token }, {
      jobs: [
        { name: "one", source: a },
        { name: "two", source: b },
        { name: "three", source: a },
      ],
    });
    const [one, two] = jobsOf((await getPipeline(org, { token: org.member.token }, p.id)).body);
    await (await getDb()).insert(jobStates).values({ jobId: two!.id, pipelineId: p.id, cursor: "900", connectorState: { last_rows: 3 } });

    // "two" first (edited), then a new job; "one" and "three" go.
    const res = await patchPipeline(org, { token: org.member.token }, p.id, {
      jobs: [
        { id: two!.id, name: "two renamed", source: a, config: { count: 2 } },
        { name: "four", source: b },
      ],
    });
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    const after = jobsOf(res.body);
    expect(after.map((j) => [j.name, j.position])).toEqual([
      ["two renamed", 0],
      ["four", 1],
    ]);
    expect(after[0]).toMatchObject({ id: two!.id, source: { id: a }, config: { count: 2 }, state: { cursor: "900", last_rows: 3 } });
    expect(after[1]!.id).not.toBe(one!.id);
    // It stays so: a read gives the same list.
    expect(jobsOf((await getPipeline(org, { token: org.member.token }, p.id)).body)).toEqual(after);

    // A swap of two kept jobs (positions are unique per pipeline), then every job removed.
    const swapped = await patchPipeline(org, { token: org.member.token }, p.id, {
      jobs: [after[1], after[0]].map((j) => ({ id: j!.id, name: j!.name, source: j!.source!.id })),
    });
    expect(jobsOf(swapped.body).map((j) => j.name)).toEqual(["four", "two renamed"]);
    const emptied = await patchPipeline(org, { token: org.member.token }, p.id, { jobs: [] });
    expect(jobsOf(emptied.body)).toEqual([]);
  });

  it("refuses a bad connection with its attr, another org's connection, a foreign job id, and changes nothing", async () => {
    const source = await connection(org, `src ${uniqueName()}`, "source");
    const destination = await connection(org, `dst ${uniqueName()}`, "destination");
    const foreign = await connection(other, `theirs ${uniqueName()}`, "source");
    const p = await createPipeline(org, { token: org.admin.token }, { jobs: [{ name: "kept", source }] });
    const before = jobsOf((await getPipeline(org, { token: org.admin.token }, p.id)).body);

    const asSource = await patchPipeline(org, { token: org.admin.token }, p.id, {
      pipeline_name: uniqueName("renamed"),
      jobs: [{ name: "ok", source }, { name: "wrong kind", source: destination }],
    });
    expectError(asSource, 400, "validation_error", { attr: "jobs.1.source" });
    const theirs = await patchPipeline(org, { token: org.admin.token }, p.id, { jobs: [{ name: "x", source, destination: source }, { name: "y", source: foreign }] });
    expectError(theirs, 400, "validation_error", { attr: "jobs.0.destination" });
    const foreignOnly = await patchPipeline(org, { token: org.admin.token }, p.id, { jobs: [{ name: "y", source: foreign }] });
    expectError(foreignOnly, 400, "validation_error", { attr: "jobs.0.source" });
    const strangerJob = await patchPipeline(org, { token: org.admin.token }, p.id, { jobs: [{ id: "00000000-0000-4000-8000-000000000000", name: "z", source }] });
    expectError(strangerJob, 400, "validation_error", { attr: "jobs.0.id" });
    const malformed = await patchPipeline(org, { token: org.admin.token }, p.id, { jobs: [{ name: "", source }] });
    expect(malformed.status).toBe(400);
    expect((malformed.body as { errors: { attr: string }[] }).errors.map((e) => e.attr)).toEqual(["jobs.0.name"]);

    // One transaction: the name given with the refused jobs did not change either.
    const now = await getPipeline(org, { token: org.admin.token }, p.id);
    expect(jobsOf(now.body)).toEqual(before);
    expect((now.body as { pipeline_name: string }).pipeline_name).toBe(p.pipeline_name);
  });

  it("is the owner's or an admin's: a member who sees it gets 403, one who does not 404", async () => {
    const source = await connection(org, `src ${uniqueName()}`, "source");
    const p = await createPipeline(org, { token: org.member.token }, { shared_to_org: true, jobs: [{ name: "kept", source }] });
    const colleague = await addPerson(org, "colleague");
    const refused = await patchPipeline(org, { token: colleague.token }, p.id, { jobs: [] });
    expectError(refused, 403, "client_error", {});
    const hidden = await createPipeline(org, { token: org.member.token }, { jobs: [{ name: "kept", source }] });
    expect((await patchPipeline(org, { token: colleague.token }, hidden.id, { jobs: [] })).status).toBe(404);
    // An admin may; the owner's jobs were untouched by the refusals.
    expect(jobsOf((await getPipeline(org, { token: org.member.token }, p.id)).body)).toHaveLength(1);
    const byAdmin = await patchPipeline(org, { token: org.admin.token }, p.id, { jobs: [] });
    expect(jobsOf(byAdmin.body)).toEqual([]);
  });
});
