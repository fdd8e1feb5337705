CREATE TABLE "agreement_search" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
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
	"search_vector" "tsvector" NOT NULL
);
--> statement-breakpoint
CREATE TABLE "registry_revision" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"revision" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "registry_revision_single_row" CHECK ("registry_revision"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "agreement_search" ADD CONSTRAINT "agreement_search_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_search_signed_desc_idx" ON "agreement_search" USING btree ("signed_on" DESC NULLS LAST,"agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_search_signed_asc_idx" ON "agreement_search" USING btree ("signed_on","agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_search_ends_idx" ON "agreement_search" USING btree ("ends_on","agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_search_vector_idx" ON "agreement_search" USING gin ("search_vector");