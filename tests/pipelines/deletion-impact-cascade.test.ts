// The deletion impact's tables come from the schema's ON DELETE CASCADE foreign keys, not from a
// list: a table given a cascading key to pipelines is counted without editing deletion-impact,
// and each count is exactly what the delete then removes.
import { randomBytes } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import { integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cascadeDependents, SCHEMA_TABLES } from "@/db/cascade";
import { getDb } from "@/db/client";
import { rowsOf } from "@/db/rows";
import { pipelines } from "@/db/schema";
import { deletionImpact, PIPELINE_DEPENDENTS, removedRows } from "@/lib/domain/deletion-impact";
import { executePipeline } from "@/lib/domain/executions";
import { executeNext } from "@/lib/worker/executor";
import { makeOrg, type TestOrg } from "../support/fixtures";
import { executorOptions, pipelineWithJobs, sampleSource } from "../worker/support";

// Tables the schema does not have, as a later change might add them (unique names: on Postgres
// every test file shares one database).
const suffix = randomBytes(4).toString("hex");
const widgets = pgTable(`widgets_${suffix}`, {
  id: uuid("id").primaryKey().defaultRandom(),
  pipelineId: uuid("pipeline_id")
    .notNull()
    .references(() => pipelines.id, { onDelete: "cascade" }),
});
const widgetParts = pgTable(`widget_parts_${suffix}`, {
  id: integer("id").primaryKey(),
  widgetId: uuid("widget_id")
    .notNull()
    .references(() => widgets.id, { onDelete: "cascade" }),
});
const notes = pgTable(`notes_${suffix}`, {
  id: integer("id").primaryKey(),
  pipelineId: uuid("pipeline_id").references(() => pipelines.id, { onDelete: "set null" }),
  text: text("text"),
});
const extended = [...SCHEMA_TABLES, widgets, widgetParts, notes];

describe("the tables a pipeline's delete removes, from the schema's metadata", () => {
  it("finds every table that cascades from pipelines, directly or through another", () => {
    const names = PIPELINE_DEPENDENTS.map((d) => d.name);
    expect(names).toEqual(
      expect.arrayContaining([
        "pipeline_shares",
        "jobs",
        "job_states",
        "schedules",
        "executions",
        "execution_logs",
        "storage_records",
        "storage_clears",
        "pipeline_keys",
      ]),
    );
    // No foreign key (the plan outlives its pipeline), or not a dependent at all.
    for (const kept of ["decommissions", "resources", "audit_events", "pipelines", "orgs"]) expect(names).not.toContain(kept);
    expect(new Set(names).size).toBe(names.length);
  });

  it("finds a table added with a cascading key, and one cascading from it, but not a set-null one", () => {
    const names = cascadeDependents(pipelines, extended).map((d) => d.name);
    expect(names).toEqual(expect.arrayContaining([`widgets_${suffix}`, `widget_parts_${suffix}`]));
    expect(names).not.toContain(`notes_${suffix}`);
  });

  describe("on the database", () => {
    let org: TestOrg;
    beforeAll(async () => {
      org = await makeOrg();
      const db = await getDb();
      await db.execute(sql.raw(`create table "widgets_${suffix}" (id uuid primary key default gen_random_uuid(), pipeline_id uuid not null references pipelines(id) on delete cascade)`));
      await db.execute(sql.raw(`create table "widget_parts_${suffix}" (id integer primary key, widget_id uuid not null references "widgets_${suffix}"(id) on delete cascade)`));
    });
    afterAll(async () => {
      const db = await getDb();
      await db.execute(sql.raw(`drop table if exists "widget_parts_${suffix}", "widgets_${suffix}"`));
    });

    it("counts the added table's rows, and every count is what the delete removes", async () => {
      const db = await getDb();
      const source = await sampleSource(org.admin, { count: 7 });
      const pipeline = await pipelineWithJobs(org.admin, [{ name: "load", sourceResourceId: source.id }], { cronString: "0 * * * *" });
      const other = await pipelineWithJobs(org.admin, [{ name: "load", sourceResourceId: source.id }]);
      await executePipeline(db, org.admin, pipeline.id);
      await executePipeline(db, org.admin, other.id);
      while (await executeNext(db, executorOptions(org.id))) {
        // run both
      }
      const [w1, w2] = await db.insert(widgets).values([{ pipelineId: pipeline.id }, { pipelineId: pipeline.id }]).returning();
      await db.insert(widgets).values({ pipelineId: other.id });
      await db.insert(widgetParts).values([
        { id: 1, widgetId: w1!.id },
        { id: 2, widgetId: w1!.id },
        { id: 3, widgetId: w2!.id },
      ]);

      const dependents = cascadeDependents(pipelines, extended.filter((t) => t !== notes));
      const before = await removedRows(db, pipeline.id, dependents);
      expect(before).toMatchObject({
        [`widgets_${suffix}`]: 2,
        [`widget_parts_${suffix}`]: 3,
        jobs: 1,
        job_states: 1,
        executions: 1,
        schedules: 1,
        pipeline_keys: 1,
        storage_records: 7,
      });
      expect(before.execution_logs).toBeGreaterThan(0);

      // The API's impact reads the same counts (it knows nothing of the added tables).
      const impact = await deletionImpact(db, org.admin, pipeline.id);
      expect(impact.removed).toMatchObject({ jobs: 1, jobStates: 1, executions: 1, schedule: true, keys: 1, shares: 0, storageRecords: 7 });
      expect(impact.removed.executionLogs).toBe(before.execution_logs);

      const otherBefore = await removedRows(db, other.id, dependents);
      await db.delete(pipelines).where(eq(pipelines.id, pipeline.id));
      // Nothing of the deleted pipeline is left, and the other one lost nothing.
      const after = await removedRows(db, pipeline.id, dependents);
      expect(Object.values(after).every((n) => n === 0)).toBe(true);
      expect(await removedRows(db, other.id, dependents)).toEqual(otherBefore);
      const totals = async (name: string) => {
        const [row] = rowsOf<{ n: number | string }>(await db.execute(sql.raw(`select count(*) as n from "${name}"`)));
        return Number(row!.n);
      };
      expect(await totals(`widgets_${suffix}`)).toBe(1);
      expect(await totals(`widget_parts_${suffix}`)).toBe(0);
    });
  });
});
