CREATE TABLE "obligation_occurrences" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"obligation_id" uuid NOT NULL,
	"due_on" date,
	"status" text NOT NULL,
	"waiver_reason" text,
	"note" text,
	"file_name" text,
	"mime_type" text,
	"size_bytes" integer,
	"sha256" text,
	"storage_key" text,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "obligation_occurrences_storage_key_unique" UNIQUE("storage_key"),
	CONSTRAINT "obligation_occurrences_key" UNIQUE NULLS NOT DISTINCT("obligation_id","due_on"),
	CONSTRAINT "obligation_occurrences_waiver_reason" CHECK ("obligation_occurrences"."status" <> 'waived' OR "obligation_occurrences"."waiver_reason" IS NOT NULL),
	CONSTRAINT "obligation_occurrences_evidence" CHECK (("obligation_occurrences"."storage_key" IS NULL) = ("obligation_occurrences"."sha256" IS NULL))
);
--> statement-breakpoint
ALTER TABLE "obligation_occurrences" ADD CONSTRAINT "obligation_occurrences_obligation_id_obligations_id_fk" FOREIGN KEY ("obligation_id") REFERENCES "public"."obligations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "obligation_occurrences" ADD CONSTRAINT "obligation_occurrences_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;