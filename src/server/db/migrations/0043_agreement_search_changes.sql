CREATE TABLE "agreement_search_changes" (
	"tx" "xid8" DEFAULT pg_current_xact_id() NOT NULL,
	"sign" smallint NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"agreement_id" uuid NOT NULL,
	"signed_on" date,
	"doc_type" text NOT NULL,
	"kind" text NOT NULL,
	"is_draft" boolean NOT NULL,
	"ends_on" date,
	"termination_kind" text,
	"terminated_on" date,
	"primary_category_code" text,
	"primary_sector_code" text NOT NULL,
	"sector_codes" text[] NOT NULL,
	"unit_ids" uuid[] NOT NULL,
	"health" text
);
--> statement-breakpoint
CREATE TABLE "agreement_search_changes_horizon" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"counted_from" "xid8" NOT NULL,
	CONSTRAINT "agreement_search_changes_horizon_single_row" CHECK ("agreement_search_changes_horizon"."id" = 1)
);
--> statement-breakpoint
CREATE INDEX "agreement_search_changes_tx_idx" ON "agreement_search_changes" USING btree ("tx");--> statement-breakpoint
CREATE INDEX "agreement_search_changes_at_idx" ON "agreement_search_changes" USING btree ("at");