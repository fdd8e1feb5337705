import { and, sql, type SQL } from 'drizzle-orm';
import type { SearchSort } from '../../../shared/search';
import type { Db } from '../../db/client';
import { countParts, matchedSet, type CountRow } from './search.counts';
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
};

export const WORD_LIMITS: WordLimits = { exactMaxRows: 20_000, sampleRows: 2_500, estimateFromHits: 2_000, rankedCandidates: 500 };

// Fixed, so the same registry gives the same estimate every time it is asked.
const SAMPLE_SEED = 1;

const f = sql.raw('agreement_search');

// The agreements whose documents hold the words, from the documents' GIN index (as in the exact
// search), then tested per row by a hashed lookup: far cheaper than opening each document's vector.
function docsCte(tsQuery: SQL): SQL {
  return sql`docs AS MATERIALIZED (SELECT d.agreement_id AS id FROM jalin_document_matches(${tsQuery}) AS d(agreement_id))`;
}

// The rows of `source` with a flag for a document hit, computed once per row: the flag's hashed lookup
// would otherwise be built once for the filter and once again for the rank. OFFSET 0 keeps the
// outer conditions from being pushed in (and the flag from being copied into them); an ordered
// source is still read in order and stops when the outer LIMIT is reached.
function flagged(source: SQL, order: SQL): SQL {
  return sql`(SELECT ${f}.*, ${f}.agreement_id IN (SELECT id FROM docs) AS in_docs FROM ${source} ${order} OFFSET 0) AS ${f}`;
}

function isHit(tsQuery: SQL): SQL {
  return sql`(${f}.search_vector @@ ${tsQuery} OR ${f}.in_docs)`;
}

// The same relevance as the exact search (search.text.ts): a hit inside a document adds a fixed amount.
function rankOf(tsQuery: SQL): SQL {
  return sql`(coalesce(ts_rank_cd(${f}.search_vector, ${tsQuery}), 0) + CASE WHEN ${f}.in_docs THEN 0.05 ELSE 0 END)::float8`;
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

// The page's order over agreement_search; the title order reads the title index of agreements.
function candidateOrder(sort: SearchSort): { source: SQL; keys: SQL } {
  const plain = sql`${f}`;
  switch (sort) {
    case 'relevance':
    case 'signed_desc':
      return { source: plain, keys: sql`${f}.signed_on DESC NULLS LAST, ${f}.agreement_id` };
    case 'signed_asc':
      return { source: plain, keys: sql`${f}.signed_on ASC NULLS LAST, ${f}.agreement_id` };
    case 'ends_asc':
      return { source: plain, keys: sql`${f}.ends_on ASC NULLS LAST, ${f}.agreement_id` };
    case 'title':
      return { source: sql`agreements a JOIN ${f} ON ${f}.agreement_id = a.id`, keys: sql`lower(a.title), a.id` };
  }
}

type Options = { conditions: SearchConditions; tsQuery: SQL; statusSql: SQL; sort: SearchSort; limit: number; offset: number; limits: WordLimits; percent: number };

// The page when counts are estimated: the hits are read in the page's order (every filter applied as
// it stands) and reading stops after the page, or, for relevance, after the newest
// `rankedCandidates` hits, which are then ranked. `n` is a hit's place in the page's order, `seen`
// how many were read: fewer than asked for means every hit was read.
function pageRows(options: Options): SQL {
  const { conditions, tsQuery, sort, limit, offset } = options;
  const filters = and(conditions.visibility, ...conditions.facetFilters.map(([, condition]) => condition)) ?? sql`TRUE`;
  const { source, keys } = candidateOrder(sort);
  const reach = sort === 'relevance' ? Math.max(options.limits.rankedCandidates, offset + limit) : offset + limit;
  const candidates = sql`SELECT ${f}.agreement_id AS id, ${rankOf(tsQuery)} AS rank
    FROM ${flagged(sql`${source} WHERE ${filters}`, sql`ORDER BY ${keys}`)} WHERE ${isHit(tsQuery)}
    LIMIT ${sql.raw(String(reach))}`;
  // Numbered as the sorted subquery hands its rows over.
  const numbered = sql`SELECT x.id, x.rank, row_number() OVER () AS n, count(*) OVER () AS seen FROM (${candidates}) AS x`;
  const ranked = sql.raw(String(options.limits.rankedCandidates));
  const order = sort === 'relevance' ? sql`(c.n <= ${ranked}) DESC, CASE WHEN c.n <= ${ranked} THEN c.rank END DESC NULLS LAST, c.n` : sql`c.n`;
  return sql`SELECT c.id, c.rank, c.seen FROM (${numbered}) AS c ORDER BY ${order} LIMIT ${sql.raw(String(limit))} OFFSET ${sql.raw(String(offset))}`;
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
  const statement = sql`WITH ${docsCte(tsQuery)},
    sampled AS MATERIALIZED (
      SELECT ${f}.* FROM ${flagged(sql`${f} TABLESAMPLE SYSTEM (${sql.raw(percent.toFixed(6))}) REPEATABLE (${sql.raw(String(SAMPLE_SEED))})`, sql``)}
      WHERE ${isHit(tsQuery)}
    ), m AS MATERIALIZED (${m})
    SELECT facet, value, count, NULL::float8 AS rank, NULL::int AS seen FROM (${countParts(conditions.facetFilters, new Set())}) AS c
    UNION ALL SELECT 'hits', NULL, count(*)::int, NULL, NULL FROM sampled
    UNION ALL SELECT 'page', p.id::text, (row_number() OVER ())::int, p.rank, p.seen::int FROM (${pageRows(options)}) AS p
      WHERE (SELECT count(*) FROM sampled) >= ${sql.raw(String(minSampleHits))}`;
  // Both drivers answer a raw statement with { rows }.
  const { rows } = (await db.execute<Row>(statement)) as { rows: Row[] };
  const sampleHits = rows.find((row) => row.facet === 'hits')?.count ?? 0;
  const hits = Math.round((sampleHits * 100) / percent);
  const sampled = rows.filter((row): row is Row & CountRow => row.facet !== 'hits' && row.facet !== 'page');
  const counts = scaleCounts(sampled.map(({ facet, value, count }) => ({ facet, value, count })), percent);
  const pageRowsFound = rows.filter((row) => row.facet === 'page').sort((x, y) => x.count - y.count);
  if (sampleHits < minSampleHits) return { hits, counts, page: null, allHits: null };
  const page = pageRowsFound.map((row) => ({ id: row.value ?? '', rank: row.rank ?? 0 }));
  const seen = pageRowsFound[0]?.seen ?? 0;
  const reach = options.sort === 'relevance' ? Math.max(options.limits.rankedCandidates, options.offset + options.limit) : options.offset + options.limit;
  const allHits = page.length === 0 ? (options.offset === 0 ? 0 : null) : seen < reach ? seen : null;
  return { hits, counts, page, allHits };
}
