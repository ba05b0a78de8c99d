CREATE TYPE "public"."execution_trigger" AS ENUM('schedule', 'user', 'api_key');--> statement-breakpoint
ALTER TABLE "executions" ADD COLUMN "trigger_kind" "execution_trigger" DEFAULT 'user' NOT NULL;--> statement-breakpoint
ALTER TABLE "executions" ADD COLUMN "trigger_key_id" uuid;--> statement-breakpoint
ALTER TABLE "executions" ADD COLUMN "trigger_label" text;--> statement-breakpoint
ALTER TABLE "executions" ADD CONSTRAINT "executions_trigger_key_id_pipeline_keys_id_fk" FOREIGN KEY ("trigger_key_id") REFERENCES "public"."pipeline_keys"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Runs from before this migration: a SCHEDULED one came from its schedule, one with a user from
-- that user (their email as it reads now), any other from a pipeline key (which one is unknown).
UPDATE "executions" SET "trigger_kind" = CASE
	WHEN "method" = 'SCHEDULED' THEN 'schedule'::"execution_trigger"
	WHEN "triggered_by" IS NOT NULL THEN 'user'::"execution_trigger"
	ELSE 'api_key'::"execution_trigger"
END;--> statement-breakpoint
UPDATE "executions" AS e SET "trigger_label" = u."email" FROM "users" AS u WHERE u."id" = e."triggered_by";
