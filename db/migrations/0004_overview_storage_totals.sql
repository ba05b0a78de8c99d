ALTER TABLE "pipelines" ADD COLUMN "storage_rows" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "pipelines" ADD COLUMN "storage_bytes" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX "executions_org_created_status_idx" ON "executions" USING btree ("org_id","created_at","status","pipeline_id");--> statement-breakpoint
-- Statement-level triggers with transition tables (as 0001 does for the org's pipeline count):
-- one UPDATE per statement and pipeline, however many records a run writes or a clear deletes
-- in a batch. Records never change pipeline or size, so UPDATE needs no trigger. A pipeline's
-- own delete cascades here too: its row is gone by then, so the UPDATE finds nothing to change.
CREATE FUNCTION "storage_totals_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "pipelines" SET "storage_rows" = "pipelines"."storage_rows" + added.n,
                         "storage_bytes" = "pipelines"."storage_bytes" + added.b
  FROM (SELECT "pipeline_id", count(*) AS n, coalesce(sum("bytes"), 0) AS b FROM new_rows GROUP BY "pipeline_id") added
  WHERE "pipelines"."id" = added."pipeline_id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "storage_totals_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "pipelines" SET "storage_rows" = "pipelines"."storage_rows" - removed.n,
                         "storage_bytes" = "pipelines"."storage_bytes" - removed.b
  FROM (SELECT "pipeline_id", count(*) AS n, coalesce(sum("bytes"), 0) AS b FROM old_rows GROUP BY "pipeline_id") removed
  WHERE "pipelines"."id" = removed."pipeline_id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "storage_totals_inserted" AFTER INSERT ON "storage_records"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "storage_totals_inserted"();--> statement-breakpoint
CREATE TRIGGER "storage_totals_deleted" AFTER DELETE ON "storage_records"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "storage_totals_deleted"();--> statement-breakpoint
UPDATE "pipelines" SET "storage_rows" = totals.n, "storage_bytes" = totals.b
FROM (SELECT "pipeline_id", count(*) AS n, sum("bytes") AS b FROM "storage_records" GROUP BY "pipeline_id") totals
WHERE "pipelines"."id" = totals."pipeline_id";
