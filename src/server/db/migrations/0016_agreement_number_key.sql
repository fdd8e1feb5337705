DROP INDEX "agreements_number_ours_key";--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "number_key" text;--> statement-breakpoint
ALTER TABLE "agreements" ADD COLUMN "number_key_duplicate" boolean DEFAULT false NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "agreements_number_key_key" ON "agreements" USING btree ("number_key") WHERE NOT "agreements"."number_key_duplicate";--> statement-breakpoint
CREATE INDEX "agreements_number_key_idx" ON "agreements" USING btree ("number_key");