import { sql, type SQL } from 'drizzle-orm';
import type { SearchSort } from '../../../shared/search';
import type { Db } from '../../db/client';
import { countParts, matchedSet, type CountRow } from './search.counts';
import { f, flagged, isHit, pageReach, pageRows, type PageRoute } from './search.estimate-page';
import type { SearchConditions } from './search.filters';

// Words that match thousands of agreements (a topic every title names, a phrase every contract
// holds) cannot be counted and ranked hit by hit within the registry's response time: at 100,000
// agreements such a word has 15,000–30,000 hits, and reading, ranking and counting each costs
// 250–700 ms (decision record 0004). For those words the list answers with estimates, and says so:
// - the total and the facet counts come from a fixed block sample of the registry's rows, scaled up;
// - a page in a date or title order is exact (read in that order through its index, hit by hit);
// - relevance ranks the newest `rankedCandidates` hits only, then continues newest first.
// Rarer words, and any registry small enough, are searched exactly (search.text.ts).

export type WordLimits = {
  // A registry of at most this many agreements is always searched exactly.
  exactMaxRows: number;
  // About this many agreements are read to estimate (SYSTEM sampling reads whole pages).
  sampleRows: number;
  // From this many estimated hits on, counts are estimated rather than counted.
  estimateFromHits: number;
  // With estimated counts, relevance orders this many of the newest hits.
  rankedCandidates: number;
  // The page is found through the words' indexes up to this many estimated hits, by walking the
  // registry in the page's order beyond; null: √(reach · rows), where both cost about the same.
  indexRouteMaxHits: number | null;
};

export const WORD_LIMITS: WordLimits = { exactMaxRows: 20_000, sampleRows: 2_500, estimateFromHits: 2_000, rankedCandidates: 500, indexRouteMaxHits: null };

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

export function samplePercent(rows: number, limits: WordLimits): number {
  return rows <= 0 ? 100 : Math.min(100, (100 * limits.sampleRows) / rows);
}

// Sample counts scaled to the whole registry; a value the sample holds counts at least one.
export function scaleCounts(rows: CountRow[], percent: number): CountRow[] {
  const factor = 100 / percent;
  return rows.map((row) => ({ ...row, count: row.count === 0 ? 0 : Math.max(1, Math.round(row.count * factor)) }));
}

type Options = { conditions: SearchConditions; tsQuery: SQL; statusSql: SQL; sort: SearchSort; limit: number; offset: number; limits: WordLimits; percent: number; rows: number };

// The sample's hit count up to which the page is found through the words' indexes rather than by
// walking the registry in the page's order: √(reach · rows) hits in the registry (search.estimate-page.ts).
// That assumes the hits are spread evenly along the order, true of dates but not of titles, which
// hold the very words searched for: walking titles read 40,000 rows for 20 hits of a word in 2.5 %
// of the registry (1.3 s, against 42 ms by the index route), yet 1,000 for a word in 30 % (43 ms,
// against 510 ms). The title order walks as if its hits were ten times sparser.
const TITLE_WALK_PENALTY = 10;

export function indexRouteMaxSampleHits(options: Pick<Options, 'sort' | 'limit' | 'offset' | 'limits' | 'percent' | 'rows'>): number {
  const { limits } = options;
  const reach = pageReach({ ...options, rankedCandidates: limits.rankedCandidates });
  const automatic = Math.sqrt(reach * options.rows * (options.sort === 'title' ? TITLE_WALK_PENALTY : 1));
  const hits = limits.indexRouteMaxHits ?? automatic;
  return Math.floor((Math.min(hits, Number.MAX_SAFE_INTEGER) * options.percent) / 100);
}

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
