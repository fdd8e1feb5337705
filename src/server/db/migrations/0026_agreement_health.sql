CREATE TABLE "agreement_health" (
	"agreement_id" uuid PRIMARY KEY NOT NULL,
	"status" text NOT NULL,
	"reasons" text[] NOT NULL,
	"last_band" text
);
--> statement-breakpoint
CREATE TABLE "agreement_health_changes" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "agreement_health_changes_single_row" CHECK ("agreement_health_changes"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE "agreement_health_refresh" (
	"id" smallint PRIMARY KEY DEFAULT 1 NOT NULL,
	"generation" bigint NOT NULL,
	"as_of" date NOT NULL,
	"refreshed_at" timestamp with time zone NOT NULL,
	CONSTRAINT "agreement_health_refresh_single_row" CHECK ("agreement_health_refresh"."id" = 1)
);
--> statement-breakpoint
ALTER TABLE "agreement_search" ADD COLUMN "health" text;--> statement-breakpoint
ALTER TABLE "agreement_health" ADD CONSTRAINT "agreement_health_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_search_health_signed_idx" ON "agreement_search" USING btree ("health","signed_on" DESC NULLS LAST,"agreement_id");--> statement-breakpoint
CREATE INDEX "agreement_search_health_ends_idx" ON "agreement_search" USING btree ("health","ends_on","agreement_id");
--> statement-breakpoint
INSERT INTO agreement_health_changes (id, generation) VALUES (1, 1) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
-- The facts' generation moves at the commit of any change health is derived from (decision 0016),
-- once per transaction. It bumps the registry's revision first: a writer then always takes the two
-- rows in the same order, whichever table it wrote first, so two writers never wait on each other
-- in a circle; and the register's cached counts, which include health, follow the change.
CREATE OR REPLACE FUNCTION jalin_bump_health_generation() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('jalin.health_bumped', true) IS DISTINCT FROM 'on' THEN
    IF current_setting('jalin.registry_bumped', true) IS DISTINCT FROM 'on' THEN
      INSERT INTO registry_revision AS r (id, revision) VALUES (1, 1)
        ON CONFLICT (id) DO UPDATE SET revision = r.revision + 1;
      PERFORM set_config('jalin.registry_bumped', 'on', true);
    END IF;
    UPDATE agreement_health_changes SET generation = generation + 1 WHERE id = 1;
    PERFORM set_config('jalin.health_bumped', 'on', true);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Every table health is derived from; the settings hold the dormancy months, the warning window
-- and the report close days.
DO $$
DECLARE
  fact_table text;
BEGIN
  FOREACH fact_table IN ARRAY ARRAY['agreements', 'agreement_units', 'activity_plans', 'realisation_reports',
    'dissemination_packages', 'dissemination_recipients', 'obligations', 'obligation_occurrences', 'evaluations', 'settings']
  LOOP
    EXECUTE format('CREATE CONSTRAINT TRIGGER %I AFTER INSERT OR UPDATE OR DELETE ON %I
      DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation()', fact_table || '_health', fact_table);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- The register keeps a copy of the state in its own row (agreement_search.health), so that a
-- health-filtered page walks one index in the page's order. Statement triggers with the changed rows:
-- a refresh that changes thousands of states updates the copies in one statement.
CREATE OR REPLACE FUNCTION jalin_copy_health_to_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    UPDATE agreement_search s SET health = NULL FROM old_rows o WHERE s.agreement_id = o.agreement_id AND s.health IS NOT NULL;
  ELSE
    UPDATE agreement_search s SET health = n.status FROM new_rows n WHERE s.agreement_id = n.agreement_id AND s.health IS DISTINCT FROM n.status;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_health_search_insert AFTER INSERT ON agreement_health
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jalin_copy_health_to_search();
--> statement-breakpoint
CREATE TRIGGER agreement_health_search_update AFTER UPDATE ON agreement_health
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jalin_copy_health_to_search();
--> statement-breakpoint
CREATE TRIGGER agreement_health_search_delete AFTER DELETE ON agreement_health
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jalin_copy_health_to_search();
