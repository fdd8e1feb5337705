-- Counts kept in memory follow changes to the register by adding what changed (decision 0038):
-- statement triggers copy each changed row of agreement_search into agreement_search_changes, the
-- old version with sign -1 and the new one with +1, in the writing transaction. Statement triggers
-- with transition tables: an import or a health refresh writing thousands of rows logs them in one
-- statement. An update that leaves every counted column as it was (a new search vector) logs nothing.
INSERT INTO agreement_search_changes_horizon (id, counted_from) VALUES (1, pg_current_xact_id()) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION jalin_log_agreement_search_changes() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO agreement_search_changes (sign, agreement_id, signed_on, doc_type, kind, is_draft, ends_on, termination_kind,
        terminated_on, primary_category_code, primary_sector_code, sector_codes, unit_ids, health)
      SELECT 1, n.agreement_id, n.signed_on, n.doc_type, n.kind, n.is_draft, n.ends_on, n.termination_kind,
        n.terminated_on, n.primary_category_code, n.primary_sector_code, n.sector_codes, n.unit_ids, n.health
      FROM new_rows n;
  ELSIF TG_OP = 'DELETE' THEN
    INSERT INTO agreement_search_changes (sign, agreement_id, signed_on, doc_type, kind, is_draft, ends_on, termination_kind,
        terminated_on, primary_category_code, primary_sector_code, sector_codes, unit_ids, health)
      SELECT -1, o.agreement_id, o.signed_on, o.doc_type, o.kind, o.is_draft, o.ends_on, o.termination_kind,
        o.terminated_on, o.primary_category_code, o.primary_sector_code, o.sector_codes, o.unit_ids, o.health
      FROM old_rows o;
  ELSE
    -- An old row and its new version that agree on every counted column cancel out. Grouped, not
    -- joined: the plan of a statement in this function is made once per session, and a join
    -- planned for one row would pair a batch of 20,000 rows by a nested loop.
    INSERT INTO agreement_search_changes (sign, agreement_id, signed_on, doc_type, kind, is_draft, ends_on, termination_kind,
        terminated_on, primary_category_code, primary_sector_code, sector_codes, unit_ids, health)
      SELECT sum(v.sign)::smallint, v.agreement_id, v.signed_on, v.doc_type, v.kind, v.is_draft, v.ends_on, v.termination_kind,
        v.terminated_on, v.primary_category_code, v.primary_sector_code, v.sector_codes, v.unit_ids, v.health
      FROM (
        SELECT -1 AS sign, o.agreement_id, o.signed_on, o.doc_type, o.kind, o.is_draft, o.ends_on, o.termination_kind,
          o.terminated_on, o.primary_category_code, o.primary_sector_code, o.sector_codes, o.unit_ids, o.health
        FROM old_rows o
        UNION ALL
        SELECT 1, n.agreement_id, n.signed_on, n.doc_type, n.kind, n.is_draft, n.ends_on, n.termination_kind,
          n.terminated_on, n.primary_category_code, n.primary_sector_code, n.sector_codes, n.unit_ids, n.health
        FROM new_rows n
      ) AS v
      GROUP BY v.agreement_id, v.signed_on, v.doc_type, v.kind, v.is_draft, v.ends_on, v.termination_kind,
        v.terminated_on, v.primary_category_code, v.primary_sector_code, v.sector_codes, v.unit_ids, v.health
      HAVING sum(v.sign) <> 0;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER agreement_search_changes_insert AFTER INSERT ON agreement_search
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jalin_log_agreement_search_changes();
--> statement-breakpoint
CREATE TRIGGER agreement_search_changes_update AFTER UPDATE ON agreement_search
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION jalin_log_agreement_search_changes();
--> statement-breakpoint
CREATE TRIGGER agreement_search_changes_delete AFTER DELETE ON agreement_search
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION jalin_log_agreement_search_changes();
--> statement-breakpoint
-- What the changes cannot carry: a partner category moved to another group (counts join the
-- categories as they are now) or an emptied register. Counts kept from before are counted again.
CREATE OR REPLACE FUNCTION jalin_recount_agreement_search() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  UPDATE agreement_search_changes_horizon SET counted_from = greatest(counted_from, pg_current_xact_id()) WHERE id = 1;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER partner_categories_recount AFTER INSERT OR UPDATE OR DELETE ON partner_categories
  FOR EACH STATEMENT EXECUTE FUNCTION jalin_recount_agreement_search();
--> statement-breakpoint
CREATE TRIGGER agreement_search_truncate_recount AFTER TRUNCATE ON agreement_search
  FOR EACH STATEMENT EXECUTE FUNCTION jalin_recount_agreement_search();
