CREATE TABLE "expiry_alerts" (
	"agreement_id" uuid NOT NULL,
	"ends_on" date NOT NULL,
	"stage_days" smallint NOT NULL,
	"user_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "expiry_alerts_agreement_id_ends_on_stage_days_user_id_pk" PRIMARY KEY("agreement_id","ends_on","stage_days","user_id")
);
--> statement-breakpoint
CREATE TABLE "renewal_decisions" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
	"decision" text NOT NULL,
	"reason" text NOT NULL,
	"end_reason" text,
	"override_reason" text,
	"ends_on" date,
	"decided_by" uuid,
	"decided_at" timestamp with time zone NOT NULL,
	CONSTRAINT "renewal_decisions_decision_ok" CHECK ("renewal_decisions"."decision" IN ('extend', 'end_early', 'lapse'))
);
--> statement-breakpoint
ALTER TABLE "expiry_alerts" ADD CONSTRAINT "expiry_alerts_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "expiry_alerts" ADD CONSTRAINT "expiry_alerts_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_decisions" ADD CONSTRAINT "renewal_decisions_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "renewal_decisions" ADD CONSTRAINT "renewal_decisions_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "expiry_alerts_user_idx" ON "expiry_alerts" USING btree ("user_id","sent_at");