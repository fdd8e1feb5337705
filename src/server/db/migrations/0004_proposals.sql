CREATE TABLE "proposal_documents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"doc_type" text NOT NULL,
	"version_no" integer NOT NULL,
	"file_name" text NOT NULL,
	"mime_type" text NOT NULL,
	"size_bytes" bigint NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"page_count" integer,
	"text_content" text,
	"needs_ocr" boolean DEFAULT false NOT NULL,
	"note" text,
	"uploaded_via" text NOT NULL,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_documents_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "proposal_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"proposal_id" uuid NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"action" text NOT NULL,
	"from_stage" text,
	"to_stage" text,
	"from_state" text,
	"to_state" text,
	"note" text,
	"details" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"actor_id" uuid,
	"actor_label" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_links" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"purpose" text NOT NULL,
	"token_hash" text NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"used_at" timestamp with time zone,
	"revoked_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposal_links_token_hash_unique" UNIQUE("token_hash")
);
--> statement-breakpoint
CREATE TABLE "proposals" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tracking_code" text NOT NULL,
	"kind" text NOT NULL,
	"title" text NOT NULL,
	"initiator_type" text NOT NULL,
	"unit_id" uuid,
	"external_institution" text,
	"external_contact_name" text,
	"external_email" text,
	"external_phone" text,
	"planned_partners" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"sector_codes" text[] DEFAULT '{}'::text[] NOT NULL,
	"latar_belakang" text,
	"maksud_tujuan" text,
	"lokasi" text,
	"ruang_lingkup" text,
	"peran_para_pihak" text,
	"jangka_waktu_bulan" integer,
	"jangka_waktu_alasan" text,
	"manfaat" text,
	"dampak_sosial" text,
	"dampak_ekonomi" text,
	"dampak_lingkungan" text,
	"pembiayaan" text,
	"burdens_public" boolean DEFAULT false NOT NULL,
	"unbudgeted_in_apbd" boolean DEFAULT false NOT NULL,
	"needs_dprd" boolean GENERATED ALWAYS AS (burdens_public OR unbudgeted_in_apbd) STORED,
	"stage_code" text NOT NULL,
	"state" text NOT NULL,
	"stage_entered_at" timestamp with time zone DEFAULT now() NOT NULL,
	"submitted_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"idempotency_key" text,
	"email_confirmed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "proposals_tracking_code_unique" UNIQUE("tracking_code"),
	CONSTRAINT "proposals_idempotency_key_unique" UNIQUE("idempotency_key"),
	CONSTRAINT "proposals_opd_has_unit" CHECK ("proposals"."initiator_type" <> 'opd' OR "proposals"."unit_id" IS NOT NULL),
	CONSTRAINT "proposals_external_has_contact" CHECK ("proposals"."initiator_type" <> 'external' OR ("proposals"."external_institution" IS NOT NULL AND "proposals"."external_email" IS NOT NULL))
);
--> statement-breakpoint
ALTER TABLE "proposal_documents" ADD CONSTRAINT "proposal_documents_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_documents" ADD CONSTRAINT "proposal_documents_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_events" ADD CONSTRAINT "proposal_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_links" ADD CONSTRAINT "proposal_links_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposals" ADD CONSTRAINT "proposals_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_documents_version_key" ON "proposal_documents" USING btree ("proposal_id","doc_type","version_no");--> statement-breakpoint
CREATE INDEX "proposal_events_proposal_idx" ON "proposal_events" USING btree ("proposal_id","at");--> statement-breakpoint
CREATE INDEX "proposal_links_proposal_idx" ON "proposal_links" USING btree ("proposal_id","purpose");--> statement-breakpoint
CREATE INDEX "proposals_state_idx" ON "proposals" USING btree ("state","kind","stage_code");--> statement-breakpoint
CREATE INDEX "proposals_unit_idx" ON "proposals" USING btree ("unit_id");