CREATE TABLE "evaluation_computed_values" (
	"evaluation_id" uuid NOT NULL,
	"code" text NOT NULL,
	"source" text NOT NULL,
	"score" smallint,
	"figure_count" integer,
	"figure_of" integer,
	"computed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_computed_values_evaluation_id_code_pk" PRIMARY KEY("evaluation_id","code"),
	CONSTRAINT "evaluation_computed_values_score_ok" CHECK ("evaluation_computed_values"."score" IS NULL OR "evaluation_computed_values"."score" BETWEEN 0 AND 4)
);
--> statement-breakpoint
ALTER TABLE "evaluation_computed_values" ADD CONSTRAINT "evaluation_computed_values_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
-- A final evaluation's computed values are frozen once written (decision 0018).
CREATE OR REPLACE FUNCTION jalin_refuse_computed_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'computed values of a final evaluation are frozen' USING ERRCODE = 'integrity_constraint_violation';
END;
$$;--> statement-breakpoint
CREATE TRIGGER evaluation_computed_values_frozen BEFORE UPDATE OR DELETE ON "evaluation_computed_values" FOR EACH ROW EXECUTE FUNCTION jalin_refuse_computed_change();
