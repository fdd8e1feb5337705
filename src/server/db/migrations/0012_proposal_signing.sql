CREATE TABLE "draft_templates" (
	"type" text PRIMARY KEY NOT NULL,
	"title" text NOT NULL,
	"sections" jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_signings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"doc_type" text NOT NULL,
	"mode" text NOT NULL,
	"scheduled_on" date NOT NULL,
	"place" text NOT NULL,
	"note" text,
	"paraf_every_page" boolean DEFAULT false NOT NULL,
	"meterai" boolean DEFAULT false NOT NULL,
	"seal_every_copy" boolean DEFAULT false NOT NULL,
	"checked_at" timestamp with time zone,
	"signed_document_id" uuid,
	"agreement_id" uuid,
	"registered_at" timestamp with time zone,
	"registered_by" uuid,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "draft_templates" ADD CONSTRAINT "draft_templates_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signings" ADD CONSTRAINT "proposal_signings_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signings" ADD CONSTRAINT "proposal_signings_signed_document_id_proposal_documents_id_fk" FOREIGN KEY ("signed_document_id") REFERENCES "public"."proposal_documents"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signings" ADD CONSTRAINT "proposal_signings_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signings" ADD CONSTRAINT "proposal_signings_registered_by_users_id_fk" FOREIGN KEY ("registered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_signings" ADD CONSTRAINT "proposal_signings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_signings_proposal_type_key" ON "proposal_signings" USING btree ("proposal_id","doc_type");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_signings_agreement_key" ON "proposal_signings" USING btree ("agreement_id");