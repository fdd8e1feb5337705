CREATE TABLE "digest_runs" (
	"month" text PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"recipients" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "outbox" ADD COLUMN "html_body" text;--> statement-breakpoint
ALTER TABLE "digest_runs" ADD CONSTRAINT "digest_runs_month_format" CHECK ("month" ~ '^[0-9]{4}-(0[1-9]|1[0-2])$');--> statement-breakpoint
-- The monthly digest to the pimpinan: on, sent from the 1st of each month for the month before.
INSERT INTO settings (key, value) VALUES
  ('digest_enabled', 'true'),
  ('digest_day', '1')
ON CONFLICT (key) DO NOTHING;
