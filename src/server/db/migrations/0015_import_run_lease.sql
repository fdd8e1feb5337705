ALTER TABLE "import_runs" ADD COLUMN "owner_id" text;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "lease_expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "import_runs" ADD COLUMN "interrupted_at" timestamp with time zone;