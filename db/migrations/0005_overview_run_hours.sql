CREATE TABLE "run_hour_counts" (
	"org_id" text NOT NULL,
	"hour" timestamp (3) with time zone NOT NULL,
	"status" "execution_status" NOT NULL,
	"runs" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "run_hour_counts_org_hour_idx" ON "run_hour_counts" USING btree ("org_id","hour");--> statement-breakpoint
CREATE INDEX "pipelines_org_failing_idx" ON "pipelines" USING btree ("org_id","last_run_time" DESC NULLS LAST,"id") WHERE "pipelines"."last_run_status" = 'FAILURE';--> statement-breakpoint
CREATE INDEX "pipelines_org_paused_idx" ON "pipelines" USING btree ("org_id","paused_at" DESC NULLS LAST,"id") WHERE "pipelines"."active" = false;--> statement-breakpoint
CREATE INDEX "pipelines_org_storing_idx" ON "pipelines" USING btree ("org_id","storage_rows","storage_bytes") WHERE "pipelines"."storage_rows" > 0;--> statement-breakpoint
-- Statement-level triggers with transition tables (as 0001 and 0004): each statement that adds,
-- changes or removes runs appends one delta row per (org, hour, status) it moved, and takes no
-- lock on any other row. Hours are UTC. Runs created more than 25 hours before the change are
-- left out: the chart reaches back 24 hours, so every run it can show is counted both ways.
CREATE FUNCTION "run_hours_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "run_hour_counts" ("org_id", "hour", "status", "runs")
  SELECT "org_id", date_trunc('hour', "created_at", 'UTC'), "status", count(*)
  FROM new_rows WHERE "created_at" >= now() - interval '25 hours'
  GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "run_hours_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "run_hour_counts" ("org_id", "hour", "status", "runs")
  SELECT org_id, hour, status, sum(n) FROM (
    SELECT o."org_id", date_trunc('hour', o."created_at", 'UTC') AS hour, o."status", -1 AS n
    FROM old_rows o JOIN new_rows c ON c."id" = o."id"
    WHERE (o."status", o."created_at", o."org_id") IS DISTINCT FROM (c."status", c."created_at", c."org_id")
      AND o."created_at" >= now() - interval '25 hours'
    UNION ALL
    SELECT c."org_id", date_trunc('hour', c."created_at", 'UTC'), c."status", 1
    FROM old_rows o JOIN new_rows c ON c."id" = o."id"
    WHERE (o."status", o."created_at", o."org_id") IS DISTINCT FROM (c."status", c."created_at", c."org_id")
      AND c."created_at" >= now() - interval '25 hours'
  ) moved
  GROUP BY 1, 2, 3 HAVING sum(n) <> 0;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "run_hours_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "run_hour_counts" ("org_id", "hour", "status", "runs")
  SELECT "org_id", date_trunc('hour', "created_at", 'UTC'), "status", -count(*)
  FROM old_rows WHERE "created_at" >= now() - interval '25 hours'
  GROUP BY 1, 2, 3;
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "run_hours_inserted" AFTER INSERT ON "executions"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "run_hours_inserted"();--> statement-breakpoint
CREATE TRIGGER "run_hours_updated" AFTER UPDATE ON "executions"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "run_hours_updated"();--> statement-breakpoint
CREATE TRIGGER "run_hours_deleted" AFTER DELETE ON "executions"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "run_hours_deleted"();--> statement-breakpoint
INSERT INTO "run_hour_counts" ("org_id", "hour", "status", "runs")
SELECT "org_id", date_trunc('hour', "created_at", 'UTC'), "status", count(*)
FROM "executions" WHERE "created_at" >= now() - interval '25 hours'
GROUP BY 1, 2, 3;
