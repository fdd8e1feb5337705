import type { SearchSort } from '../../../shared/search';
import type { CountRow } from './search-counts.repository';

// The limits and the arithmetic of a list with common words, whose counts are estimated from a
// sample (search-estimate.repository.ts, decision record 0004).

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

// A page of a list: its order and where it starts.
type PageWindow = { sort: SearchSort; limit: number; offset: number };

export function samplePercent(rows: number, limits: WordLimits): number {
  return rows <= 0 ? 100 : Math.min(100, (100 * limits.sampleRows) / rows);
}

// Sample counts scaled to the whole registry; a value the sample holds counts at least one.
export function scaleCounts(rows: CountRow[], percent: number): CountRow[] {
  const factor = 100 / percent;
  return rows.map((row) => ({ ...row, count: row.count === 0 ? 0 : Math.max(1, Math.round(row.count * factor)) }));
}

// How many hits in the page's order are wanted.
export function pageReach(options: PageWindow & { rankedCandidates: number }): number {
  const end = options.offset + options.limit;
  return options.sort === 'relevance' ? Math.max(options.rankedCandidates, end) : end;
}

// The sample's hit count up to which the page is found through the words' indexes rather than by
// walking the registry in the page's order: √(reach · rows) hits in the registry (search-estimate-page.repository.ts).
// That assumes the hits are spread evenly along the order, true of dates but not of titles, which
// hold the very words searched for: walking titles read 40,000 rows for 20 hits of a word in 2.5 %
// of the registry (1.3 s, against 42 ms by the index route), yet 1,000 for a word in 30 % (43 ms,
// against 510 ms). The title order walks as if its hits were ten times sparser.
const TITLE_WALK_PENALTY = 10;

export function indexRouteMaxSampleHits(options: PageWindow & { limits: WordLimits; percent: number; rows: number }): number {
  const { limits } = options;
  const reach = pageReach({ ...options, rankedCandidates: limits.rankedCandidates });
  const automatic = Math.sqrt(reach * options.rows * (options.sort === 'title' ? TITLE_WALK_PENALTY : 1));
  const hits = limits.indexRouteMaxHits ?? automatic;
  return Math.floor((Math.min(hits, Number.MAX_SAFE_INTEGER) * options.percent) / 100);
}
