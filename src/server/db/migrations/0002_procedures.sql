CREATE TABLE "procedure_stages" (
	"kind" text NOT NULL,
	"position" smallint NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"required_docs_opd" text[] DEFAULT '{}'::text[] NOT NULL,
	"required_docs_external" text[] DEFAULT '{}'::text[] NOT NULL,
	"target_days" integer NOT NULL,
	"is_dprd_approval" boolean DEFAULT false NOT NULL,
	CONSTRAINT "procedure_stages_kind_position_pk" PRIMARY KEY("kind","position"),
	CONSTRAINT "procedure_stages_target_days_range" CHECK ("procedure_stages"."target_days" >= 0)
);
--> statement-breakpoint
CREATE TABLE "procedures" (
	"kind" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"description" text,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "procedure_stages" ADD CONSTRAINT "procedure_stages_kind_procedures_kind_fk" FOREIGN KEY ("kind") REFERENCES "public"."procedures"("kind") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "procedure_stages_kind_code_key" ON "procedure_stages" USING btree ("kind","code");