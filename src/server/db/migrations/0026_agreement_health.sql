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
ALTER TABLE "agreement_health" ADD CONSTRAINT "agreement_health_agreement_id_agreements_id_fk" FOREIGN KEY ("agreement_id") REFERENCES "public"."agreements"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_health_status_idx" ON "agreement_health" USING btree ("status","agreement_id");--> statement-breakpoint
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
CREATE CONSTRAINT TRIGGER agreements_health AFTER INSERT OR UPDATE OR DELETE ON agreements
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agreement_units_health AFTER INSERT OR UPDATE OR DELETE ON agreement_units
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER activity_plans_health AFTER INSERT OR UPDATE OR DELETE ON activity_plans
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER realisation_reports_health AFTER INSERT OR UPDATE OR DELETE ON realisation_reports
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER dissemination_packages_health AFTER INSERT OR UPDATE OR DELETE ON dissemination_packages
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER dissemination_recipients_health AFTER INSERT OR UPDATE OR DELETE ON dissemination_recipients
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER obligations_health AFTER INSERT OR UPDATE OR DELETE ON obligations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER obligation_occurrences_health AFTER INSERT OR UPDATE OR DELETE ON obligation_occurrences
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER evaluations_health AFTER INSERT OR UPDATE OR DELETE ON evaluations
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
-- The dormancy months, the warning window and the report close days are settings.
CREATE CONSTRAINT TRIGGER settings_health AFTER INSERT OR UPDATE OR DELETE ON settings
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_health_generation();
--> statement-breakpoint
-- The register counts by health: its stored rows changing moves the registry's revision.
CREATE CONSTRAINT TRIGGER agreement_health_revision AFTER INSERT OR UPDATE OR DELETE ON agreement_health
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_registry_revision();
