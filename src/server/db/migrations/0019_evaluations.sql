CREATE TABLE "evaluation_responses" (
	"evaluation_id" uuid NOT NULL,
	"respondent" text NOT NULL,
	"user_id" uuid,
	"answers" jsonb NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	CONSTRAINT "evaluation_responses_evaluation_id_respondent_pk" PRIMARY KEY("evaluation_id","respondent"),
	CONSTRAINT "evaluation_responses_respondent_ok" CHECK ("evaluation_responses"."respondent" IN ('opd', 'tkksd', 'partner', 'admin'))
);
--> statement-breakpoint
CREATE TABLE "evaluations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"period" text NOT NULL,
	"form_revision" integer NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"reopened_from" uuid,
	"opened_by" uuid,
	"opened_at" timestamp with time zone NOT NULL,
	"finalised_by" uuid,
	"finalised_at" timestamp with time zone,
	"version" integer DEFAULT 1 NOT NULL,
	CONSTRAINT "evaluations_status_ok" CHECK ("evaluations"."status" IN ('open', 'final'))
);
--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_responses" ADD CONSTRAINT "evaluation_responses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_form_revision_evaluation_forms_revision_fk" FOREIGN KEY ("form_revision") REFERENCES "public"."evaluation_forms"("revision") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_reopened_from_evaluations_id_fk" FOREIGN KEY ("reopened_from") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_opened_by_users_id_fk" FOREIGN KEY ("opened_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluations" ADD CONSTRAINT "evaluations_finalised_by_users_id_fk" FOREIGN KEY ("finalised_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluations_agreement_idx" ON "evaluations" USING btree ("agreement_id","opened_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluations_one_open_idx" ON "evaluations" USING btree ("agreement_id","period") WHERE "evaluations"."status" = 'open';