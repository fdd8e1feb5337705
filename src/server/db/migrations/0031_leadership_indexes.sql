-- The leadership dashboard counts (decision record 0019-leadership-dashboard): each index holds
-- what one of its subqueries reads, so PostgreSQL answers from the index alone instead of the wide
-- rows (an agreement's row carries its search vector; a report's its texts).
-- The cohort: counted agreements (KB, PKS, NK, not drafts) by signing day, with their dates.
CREATE INDEX IF NOT EXISTS "agreements_in_force_idx" ON "agreements" ("signed_on")
  INCLUDE ("id", "starts_on", "ends_on", "termination_kind", "terminated_on", "primary_sector_code")
  WHERE NOT "is_draft" AND "doc_type" IN ('KB', 'PKS', 'NK') AND "signed_on" IS NOT NULL;
--> statement-breakpoint
-- Verified reports per period with what the dashboard sums (beneficiaries, funds).
CREATE INDEX IF NOT EXISTS "realisation_reports_verified_idx" ON "realisation_reports" ("period", "agreement_id", "unit_id")
  INCLUDE ("beneficiaries", "funds") WHERE "status" = 'verified';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "activity_plans_year_idx" ON "activity_plans" ("budget_year", "agreement_id", "unit_id") INCLUDE ("budget_amount");
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dissemination_packages_published_idx" ON "dissemination_packages" ("published_at")
  INCLUDE ("agreement_id", "id") WHERE "status" = 'published';
--> statement-breakpoint
CREATE INDEX IF NOT EXISTS "dissemination_recipients_acknowledged_idx" ON "dissemination_recipients" ("acknowledged_at")
  INCLUDE ("package_id") WHERE "acknowledged_at" IS NOT NULL;
