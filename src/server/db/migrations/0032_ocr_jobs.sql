CREATE TABLE "document_ocr_jobs" (
	"document_id" uuid PRIMARY KEY NOT NULL,
	"state" text DEFAULT 'queued' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"lease_until" timestamp with time zone,
	"page" integer,
	"page_count" integer,
	"error" text,
	"queued_at" timestamp with time zone NOT NULL,
	"started_at" timestamp with time zone,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "documents" ADD COLUMN "ocr_storage_key" text;--> statement-breakpoint
ALTER TABLE "document_ocr_jobs" ADD CONSTRAINT "document_ocr_jobs_document_id_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "document_ocr_jobs_due_idx" ON "document_ocr_jobs" USING btree ("state","next_attempt_at");--> statement-breakpoint
ALTER TABLE "documents" ADD CONSTRAINT "documents_ocr_storage_key_unique" UNIQUE("ocr_storage_key");--> statement-breakpoint
-- Scans uploaded before OCR existed are read now.
INSERT INTO "document_ocr_jobs" ("document_id", "next_attempt_at", "queued_at") SELECT "id", now(), now() FROM "documents" WHERE "needs_ocr";
