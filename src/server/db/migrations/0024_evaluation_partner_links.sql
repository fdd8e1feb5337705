CREATE TABLE "evaluation_partner_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"evaluation_id" uuid NOT NULL,
	"email" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"revoked_at" timestamp with time zone,
	"answered_at" timestamp with time zone,
	CONSTRAINT "evaluation_partner_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
ALTER TABLE "evaluation_partner_links" ADD CONSTRAINT "evaluation_partner_links_evaluation_id_evaluations_id_fk" FOREIGN KEY ("evaluation_id") REFERENCES "public"."evaluations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "evaluation_partner_links" ADD CONSTRAINT "evaluation_partner_links_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "evaluation_partner_links_evaluation_idx" ON "evaluation_partner_links" USING btree ("evaluation_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "evaluation_partner_links_one_live_idx" ON "evaluation_partner_links" USING btree ("evaluation_id") WHERE "evaluation_partner_links"."revoked_at" IS NULL;