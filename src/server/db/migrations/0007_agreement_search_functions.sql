-- The registry list's own rows (agreement_search) are derived from agreements and their links by
-- this function only. jalin_refresh_agreement_search calls it, so every write that already refreshes
-- an agreement's search vector refreshes its row in the same transaction. A row that would not
-- change is not written again (no dead row version, no revision bump).
CREATE OR REPLACE FUNCTION jalin_refresh_agreement_search_rows(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  INSERT INTO agreement_search AS f (agreement_id, signed_on, doc_type, kind, is_draft, ends_on, termination_kind, terminated_on,
    primary_category_code, primary_sector_code, sector_codes, unit_ids, search_vector)
  SELECT a.id, a.signed_on, a.doc_type, a.kind, a.is_draft, a.ends_on, a.termination_kind, a.terminated_on,
    a.primary_category_code, a.primary_sector_code,
    ARRAY(SELECT s.sector_code FROM agreement_sectors s WHERE s.agreement_id = a.id ORDER BY s.sector_code),
    ARRAY(SELECT u.unit_id FROM agreement_units u WHERE u.agreement_id = a.id ORDER BY u.unit_id),
    coalesce(a.search_vector, ''::tsvector)
  FROM agreements a
  WHERE a.id = ANY(ids)
  ON CONFLICT (agreement_id) DO UPDATE SET
    signed_on = EXCLUDED.signed_on, doc_type = EXCLUDED.doc_type, kind = EXCLUDED.kind, is_draft = EXCLUDED.is_draft,
    ends_on = EXCLUDED.ends_on, termination_kind = EXCLUDED.termination_kind, terminated_on = EXCLUDED.terminated_on,
    primary_category_code = EXCLUDED.primary_category_code, primary_sector_code = EXCLUDED.primary_sector_code,
    sector_codes = EXCLUDED.sector_codes, unit_ids = EXCLUDED.unit_ids, search_vector = EXCLUDED.search_vector
  WHERE (f.signed_on, f.doc_type, f.kind, f.is_draft, f.ends_on, f.termination_kind, f.terminated_on,
         f.primary_category_code, f.primary_sector_code, f.sector_codes, f.unit_ids, f.search_vector)
    IS DISTINCT FROM (EXCLUDED.signed_on, EXCLUDED.doc_type, EXCLUDED.kind, EXCLUDED.is_draft, EXCLUDED.ends_on,
         EXCLUDED.termination_kind, EXCLUDED.terminated_on, EXCLUDED.primary_category_code, EXCLUDED.primary_sector_code,
         EXCLUDED.sector_codes, EXCLUDED.unit_ids, EXCLUDED.search_vector);
$$;
--> statement-breakpoint
-- As in migration 0001, then the list rows: one call after any write to an agreement or its links.
CREATE OR REPLACE FUNCTION jalin_refresh_agreement_search(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE agreements a SET search_vector =
      setweight(to_tsvector('indonesian'::regconfig, coalesce(a.title, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(a.number_ours, '') || ' ' || coalesce(a.number_partner, '')), 'A')
    || setweight(to_tsvector('indonesian'::regconfig, coalesce(p.names, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(p.names, '')), 'B')
    || setweight(to_tsvector('indonesian'::regconfig, coalesce(a.scope, '') || ' ' || coalesce(a.purpose, '')), 'C')
  FROM (
    SELECT x.id, string_agg(pt.name, ' ' ORDER BY ap.position) AS names
    FROM unnest(ids) AS x(id)
    LEFT JOIN agreement_partners ap ON ap.agreement_id = x.id
    LEFT JOIN partners pt ON pt.id = ap.partner_id
    GROUP BY x.id
  ) p
  WHERE a.id = p.id;
  SELECT jalin_refresh_agreement_search_rows(ids);
$$;
--> statement-breakpoint
-- The agreements whose documents hold the words, always through the GIN index. The planner prices a
-- scan of the small documents heap as cheap, but such a scan reads every document's vector back
-- from TOAST to test it (at 20,000 documents: 280 ms against 30 ms through the index).
CREATE OR REPLACE FUNCTION jalin_document_matches(q tsquery) RETURNS SETOF uuid
LANGUAGE sql STABLE ROWS 1000 SET enable_seqscan = off AS $$
  SELECT agreement_id FROM documents WHERE search_vector @@ q
$$;
--> statement-breakpoint
INSERT INTO registry_revision (id, revision) VALUES (1, 0) ON CONFLICT (id) DO NOTHING;
--> statement-breakpoint
-- Deferred to the commit, where the revision row is the last lock a writing transaction takes (it
-- cannot then wait for a row another writer holds: no deadlock), and bumped once per transaction.
CREATE OR REPLACE FUNCTION jalin_bump_registry_revision() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('jalin.registry_bumped', true) IS DISTINCT FROM 'on' THEN
    INSERT INTO registry_revision AS r (id, revision) VALUES (1, 1)
      ON CONFLICT (id) DO UPDATE SET revision = r.revision + 1;
    PERFORM set_config('jalin.registry_bumped', 'on', true);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE CONSTRAINT TRIGGER agreement_search_revision AFTER INSERT OR UPDATE OR DELETE ON agreement_search
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_registry_revision();
--> statement-breakpoint
-- A category moved to another group changes the partner-group counts.
CREATE CONSTRAINT TRIGGER partner_categories_revision AFTER INSERT OR UPDATE OR DELETE ON partner_categories
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION jalin_bump_registry_revision();
--> statement-breakpoint
CREATE TRIGGER agreement_search_truncate_revision AFTER TRUNCATE ON agreement_search
  FOR EACH STATEMENT EXECUTE FUNCTION jalin_bump_registry_revision();
--> statement-breakpoint
-- The registry list sorted by title reads this index in order and stops after one page.
CREATE INDEX IF NOT EXISTS agreements_title_sort_idx ON agreements (lower(title), id);
--> statement-breakpoint
SELECT jalin_refresh_agreement_search_rows(ARRAY(SELECT id FROM agreements));
