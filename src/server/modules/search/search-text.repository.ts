import { sql, type SQL } from 'drizzle-orm';
import type { SearchSort } from '../../../shared/search';
import type { Db } from '../../db/client';
import { countParts, flagsExcept, matchedSet, type CountRow } from './search-counts.repository';
import type { SearchConditions } from './search-filters.repository';

// A hit inside a document adds a fixed amount, far below any hit in the agreement's own text (two
// words far apart in a scope rank about 0.02), so it only breaks ties: an agreement whose title or
// scope holds the words comes before one that only a document mentions. Ranking every matching
// document's own vector would mean reading each of them, which costs too much for common words.
export const DOCUMENT_MATCH_BONUS = sql.raw('0.000001');

// The agreement's own relevance (0 when only a document holds the words), plus the bonus when a
// document holds them; float8 so the bonus is not lost to ts_rank_cd's float4.
export function relevance(vector: SQL, input: { tsQuery: SQL; inDocuments: SQL }): SQL {
  return sql`(coalesce(ts_rank_cd(${vector}, ${input.tsQuery}), 0)::float8 + CASE WHEN ${input.inDocuments} THEN ${DOCUMENT_MATCH_BONUS} ELSE 0 END)`;
}

// The agreements the words match, each with its relevance, every hit's own vector ranked once where
// it is read: those whose own vector matches (through its GIN index, or a scan when most do), then
// those only a document matches (jalin_document_matches answers from the documents' GIN index, see
// search-filters.repository.ts), read by primary key. Never `id = ANY(<the document hits>)` in a filter: a
// scan would compare every row with every element of the array.
function hits(tsQuery: SQL): SQL {
  return sql`docs AS MATERIALIZED (SELECT d.agreement_id AS id FROM jalin_document_matches(${tsQuery}) AS d(agreement_id)),
  hits AS (
    SELECT s.*, ${relevance(sql`s.search_vector`, { tsQuery, inDocuments: sql`s.agreement_id IN (SELECT id FROM docs)` })} AS rank
      FROM agreement_search s WHERE s.search_vector @@ ${tsQuery}
    UNION ALL
    SELECT s.*, ${DOCUMENT_MATCH_BONUS}::float8
      FROM agreement_search s WHERE s.agreement_id IN (SELECT id FROM docs) AND NOT (s.search_vector @@ ${tsQuery})
  )`;
}

// The same orders as a list without words (search.repository.ts), over the matched set.
function pageOrder(sort: SearchSort): { join: SQL; keys: SQL } {
  const byId = sql`m.id`;
  switch (sort) {
    case 'relevance':
      return { join: sql``, keys: sql`m.rank DESC, m.signed_on DESC NULLS LAST, ${byId}` };
    case 'signed_desc':
      return { join: sql``, keys: sql`m.signed_on DESC NULLS LAST, ${byId}` };
    case 'signed_asc':
      return { join: sql``, keys: sql`m.signed_on ASC NULLS LAST, ${byId}` };
    case 'ends_asc':
      return { join: sql``, keys: sql`m.ends_on ASC NULLS LAST, ${byId}` };
    case 'title':
      return { join: sql`JOIN agreements a ON a.id = m.id`, keys: sql`lower(a.title), ${byId}` };
  }
}

type TextRow = { facet: CountRow['facet'] | 'page'; value: string | null; count: number; rank: number | null };

export type TextSearchResult = { counts: CountRow[]; page: { id: string; rank: number }[] };

// One statement for a list with words: the hits are found and ranked once, then counted for every
// facet and the total, and cut to the page ("page" rows: the id, its place and its rank). The page
// is a top-N sort; its rows are numbered as the sorted subquery hands them over.
export async function searchText(
  db: Db,
  options: { conditions: SearchConditions; tsQuery: SQL; statusSql: SQL; sort: SearchSort; limit: number; offset: number },
): Promise<TextSearchResult> {
  const { conditions } = options;
  const m = matchedSet({
    // The hits carry every column of agreement_search, so the conditions over it apply unchanged.
    source: sql`hits AS agreement_search`,
    conditions: { ...conditions, base: conditions.visibility },
    statusSql: options.statusSql,
    skip: new Set(),
    extra: sql`, agreement_search.agreement_id AS id, agreement_search.signed_on AS signed_on, agreement_search.ends_on AS ends_on, agreement_search.rank AS rank`,
  });
  const { join, keys } = pageOrder(options.sort);
  const statement = sql`WITH ${hits(options.tsQuery)}, m AS MATERIALIZED (${m})
    SELECT facet, value, count, NULL::float8 AS rank FROM (${countParts(conditions.facetFilters, new Set())}) AS c
    UNION ALL
    SELECT 'page', p.id::text, (row_number() OVER ())::int, p.rank FROM (
      SELECT m.id, m.rank FROM m ${join} WHERE ${flagsExcept(conditions.facetFilters, null)}
      ORDER BY ${keys} LIMIT ${sql.raw(String(options.limit))} OFFSET ${sql.raw(String(options.offset))}
    ) AS p`;
  // Both drivers answer a raw statement with { rows }.
  const { rows } = (await db.execute<TextRow>(statement)) as { rows: TextRow[] };
  const page = rows
    .filter((row) => row.facet === 'page')
    .sort((x, y) => x.count - y.count)
    .map((row) => ({ id: row.value ?? '', rank: row.rank ?? 0 }));
  const counts = rows.filter((row): row is TextRow & CountRow => row.facet !== 'page');
  return { counts, page };
}
