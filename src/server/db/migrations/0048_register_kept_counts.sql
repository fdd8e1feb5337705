CREATE TABLE "register_kept_counts" (
	"key" text PRIMARY KEY NOT NULL,
	"rows" jsonb NOT NULL,
	"snapshot" text NOT NULL,
	"counted_at" timestamp with time zone DEFAULT now() NOT NULL
);
