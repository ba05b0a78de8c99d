ALTER TABLE "orgs" ADD COLUMN "pipeline_count" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Statement-level triggers with transition tables: one UPDATE per statement and org, however
-- many pipelines it inserts or deletes (cascades from an org's deletion included). Pipelines
-- never move between orgs, so UPDATE needs no trigger.
CREATE FUNCTION "pipelines_count_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "orgs" SET "pipeline_count" = "orgs"."pipeline_count" + added.n
  FROM (SELECT "org_id", count(*)::int AS n FROM new_rows GROUP BY "org_id") added
  WHERE "orgs"."id" = added."org_id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE FUNCTION "pipelines_count_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "orgs" SET "pipeline_count" = "orgs"."pipeline_count" - removed.n
  FROM (SELECT "org_id", count(*)::int AS n FROM old_rows GROUP BY "org_id") removed
  WHERE "orgs"."id" = removed."org_id";
  RETURN NULL;
END $$;--> statement-breakpoint
CREATE TRIGGER "pipelines_count_inserted" AFTER INSERT ON "pipelines"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "pipelines_count_inserted"();--> statement-breakpoint
CREATE TRIGGER "pipelines_count_deleted" AFTER DELETE ON "pipelines"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "pipelines_count_deleted"();--> statement-breakpoint
UPDATE "orgs" SET "pipeline_count" = (SELECT count(*) FROM "pipelines" WHERE "pipelines"."org_id" = "orgs"."id");
