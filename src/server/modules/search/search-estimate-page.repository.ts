import { and, sql, type SQL } from 'drizzle-orm';
import type { SearchSort } from '../../../shared/search';
import type { SearchConditions } from './search-filters.repository';
import { pageReach } from './search-estimate.rules';
import { relevance } from './search-text.repository';

// The page of a list with words whose counts are estimated (search-estimate.repository.ts). The hits are
// taken in the page's order, every filter applied as it stands, and reading stops after the page
// or, for relevance, after the newest `rankedCandidates` hits, which are then ranked. Two routes
// give the same rows:
// - walk: read the registry in the page's order through its index and test each row for the words
//   (the words' hits are a share of what is read, so the cost grows as the words get rarer);
// - index: find every hit through the GIN indexes (the agreements' and the documents'), then sort
//   them (the cost grows with the number of hits).
// With `reach` rows wanted, r registry rows and h hits, the walk reads about reach·r/h rows and the
// index route h: the walk is cheaper from h = √(reach·r) on (search-estimate.repository.ts decides, from the
// sample, in the statement itself).

export const f = sql.raw('agreement_search');

export type PageRoute = 'walk' | 'index';

export type PageOptions = { conditions: SearchConditions; tsQuery: SQL; sort: SearchSort; limit: number; offset: number; rankedCandidates: number };

// The rows of `source` with a flag for a document hit, computed once per row: the flag's hashed lookup
// would otherwise be built once for the filter and once again for the rank. OFFSET 0 keeps the
// outer conditions from being pushed in (and the flag from being copied into them); an ordered
// source is still read in order and stops when the outer LIMIT is reached.
export function flagged(source: SQL, order: SQL): SQL {
  return sql`(SELECT ${f}.*, ${f}.agreement_id IN (SELECT id FROM docs) AS in_docs FROM ${source} ${order} OFFSET 0) AS ${f}`;
}

export function isHit(tsQuery: SQL): SQL {
  return sql`(${f}.search_vector @@ ${tsQuery} OR ${f}.in_docs)`;
}

// The same relevance as the exact search.
function rankOf(tsQuery: SQL): SQL {
  return relevance(sql`${f}.search_vector`, { tsQuery, inDocuments: sql`${f}.in_docs` });
}

// The page's order over agreement_search: the sort key, its direction, and where it is read from
// (the title order reads the title index of agreements). Ties are broken by the agreement's id.
function pageOrder(sort: SearchSort): { source: SQL; key: SQL; direction: SQL; tie: SQL } {
  const plain = { source: sql`${f}`, tie: sql`${f}.agreement_id` };
  switch (sort) {
    case 'relevance':
    case 'signed_desc':
      return { ...plain, key: sql`${f}.signed_on`, direction: sql`DESC NULLS LAST` };
    case 'signed_asc':
      return { ...plain, key: sql`${f}.signed_on`, direction: sql`ASC NULLS LAST` };
    case 'ends_asc':
      return { ...plain, key: sql`${f}.ends_on`, direction: sql`ASC NULLS LAST` };
    case 'title':
      return { source: sql`agreements a JOIN ${f} ON ${f}.agreement_id = a.id`, key: sql`lower(a.title)`, direction: sql`ASC`, tie: sql`a.id` };
  }
}

function walkCandidates(options: PageOptions, filters: SQL, reach: number): SQL {
  const { source, key, direction, tie } = pageOrder(options.sort);
  return sql`SELECT ${f}.agreement_id AS id, ${rankOf(options.tsQuery)} AS rank
    FROM ${flagged(sql`${source} WHERE ${filters}`, sql`ORDER BY ${key} ${direction}, ${tie}`)} WHERE ${isHit(options.tsQuery)}
    LIMIT ${sql.raw(String(reach))}`;
}

// Hits by their own words, then hits only a document holds (read by primary key), as in the exact
// search; sorted, cut to `reach`, and only those ranked.
function indexCandidates(options: PageOptions, filters: SQL, reach: number): SQL {
  const { source, key, direction } = pageOrder(options.sort);
  const { tsQuery } = options;
  const columns = sql`${f}.agreement_id AS id, ${key} AS k, ${f}.search_vector`;
  return sql`SELECT ${f}.id, ${rankOf(tsQuery)} AS rank FROM (
      SELECT h.* FROM (
        SELECT ${columns}, ${f}.agreement_id IN (SELECT id FROM docs) AS in_docs FROM ${source} WHERE ${filters} AND ${f}.search_vector @@ ${tsQuery}
        UNION ALL
        SELECT ${columns}, TRUE FROM ${source} WHERE ${filters} AND ${f}.agreement_id IN (SELECT id FROM docs) AND NOT (${f}.search_vector @@ ${tsQuery})
      ) AS h ORDER BY h.k ${direction}, h.id LIMIT ${sql.raw(String(reach))}
    ) AS ${f}`;
}

// `n` is a hit's place in the page's order, `seen` how many were read: fewer than asked for means
// every hit was read. Relevance orders the first `rankedCandidates` by rank, the rest by `n`.
export function pageRows(options: PageOptions, route: PageRoute): SQL {
  const { conditions, sort, limit, offset } = options;
  const filters = and(conditions.visibility, ...conditions.facetFilters.map(([, condition]) => condition)) ?? sql`TRUE`;
  const reach = pageReach(options);
  const candidates = route === 'walk' ? walkCandidates(options, filters, reach) : indexCandidates(options, filters, reach);
  // Numbered as the sorted subquery hands its rows over.
  const numbered = sql`SELECT x.id, x.rank, row_number() OVER () AS n, count(*) OVER () AS seen FROM (${candidates}) AS x`;
  const ranked = sql.raw(String(options.rankedCandidates));
  const order = sort === 'relevance' ? sql`(c.n <= ${ranked}) DESC, CASE WHEN c.n <= ${ranked} THEN c.rank END DESC NULLS LAST, c.n` : sql`c.n`;
  return sql`SELECT c.id, c.rank, c.seen FROM (${numbered}) AS c ORDER BY ${order} LIMIT ${sql.raw(String(limit))} OFFSET ${sql.raw(String(offset))}`;
}
