-- The copy of each stored health state into the register's rows (migration 0026) ran its UPDATE as
-- static PL/pgSQL, whose plan is made once per session: planned for a whole-register refresh, the
-- delete branch kept scanning agreement_search for a refresh of one agreement that deleted no row
-- (946 ms at 1,000,000 agreements, decision 0039). The statements now run through EXECUTE, planned
-- for the rows at hand, and not at all when the statement touched no row.
CREATE OR REPLACE FUNCTION jalin_copy_health_to_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    IF NOT EXISTS (SELECT 1 FROM old_rows) THEN RETURN NULL; END IF;
    EXECUTE 'UPDATE agreement_search s SET health = NULL FROM old_rows o
      WHERE s.agreement_id = o.agreement_id AND s.health IS NOT NULL';
  ELSE
    IF NOT EXISTS (SELECT 1 FROM new_rows) THEN RETURN NULL; END IF;
    EXECUTE 'UPDATE agreement_search s SET health = n.status FROM new_rows n
      WHERE s.agreement_id = n.agreement_id AND s.health IS DISTINCT FROM n.status';
  END IF;
  RETURN NULL;
END;
$$;
