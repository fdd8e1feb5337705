CREATE TABLE "evaluation_forms" (
	"revision" integer PRIMARY KEY NOT NULL,
	"note" text NOT NULL,
	"dimension_weights" jsonb NOT NULL,
	"bands" jsonb NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_forms_revision_ok" CHECK ("evaluation_forms"."revision" >= 1)
);
--> statement-breakpoint
CREATE TABLE "evaluation_indicators" (
	"revision" integer NOT NULL,
	"code" text NOT NULL,
	"position" integer NOT NULL,
	"dimension" text NOT NULL,
	"question" text NOT NULL,
	"question_en" text NOT NULL,
	"scale" jsonb NOT NULL,
	"weight" integer NOT NULL,
	"evidence_required" boolean NOT NULL,
	"respondents" text[] NOT NULL,
	"computed_from" text,
	CONSTRAINT "evaluation_indicators_revision_code_pk" PRIMARY KEY("revision","code"),
	CONSTRAINT "evaluation_indicators_dimension_ok" CHECK ("evaluation_indicators"."dimension" IN ('simbiosis', 'mutualisme', 'implementasi')),
	CONSTRAINT "evaluation_indicators_weight_ok" CHECK ("evaluation_indicators"."weight" BETWEEN 1 AND 100)
);
--> statement-breakpoint
ALTER TABLE "evaluation_forms" ADD CONSTRAINT "evaluation_forms_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_indicators" ADD CONSTRAINT "evaluation_indicators_revision_evaluation_forms_revision_fk" FOREIGN KEY ("revision") REFERENCES "public"."evaluation_forms"("revision") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A revision of the evaluation form is frozen once written: evaluations filled on it must read the
-- same questions, weights and bands for ever. A change is a new revision.
CREATE OR REPLACE FUNCTION jalin_refuse_form_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'evaluation form revisions are frozen: write a new revision instead' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER evaluation_forms_frozen BEFORE UPDATE OR DELETE ON "evaluation_forms" FOR EACH ROW EXECUTE FUNCTION jalin_refuse_form_change();--> statement-breakpoint
CREATE TRIGGER evaluation_indicators_frozen BEFORE UPDATE OR DELETE ON "evaluation_indicators" FOR EACH ROW EXECUTE FUNCTION jalin_refuse_form_change();
