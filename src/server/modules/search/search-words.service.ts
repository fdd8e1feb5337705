import type { SQL } from 'drizzle-orm';
import type { SearchSort } from '../../../shared/search';
import type { Db } from '../../db/client';
import type { CountRow } from './search-counts.repository';
import { estimateWords, registryRows } from './search-estimate.repository';
import { samplePercent, WORD_LIMITS, type WordLimits } from './search-estimate.rules';
import type { SearchConditions } from './search-filters.repository';
import { searchText, type TextSearchResult } from './search-text.repository';

export type WordsResult = TextSearchResult & {
  // Counts scaled from a sample (search-estimate.repository.ts); the total is exact when every hit was read.
  totalIsEstimate: boolean;
  facetsAreEstimates: boolean;
  // Relevance ordered only this many of the newest hits, or null when every hit was ranked.
  rankedAmongNewest: number | null;
};

type Options = { conditions: SearchConditions; tsQuery: SQL; statusSql: SQL; sort: SearchSort; limit: number; offset: number; limits?: WordLimits };

// A list with words: counted and ranked hit by hit unless the registry is large and the words are
// common, judged from a small fixed sample first (a few milliseconds; a rare word then costs that
// much more than before).
export async function searchWords(db: Db, options: Options): Promise<WordsResult> {
  const limits = options.limits ?? WORD_LIMITS;
  const rows = await registryRows(db);
  if (rows > limits.exactMaxRows) {
    const estimate = await estimateWords(db, { ...options, limits, rows, percent: samplePercent(rows, limits) });
    if (estimate.page) return estimated(options, limits, estimate.counts, estimate.page, estimate.allHits);
  }
  return { ...(await searchText(db, options)), totalIsEstimate: false, facetsAreEstimates: false, rankedAmongNewest: null };
}

function estimated(options: Options, limits: WordLimits, counts: CountRow[], page: TextSearchResult['page'], allHits: number | null): WordsResult {
  const estimate = counts.find((row) => row.facet === 'total')?.count ?? 0;
  // Never fewer than the hits the page itself shows.
  const total = allHits ?? Math.max(estimate, options.offset + page.length);
  const rest = counts.filter((row) => row.facet !== 'total');
  return {
    counts: [...rest, { facet: 'total', value: null, count: total }],
    page,
    totalIsEstimate: allHits === null,
    facetsAreEstimates: true,
    rankedAmongNewest: options.sort === 'relevance' && (allHits === null || allHits > limits.rankedCandidates) ? limits.rankedCandidates : null,
  };
}
