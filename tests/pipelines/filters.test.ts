// Our additions to the §1 lists: `active` on pipelines, several statuses on executions, and a
// `previous_cursor` beside `next_cursor`.
import { beforeAll, describe, expect, it } from "vitest";
import { getDb } from "@/db/client";
import { executePipeline, stopExecution } from "@/lib/domain/executions";
import { createPipeline, updatePipeline } from "@/lib/domain/pipelines";
import { call } from "../support/http";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { routes } from "./support";

let org: TestOrg;
const names: string[] = [];
beforeAll(async () => {
  org = await makeOrg();
  const db = await getDb();
  for (let i = 0; i < 5; i++) {
    const { pipeline } = await createPipeline(db, org.admin, { name: `flt_${i}` });
    names.push(pipeline.name);
    if (i % 2 === 1) await updatePipeline(db, org.admin, pipeline.id, { active: false });
  }
});

type List = { count: number; results: { pipeline_name: string; active: boolean }[]; next_cursor: string | null; previous_cursor: string | null };
const list = async (query: string) => (await call(routes.list, { token: org.admin.token, params: { org_id: org.id }, path: `/x${query}` })).body as List;

describe("list additions", () => {
  it("filters by active", async () => {
    const paused = await list("?active=false");
    expect(paused.results.map((p) => p.pipeline_name).sort()).toEqual(["flt_1", "flt_3"]);
    const running = await list("?active=true");
    expect(running.count).toBe(3);
    expect(running.results.every((p) => p.active)).toBe(true);
    const bad = await call(routes.list, { token: org.admin.token, params: { org_id: org.id }, path: "/x?active=maybe" });
    expect(bad).toMatchObject({ status: 400, body: { type: "validation_error", errors: [{ attr: "active" }] } });
  });

  it("gives previous_cursor when paging by cursor, and it leads back", async () => {
    const first = await list("?page_size=2&ordering=pipeline_name");
    expect(first.previous_cursor).toBeNull();
    const second = await list(`?page_size=2&ordering=pipeline_name&cursor=${first.next_cursor}`);
    expect(second.results.map((p) => p.pipeline_name)).toEqual(["flt_2", "flt_3"]);
    const back = await list(`?page_size=2&ordering=pipeline_name&cursor=${second.previous_cursor}`);
    expect(back.results.map((p) => p.pipeline_name)).toEqual(["flt_0", "flt_1"]);
  });

  it("filters a pipeline's executions by several statuses", async () => {
    const db = await getDb();
    const { pipeline } = await createPipeline(db, org.admin, { name: "flt_runs" });
    const { execution: stopped } = await executePipeline(db, org.admin, pipeline.id);
    await stopExecution(db, org.admin, stopped.id);
    await executePipeline(db, org.admin, pipeline.id);
    const res = await call(routes.executions, { token: org.admin.token, params: { org_id: org.id, id: pipeline.id }, path: "/x?status=PENDING,STOPPED" });
    expect((res.body as { results: { status: string }[] }).results.map((e) => e.status).sort()).toEqual(["PENDING", "STOPPED"]);
    const one = await call(routes.executions, { token: org.admin.token, params: { org_id: org.id, id: pipeline.id }, path: "/x?status=STOPPED" });
    expect((one.body as { count: number }).count).toBe(1);
  });
});
