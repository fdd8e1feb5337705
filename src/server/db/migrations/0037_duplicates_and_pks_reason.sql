CREATE TABLE "partner_duplicate_dismissals" (
	"partner_low_id" uuid NOT NULL,
	"partner_high_id" uuid NOT NULL,
	"dismissed_by" uuid,
	"dismissed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "partner_duplicate_dismissals_partner_low_id_partner_high_id_pk" PRIMARY KEY("partner_low_id","partner_high_id"),
	CONSTRAINT "partner_duplicate_dismissals_ordered" CHECK ("partner_duplicate_dismissals"."partner_low_id" < "partner_duplicate_dismissals"."partner_high_id")
);
--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "no_parent_reason" text;--> statement-breakpoint
ALTER TABLE "partner_duplicate_dismissals" ADD CONSTRAINT "partner_duplicate_dismissals_partner_low_id_partners_id_fk" FOREIGN KEY ("partner_low_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_duplicate_dismissals" ADD CONSTRAINT "partner_duplicate_dismissals_partner_high_id_partners_id_fk" FOREIGN KEY ("partner_high_id") REFERENCES "public"."partners"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "partner_duplicate_dismissals" ADD CONSTRAINT "partner_duplicate_dismissals_dismissed_by_users_id_fk" FOREIGN KEY ("dismissed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "partner_duplicate_dismissals_high_idx" ON "partner_duplicate_dismissals" USING btree ("partner_high_id");