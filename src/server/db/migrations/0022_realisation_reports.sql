CREATE TABLE "realisation_evidence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "realisation_evidence_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "realisation_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"agreement_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"period" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary" text NOT NULL,
	"started_on" date,
	"ended_on" date,
	"location" text,
	"outputs" text,
	"beneficiaries" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"funds" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"completion" text DEFAULT 'not_started' NOT NULL,
	"obstacles_internal" text,
	"obstacles_external" text,
	"follow_up" text,
	"return_reason" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"verified_at" timestamp with time zone,
	"verified_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "realisation_reports_plan_period_key" UNIQUE("plan_id","period"),
	CONSTRAINT "realisation_reports_period_ok" CHECK ("realisation_reports"."period" ~ '^[0-9]{4}-S[12]$'),
	CONSTRAINT "realisation_reports_return_reason" CHECK ("realisation_reports"."status" <> 'returned' OR "realisation_reports"."return_reason" IS NOT NULL)
);
--> statement-breakpoint
ALTER TABLE "realisation_evidence" ADD CONSTRAINT "realisation_evidence_report_id_realisation_reports_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."realisation_reports"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisation_evidence" ADD CONSTRAINT "realisation_evidence_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisation_reports" ADD CONSTRAINT "realisation_reports_plan_id_activity_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."activity_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisation_reports" ADD CONSTRAINT "realisation_reports_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisation_reports" ADD CONSTRAINT "realisation_reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisation_reports" ADD CONSTRAINT "realisation_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisation_reports" ADD CONSTRAINT "realisation_reports_verified_by_users_id_fk" FOREIGN KEY ("verified_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "realisation_reports" ADD CONSTRAINT "realisation_reports_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "realisation_evidence_report_idx" ON "realisation_evidence" USING btree ("report_id");--> statement-breakpoint
CREATE INDEX "realisation_reports_agreement_idx" ON "realisation_reports" USING btree ("agreement_id","period");--> statement-breakpoint
CREATE INDEX "realisation_reports_period_idx" ON "realisation_reports" USING btree ("period","status");