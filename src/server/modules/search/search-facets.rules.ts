import { HEALTH_STATUSES } from '../../../shared/agreement-health';
import { AGREEMENT_STATUSES, COOPERATION_KINDS, DOC_TYPES } from '../../../shared/agreement-codes';
import { FACET_NAMES, type FacetBucket, type FacetName, type SearchFacets, type SearchFilters } from '../../../shared/search';
import type { DraftVisibility } from '../agreements/agreements.policy';
import type { CountRow } from './search-counts.repository';

export function visibilityKey(visibility: DraftVisibility): string {
  return visibility.kind === 'unit' ? `unit:${visibility.unitId}` : visibility.kind;
}

// The facet filters of a list, the same text for the same choice in any order.
export function filterKey(filters: SearchFilters): string {
  return FACET_NAMES.map((name) => `${name}=${[...new Set((filters[name] ?? []).map(String))].sort().join(',')}`).join('&');
}

// Facets an agreement can hold several values of: counts of one chosen value are exact, but
// summing the counts of several chosen values would count an agreement once per value it holds.
const MULTI_VALUED: ReadonlySet<FacetName> = new Set(['sector', 'unit']);

export function summable(name: FacetName, values: readonly unknown[]): boolean {
  return !MULTI_VALUED.has(name) || new Set(values).size === 1;
}

const FIXED_ORDER: Partial<Record<FacetName, readonly string[]>> = { docType: DOC_TYPES, kind: COOPERATION_KINDS, status: AGREEMENT_STATUSES, health: HEALTH_STATUSES };

function ordered(name: FacetName, buckets: FacetBucket[]): FacetBucket[] {
  const fixed = FIXED_ORDER[name];
  if (fixed) return buckets.sort((x, y) => fixed.indexOf(x.value) - fixed.indexOf(y.value));
  if (name === 'year') return buckets.sort((x, y) => Number(y.value) - Number(x.value));
  return buckets.sort((x, y) => y.count - x.count || (x.label ?? x.value).localeCompare(y.label ?? y.value, 'id'));
}

// Count rows → the total and each facet's buckets, in the facet's order, with the names behind the
// codes (`facet|code` → name).
export function facetsOf(rows: CountRow[], labels: ReadonlyMap<string, string>): { total: number; facets: SearchFacets } {
  const facets = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const buckets = rows
        .filter((row): row is CountRow & { value: string } => row.facet === name && row.value !== null)
        .map((row): FacetBucket => {
          const label = labels.get(`${name}|${row.value}`);
          return label === undefined ? { value: row.value, count: row.count } : { value: row.value, label, count: row.count };
        });
      return [name, ordered(name, buckets)];
    }),
  ) as SearchFacets;
  return { total: rows.find((row) => row.facet === 'total')?.count ?? 0, facets };
}
