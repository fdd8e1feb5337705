CREATE TABLE "impact_study_drafts" (
	"from_year" integer NOT NULL,
	"to_year" integer NOT NULL,
	"narrative" text NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "impact_study_drafts_from_year_to_year_pk" PRIMARY KEY("from_year","to_year"),
	CONSTRAINT "impact_study_drafts_range_ok" CHECK ("impact_study_drafts"."from_year" <= "impact_study_drafts"."to_year")
);
--> statement-breakpoint
ALTER TABLE "impact_study_drafts" ADD CONSTRAINT "impact_study_drafts_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;