CREATE TABLE "annual_report_sections" (
	"report_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"label" text NOT NULL,
	"texts" jsonb NOT NULL,
	"recap" jsonb NOT NULL,
	"is_dormant" boolean NOT NULL,
	"findings" jsonb NOT NULL,
	CONSTRAINT "annual_report_sections_report_id_agreement_id_pk" PRIMARY KEY("report_id","agreement_id")
);
--> statement-breakpoint
CREATE TABLE "annual_report_settings" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"value" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "annual_report_settings_single_row" CHECK ("annual_report_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "annual_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"year" smallint NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"job_status" text DEFAULT 'pending' NOT NULL,
	"job_done" integer DEFAULT 0 NOT NULL,
	"job_total" integer DEFAULT 0 NOT NULL,
	"job_error" text,
	"content" jsonb,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"finalised_by" uuid,
	"finalised_at" timestamp with time zone,
	"letter_number" text,
	"letter_date" date,
	"recipient" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	CONSTRAINT "annual_reports_kind_ok" CHECK ("annual_reports"."kind" IN ('annual', 'semester')),
	CONSTRAINT "annual_reports_status_ok" CHECK ("annual_reports"."status" IN ('draft', 'final', 'submitted')),
	CONSTRAINT "annual_reports_job_ok" CHECK ("annual_reports"."job_status" IN ('pending', 'ready', 'failed')),
	CONSTRAINT "annual_reports_submitted_has_letter" CHECK ("annual_reports"."status" <> 'submitted' OR ("annual_reports"."letter_number" IS NOT NULL AND "annual_reports"."letter_date" IS NOT NULL AND "annual_reports"."recipient" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "annual_report_sections" ADD CONSTRAINT "annual_report_sections_report_id_annual_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."annual_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_reports" ADD CONSTRAINT "annual_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "annual_report_sections_position_idx" ON "annual_report_sections" USING btree ("report_id","position");--> statement-breakpoint
CREATE UNIQUE INDEX "annual_reports_period_key" ON "annual_reports" USING btree ("kind","period");