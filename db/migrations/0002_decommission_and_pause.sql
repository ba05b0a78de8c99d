CREATE TYPE "public"."decommission_state" AS ENUM('pausing', 'stopping', 'clearing', 'deleting', 'done', 'cancelled', 'failed');--> statement-breakpoint
CREATE TABLE "decommissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"org_id" text NOT NULL,
	"pipeline_id" uuid NOT NULL,
	"pipeline_name" text NOT NULL,
	"owner_id" uuid,
	"state" "decommission_state" DEFAULT 'pausing' NOT NULL,
	"steps" jsonb NOT NULL,
	"reason" text,
	"started_by" uuid,
	"started_by_label" text NOT NULL,
	"batch_id" uuid,
	"snapshot" jsonb NOT NULL,
	"total_rows" bigint DEFAULT 0 NOT NULL,
	"error" text,
	"failures" integer DEFAULT 0 NOT NULL,
	"lease_owner" text,
	"lease_expires_at" timestamp (3) with time zone,
	"wake_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"started_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp (3) with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp (3) with time zone
);
--> statement-breakpoint
ALTER TABLE "pipelines" ADD COLUMN "paused_by" uuid;--> statement-breakpoint
ALTER TABLE "pipelines" ADD COLUMN "paused_by_label" text;--> statement-breakpoint
ALTER TABLE "pipelines" ADD COLUMN "paused_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "pipelines" ADD COLUMN "pause_reason" text;--> statement-breakpoint
ALTER TABLE "pipelines" ADD COLUMN "resume_at" timestamp (3) with time zone;--> statement-breakpoint
ALTER TABLE "decommissions" ADD CONSTRAINT "decommissions_org_id_orgs_id_fk" FOREIGN KEY ("org_id") REFERENCES "public"."orgs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decommissions" ADD CONSTRAINT "decommissions_owner_id_users_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "decommissions" ADD CONSTRAINT "decommissions_started_by_users_id_fk" FOREIGN KEY ("started_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "decommissions_live_uq" ON "decommissions" USING btree ("pipeline_id") WHERE state in ('pausing', 'stopping', 'clearing', 'deleting');--> statement-breakpoint
CREATE INDEX "decommissions_due_idx" ON "decommissions" USING btree ("wake_at") WHERE state in ('pausing', 'stopping', 'clearing', 'deleting');--> statement-breakpoint
CREATE INDEX "decommissions_pipeline_idx" ON "decommissions" USING btree ("org_id","pipeline_id","started_at");--> statement-breakpoint
ALTER TABLE "pipelines" ADD CONSTRAINT "pipelines_paused_by_users_id_fk" FOREIGN KEY ("paused_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "pipelines_resume_idx" ON "pipelines" USING btree ("resume_at") WHERE "pipelines"."resume_at" is not null;