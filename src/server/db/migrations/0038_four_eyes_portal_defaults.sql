ALTER TABLE "agreements" ALTER COLUMN "is_public" SET DEFAULT false;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD COLUMN "publication_requested_by" uuid;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD COLUMN "publication_requested_by_name" text;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD COLUMN "publication_requested_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD COLUMN "sent_back_note" text;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD COLUMN "sent_back_by_name" text;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD COLUMN "sent_back_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "dissemination_packages" ADD CONSTRAINT "dissemination_packages_publication_requested_by_users_id_fk" FOREIGN KEY ("publication_requested_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
-- Safer defaults (issue 14): an agreement already marked public stays public only if its signed
-- document is attached; the others wait for a person to choose again once the document is there.
UPDATE "agreements" SET "is_public" = false WHERE "is_public" AND NOT EXISTS (SELECT 1 FROM "documents" d WHERE d."agreement_id" = "agreements"."id" AND d."kind" = 'naskah_ttd');
