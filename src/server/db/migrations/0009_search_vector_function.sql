-- An agreement's search vector as one function, so that the import can compute it in its INSERT
-- (one write per row instead of an insert and then an update, which left a dead row version behind
-- each imported agreement) and every other writer keeps computing it the same way through
-- jalin_refresh_agreement_search. `partner_names` are the partners' names in their order, space-separated.
CREATE OR REPLACE FUNCTION jalin_agreement_vector(title text, number_ours text, number_partner text, partner_names text, scope text, purpose text)
RETURNS tsvector LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT setweight(to_tsvector('indonesian'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('simple'::regconfig, coalesce(number_ours, '') || ' ' || coalesce(number_partner, '')), 'A')
    || setweight(to_tsvector('indonesian'::regconfig, coalesce(partner_names, '')), 'B')
    || setweight(to_tsvector('simple'::regconfig, coalesce(partner_names, '')), 'B')
    || setweight(to_tsvector('indonesian'::regconfig, coalesce(scope, '') || ' ' || coalesce(purpose, '')), 'C')
$$;
--> statement-breakpoint
-- As in migration 0007, the vector now through jalin_agreement_vector.
CREATE OR REPLACE FUNCTION jalin_refresh_agreement_search(ids uuid[]) RETURNS void
LANGUAGE sql AS $$
  UPDATE agreements a SET search_vector = jalin_agreement_vector(a.title, a.number_ours, a.number_partner, p.names, a.scope, a.purpose)
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
