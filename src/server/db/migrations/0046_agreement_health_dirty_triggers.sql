-- The agreements whose health facts changed (agreement_health_dirty, decision 0039): statement
-- triggers with transition tables on each fact table of migration 0026 add the agreement ids a
-- statement touched, so that an import of 20,000 rows marks them in one statement. Each table
-- names, as the trigger's argument, how its rows ($rows) lead to an agreement; the query runs
-- through EXECUTE, planned for the rows at hand (a plan kept for the session would pair a batch by
-- a nested loop, migration 0044). An agreement's own row names its parent too: a KB or NK lives
-- through the PKS under it (agreement-health.rules healthOfAll). Settings reach every agreement: NULL.
CREATE OR REPLACE FUNCTION jalin_mark_health_dirty() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    EXECUTE 'INSERT INTO agreement_health_dirty (agreement_id) SELECT DISTINCT id FROM ('
      || replace(TG_ARGV[0], '$rows', 'new_rows') || ') AS touched(id)';
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN
    EXECUTE 'INSERT INTO agreement_health_dirty (agreement_id) SELECT DISTINCT id FROM ('
      || replace(TG_ARGV[0], '$rows', 'old_rows') || ') AS touched(id)';
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
DO $$
DECLARE
  fact record;
BEGIN
  FOR fact IN SELECT * FROM (VALUES
    ('agreements', 'SELECT r.id FROM $rows r UNION ALL SELECT r.parent_id FROM $rows r WHERE r.parent_id IS NOT NULL'),
    ('agreement_units', 'SELECT r.agreement_id FROM $rows r'),
    ('activity_plans', 'SELECT r.agreement_id FROM $rows r'),
    ('realisation_reports', 'SELECT r.agreement_id FROM $rows r'),
    ('dissemination_packages', 'SELECT r.agreement_id FROM $rows r'),
    ('dissemination_recipients', 'SELECT p.agreement_id FROM $rows r JOIN dissemination_packages p ON p.id = r.package_id'),
    ('obligations', 'SELECT r.agreement_id FROM $rows r'),
    ('obligation_occurrences', 'SELECT o.agreement_id FROM $rows r JOIN obligations o ON o.id = r.obligation_id'),
    ('evaluations', 'SELECT r.agreement_id FROM $rows r'),
    ('settings', 'SELECT NULL::uuid FROM $rows r LIMIT 1')
  ) AS facts(table_name, touched)
  LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION jalin_mark_health_dirty(%L)', fact.table_name || '_health_dirty_insert', fact.table_name, fact.touched);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
      FOR EACH STATEMENT EXECUTE FUNCTION jalin_mark_health_dirty(%L)', fact.table_name || '_health_dirty_update', fact.table_name, fact.touched);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS old_rows
      FOR EACH STATEMENT EXECUTE FUNCTION jalin_mark_health_dirty(%L)', fact.table_name || '_health_dirty_delete', fact.table_name, fact.touched);
  END LOOP;
END;
$$;
--> statement-breakpoint
-- Changes made before these triggers marked nothing: the first refresh derives every agreement.
INSERT INTO agreement_health_dirty (agreement_id) VALUES (NULL);
