import { sql, type SQL } from 'drizzle-orm';
import type { SearchSort } from '../../../shared/search';
import type { Db } from '../../db/client';
import { countParts, matchedSet, type CountRow } from './search-counts.repository';
import { f, flagged, isHit, pageRows, type PageRoute } from './search-estimate-page.repository';
import { indexRouteMaxSampleHits, pageReach, scaleCounts, type WordLimits } from './search-estimate.rules';
import type { SearchConditions } from './search-filters.repository';

// Words that match thousands of agreements (a topic every title names, a phrase every contract
// holds) cannot be counted and ranked hit by hit within the registry's response time: at 100,000
// agreements such a word has 15,000–30,000 hits, and reading, ranking and counting each costs
// 250–700 ms (decision record 0004). For those words the list answers with estimates, and says so:
// - the total and the facet counts come from a fixed block sample of the registry's rows, scaled up;
// - a page in a date or title order is exact (read in that order through its index, hit by hit);
// - relevance ranks the newest `rankedCandidates` hits only, then continues newest first.
// Rarer words, and any registry small enough, are searched exactly (search-text.repository.ts); the
// limits and the arithmetic are search-estimate.rules.ts.

// Fixed, so the same registry gives the same estimate every time it is asked.
const SAMPLE_SEED = 1;

// The agreements whose documents hold the words, from the documents' GIN index (as in the exact
// search), then tested per row by a hashed lookup: far cheaper than opening each document's vector.
function docsCte(tsQuery: SQL): SQL {
  return sql`docs AS MATERIALIZED (SELECT d.agreement_id AS id FROM jalin_document_matches(${tsQuery}) AS d(agreement_id))`;
}

export async function registryRows(db: Db): Promise<number> {
  const { rows } = (await db.execute<{ n: number }>(sql`SELECT greatest(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'agreement_search'::regclass`)) as {
    rows: { n: number }[];
  };
  return rows[0]?.n ?? 0;
}

type Options = { conditions: SearchConditions; tsQuery: SQL; statusSql: SQL; sort: SearchSort; limit: number; offset: number; limits: WordLimits; percent: number; rows: number };

type Row = { facet: CountRow['facet'] | 'hits' | 'page'; value: string | null; count: number; rank: number | null; seen: number | null };

export type Estimate = {
  // Hits of the words alone in the sample, scaled: what an exact search would read and rank.
  hits: number;
  counts: CountRow[];
  // Only when the hits reach `estimateFromHits` (otherwise the exact search answers).
  page: { id: string; rank: number }[] | null;
  // The number of hits when every hit was read for the page.
  allHits: number | null;
};

// One statement: the document hits, a fixed block sample of the registry's rows with the words'
// hits among them, counted for every facet and the total (not yet scaled), and, only when the
// sample shows the words to be common, the page.
export async function estimateWords(db: Db, options: Options): Promise<Estimate> {
  const { conditions, tsQuery, percent } = options;
  const m = matchedSet({ source: sql`sampled AS agreement_search`, conditions: { ...conditions, base: conditions.visibility }, statusSql: options.statusSql, skip: new Set() });
  const minSampleHits = Math.ceil((options.limits.estimateFromHits * percent) / 100);
  const maxByIndex = indexRouteMaxSampleHits(options);
  const pageOptions = { ...options, rankedCandidates: options.limits.rankedCandidates };
  const sampleHits = sql`(SELECT count(*) FROM sampled)`;
  const pageBy = (route: PageRoute, when: SQL) =>
    sql`UNION ALL SELECT 'page', p.id::text, (row_number() OVER ())::int, p.rank, p.seen::int FROM (${pageRows(pageOptions, route)}) AS p
      WHERE ${sampleHits} >= ${sql.raw(String(minSampleHits))} AND ${when}`;
  const statement = sql`WITH ${docsCte(tsQuery)},
    sampled AS MATERIALIZED (
      SELECT ${f}.* FROM ${flagged(sql`${f} TABLESAMPLE SYSTEM (${sql.raw(percent.toFixed(6))}) REPEATABLE (${sql.raw(String(SAMPLE_SEED))})`, sql``)}
      WHERE ${isHit(tsQuery)}
    ), m AS MATERIALIZED (${m})
    SELECT facet, value, count, NULL::float8 AS rank, NULL::int AS seen FROM (${countParts(conditions.facetFilters, new Set())}) AS c
    UNION ALL SELECT 'hits', NULL, count(*)::int, NULL, NULL FROM sampled
    ${pageBy('index', sql`${sampleHits} <= ${sql.raw(String(maxByIndex))}`)}
    ${pageBy('walk', sql`${sampleHits} > ${sql.raw(String(maxByIndex))}`)}`;
  // Both drivers answer a raw statement with { rows }.
  const { rows } = (await db.execute<Row>(statement)) as { rows: Row[] };
  const sampleHitCount = rows.find((row) => row.facet === 'hits')?.count ?? 0;
  const hits = Math.round((sampleHitCount * 100) / percent);
  const sampled = rows.filter((row): row is Row & CountRow => row.facet !== 'hits' && row.facet !== 'page');
  const counts = scaleCounts(sampled.map(({ facet, value, count }) => ({ facet, value, count })), percent);
  const pageRowsFound = rows.filter((row) => row.facet === 'page').sort((x, y) => x.count - y.count);
  if (sampleHitCount < minSampleHits) return { hits, counts, page: null, allHits: null };
  const page = pageRowsFound.map((row) => ({ id: row.value ?? '', rank: row.rank ?? 0 }));
  const seen = pageRowsFound[0]?.seen ?? 0;
  const reach = pageReach(pageOptions);
  const allHits = page.length === 0 ? (options.offset === 0 ? 0 : null) : seen < reach ? seen : null;
  return { hits, counts, page, allHits };
}
