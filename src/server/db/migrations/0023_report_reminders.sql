CREATE TABLE "report_reminders" (
	"plan_id" uuid NOT NULL,
	"period" text NOT NULL,
	"stage" text NOT NULL,
	"user_id" uuid NOT NULL,
	"sent_at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_reminders_plan_id_period_stage_user_id_pk" PRIMARY KEY("plan_id","period","stage","user_id")
);
--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_plan_id_activity_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."activity_plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_reminders" ADD CONSTRAINT "report_reminders_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_reminders_user_idx" ON "report_reminders" USING btree ("user_id","sent_at");