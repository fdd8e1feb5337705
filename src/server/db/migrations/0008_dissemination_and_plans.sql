CREATE TABLE "dissemination_beneficiaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"opportunity_id" uuid,
	"unit_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"count" integer NOT NULL,
	"amount_idr" numeric(18, 0),
	"reached_on" date NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dissemination_beneficiaries_count_ok" CHECK ("dissemination_beneficiaries"."count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dissemination_event_photos" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dissemination_event_photos_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "dissemination_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"held_on" date NOT NULL,
	"place" text NOT NULL,
	"audience" text,
	"attendees" integer,
	"minutes" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "dissemination_events_attendees_ok" CHECK ("dissemination_events"."attendees" IS NULL OR "dissemination_events"."attendees" >= 0)
);
--> statement-breakpoint
CREATE TABLE "dissemination_opportunities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text,
	"sector_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"deadline" date,
	"how_to_apply" text,
	"apply_url" text,
	"quota" integer,
	"eligibility" text,
	"scheme" text,
	"who_may_apply" text,
	"limits" text,
	"contact" text,
	"position" integer DEFAULT 0 NOT NULL,
	"apply_clicks" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dissemination_packages" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"summary_what" text,
	"summary_with_whom" text,
	"summary_until" text,
	"summary_why" text,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"approved_by" uuid,
	"approved_by_name" text,
	"published_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "dissemination_public_documents" (
	"package_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	CONSTRAINT "dissemination_public_documents_package_id_document_id_pk" PRIMARY KEY("package_id","document_id")
);
--> statement-breakpoint
CREATE TABLE "dissemination_recipients" (
	"package_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	"first_opened_at" timestamp with time zone,
	"first_opened_by" uuid,
	"acknowledged_at" timestamp with time zone,
	"acknowledged_by" uuid,
	CONSTRAINT "dissemination_recipients_package_id_unit_id_pk" PRIMARY KEY("package_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "dissemination_reminders" (
	"package_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"stage" text NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "dissemination_reminders_package_id_unit_id_stage_pk" PRIMARY KEY("package_id","unit_id","stage")
);
--> statement-breakpoint
CREATE TABLE "dissemination_tasks" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"package_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"commitment" text NOT NULL,
	"due_on" date,
	"position" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "activity_plans" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"task_id" uuid,
	"unit_id" uuid NOT NULL,
	"budget_year" smallint NOT NULL,
	"program_code" text,
	"kegiatan_code" text,
	"sub_kegiatan_code" text,
	"title" text NOT NULL,
	"budget_amount" numeric(18, 0) NOT NULL,
	"budget_source" text NOT NULL,
	"indicators" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"start_month" text,
	"end_month" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activity_plans_budget_ok" CHECK ("activity_plans"."budget_amount" >= 0)
);
--> statement-breakpoint
ALTER TABLE "dissemination_beneficiaries" ADD CONSTRAINT "dissemination_beneficiaries_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_beneficiaries" ADD CONSTRAINT "dissemination_beneficiaries_opportunity_id_dissemination_opportunities_id_fk" FOREIGN KEY ("opportunity_id") REFERENCES "public"."dissemination_opportunities"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_beneficiaries" ADD CONSTRAINT "dissemination_beneficiaries_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_beneficiaries" ADD CONSTRAINT "dissemination_beneficiaries_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_event_photos" ADD CONSTRAINT "dissemination_event_photos_event_id_dissemination_events_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."dissemination_events"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_event_photos" ADD CONSTRAINT "dissemination_event_photos_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_events" ADD CONSTRAINT "dissemination_events_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_events" ADD CONSTRAINT "dissemination_events_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_opportunities" ADD CONSTRAINT "dissemination_opportunities_package_id_dissemination_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."dissemination_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD CONSTRAINT "dissemination_packages_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD CONSTRAINT "dissemination_packages_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD CONSTRAINT "dissemination_packages_approved_by_users_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD CONSTRAINT "dissemination_packages_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_public_documents" ADD CONSTRAINT "dissemination_public_documents_package_id_dissemination_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."dissemination_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_public_documents" ADD CONSTRAINT "dissemination_public_documents_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_recipients" ADD CONSTRAINT "dissemination_recipients_package_id_dissemination_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."dissemination_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_recipients" ADD CONSTRAINT "dissemination_recipients_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_recipients" ADD CONSTRAINT "dissemination_recipients_first_opened_by_users_id_fk" FOREIGN KEY ("first_opened_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_recipients" ADD CONSTRAINT "dissemination_recipients_acknowledged_by_users_id_fk" FOREIGN KEY ("acknowledged_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_reminders" ADD CONSTRAINT "dissemination_reminders_package_id_dissemination_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."dissemination_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_reminders" ADD CONSTRAINT "dissemination_reminders_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_tasks" ADD CONSTRAINT "dissemination_tasks_package_id_dissemination_packages_id_fk" FOREIGN KEY ("package_id") REFERENCES "public"."dissemination_packages"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "dissemination_tasks" ADD CONSTRAINT "dissemination_tasks_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_plans" ADD CONSTRAINT "activity_plans_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_plans" ADD CONSTRAINT "activity_plans_task_id_dissemination_tasks_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."dissemination_tasks"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_plans" ADD CONSTRAINT "activity_plans_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_plans" ADD CONSTRAINT "activity_plans_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "dissemination_beneficiaries_agreement_idx" ON "dissemination_beneficiaries" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "dissemination_event_photos_event_idx" ON "dissemination_event_photos" USING btree ("event_id");--> statement-breakpoint
CREATE INDEX "dissemination_events_agreement_idx" ON "dissemination_events" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "dissemination_opportunities_package_idx" ON "dissemination_opportunities" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "dissemination_opportunities_type_idx" ON "dissemination_opportunities" USING btree ("type","deadline");--> statement-breakpoint
CREATE INDEX "dissemination_opportunities_sectors_idx" ON "dissemination_opportunities" USING gin ("sector_codes");--> statement-breakpoint
CREATE UNIQUE INDEX "dissemination_packages_agreement_key" ON "dissemination_packages" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "dissemination_packages_status_idx" ON "dissemination_packages" USING btree ("status","published_at");--> statement-breakpoint
CREATE INDEX "dissemination_recipients_unit_idx" ON "dissemination_recipients" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "dissemination_tasks_package_idx" ON "dissemination_tasks" USING btree ("package_id");--> statement-breakpoint
CREATE INDEX "dissemination_tasks_unit_idx" ON "dissemination_tasks" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "activity_plans_agreement_idx" ON "activity_plans" USING btree ("agreement_id");--> statement-breakpoint
CREATE INDEX "activity_plans_unit_idx" ON "activity_plans" USING btree ("unit_id","budget_year");