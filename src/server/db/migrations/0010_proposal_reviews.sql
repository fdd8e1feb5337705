CREATE TABLE "proposal_document_comments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"document_id" uuid NOT NULL,
	"body" text NOT NULL,
	"author_id" uuid,
	"author_kind" text NOT NULL,
	"author_name" text NOT NULL,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "proposal_meetings" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"held_at" timestamp with time zone NOT NULL,
	"place" text,
	"link" text,
	"attendees" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"minutes" text,
	"decisions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"follow_ups" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposal_meetings_place_or_link" CHECK ("proposal_meetings"."place" IS NOT NULL OR "proposal_meetings"."link" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "proposal_review_assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"review_id" uuid NOT NULL,
	"tier_position" smallint NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"assigned_at" timestamp with time zone NOT NULL,
	"assigned_by" uuid,
	"ended_at" timestamp with time zone,
	"replaced_by" uuid
);
--> statement-breakpoint
CREATE TABLE "proposal_review_decisions" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"review_id" uuid NOT NULL,
	"assignment_id" uuid NOT NULL,
	"round" integer NOT NULL,
	"tier_position" smallint NOT NULL,
	"reviewer_id" uuid NOT NULL,
	"decision" text NOT NULL,
	"comment" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "proposal_review_decisions_comment" CHECK ("proposal_review_decisions"."decision" = 'approve' OR "proposal_review_decisions"."comment" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "proposal_review_tiers" (
	"review_id" uuid NOT NULL,
	"position" smallint NOT NULL,
	"rule" text NOT NULL,
	CONSTRAINT "proposal_review_tiers_review_id_position_pk" PRIMARY KEY("review_id","position")
);
--> statement-breakpoint
CREATE TABLE "proposal_reviews" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"proposal_id" uuid NOT NULL,
	"stage_code" text NOT NULL,
	"status" text DEFAULT 'berjalan' NOT NULL,
	"round" integer DEFAULT 1 NOT NULL,
	"current_tier" smallint DEFAULT 1 NOT NULL,
	"completed_at" timestamp with time zone,
	"created_by" uuid,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "proposal_document_comments" ADD CONSTRAINT "proposal_document_comments_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_document_comments" ADD CONSTRAINT "proposal_document_comments_document_id_proposal_documents_id_fk" FOREIGN KEY ("document_id") REFERENCES "public"."proposal_documents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_document_comments" ADD CONSTRAINT "proposal_document_comments_author_id_users_id_fk" FOREIGN KEY ("author_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_meetings" ADD CONSTRAINT "proposal_meetings_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_meetings" ADD CONSTRAINT "proposal_meetings_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_review_assignments" ADD CONSTRAINT "proposal_review_assignments_review_id_proposal_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."proposal_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_review_assignments" ADD CONSTRAINT "proposal_review_assignments_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_review_assignments" ADD CONSTRAINT "proposal_review_assignments_assigned_by_users_id_fk" FOREIGN KEY ("assigned_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_review_decisions" ADD CONSTRAINT "proposal_review_decisions_review_id_proposal_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."proposal_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_review_decisions" ADD CONSTRAINT "proposal_review_decisions_assignment_id_proposal_review_assignments_id_fk" FOREIGN KEY ("assignment_id") REFERENCES "public"."proposal_review_assignments"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_review_decisions" ADD CONSTRAINT "proposal_review_decisions_reviewer_id_users_id_fk" FOREIGN KEY ("reviewer_id") REFERENCES "public"."users"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_review_tiers" ADD CONSTRAINT "proposal_review_tiers_review_id_proposal_reviews_id_fk" FOREIGN KEY ("review_id") REFERENCES "public"."proposal_reviews"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_reviews" ADD CONSTRAINT "proposal_reviews_proposal_id_proposals_id_fk" FOREIGN KEY ("proposal_id") REFERENCES "public"."proposals"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "proposal_reviews" ADD CONSTRAINT "proposal_reviews_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "proposal_document_comments_document_idx" ON "proposal_document_comments" USING btree ("document_id","created_at");--> statement-breakpoint
CREATE INDEX "proposal_meetings_proposal_idx" ON "proposal_meetings" USING btree ("proposal_id","held_at");--> statement-breakpoint
CREATE INDEX "proposal_review_assignments_review_idx" ON "proposal_review_assignments" USING btree ("review_id","tier_position");--> statement-breakpoint
CREATE INDEX "proposal_review_assignments_reviewer_idx" ON "proposal_review_assignments" USING btree ("reviewer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_review_assignments_active_key" ON "proposal_review_assignments" USING btree ("review_id","reviewer_id") WHERE ended_at IS NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_review_decisions_round_key" ON "proposal_review_decisions" USING btree ("assignment_id","round");--> statement-breakpoint
CREATE INDEX "proposal_review_decisions_review_idx" ON "proposal_review_decisions" USING btree ("review_id","round");--> statement-breakpoint
CREATE UNIQUE INDEX "proposal_reviews_stage_key" ON "proposal_reviews" USING btree ("proposal_id","stage_code");