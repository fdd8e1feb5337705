import type { SQL } from 'drizzle-orm';
import type { FacetName, SearchFacets, SearchFilters } from '../../../shared/search';
import type { Db } from '../../db/client';
import type { DraftVisibility } from '../agreements/agreements.policy';
import { keptCounts } from './search-cache.service';
import type { CountRow } from './search-counts.repository';
import { facetLabels, facetStatement, type FacetCountInput } from './search-facets.repository';
import { facetsOf, visibilityKey } from './search-facets.rules';
import { buildConditions, type SearchConditions } from './search-filters.repository';
import type { StatusBounds } from './search.rules';

export type { CountRow } from './search-counts.repository';

// Facet counts kept across changes (search-cache.service.ts): a change costs a count of what it
// changed. `key` names everything the counts depend on besides the register's rows.
export function keptFacetCounts(db: Db, key: string, input: FacetCountInput): Promise<CountRow[]> {
  return keptCounts<CountRow>(db, {
    key,
    count: (source) => facetStatement(input, source),
    groupOf: (row) => JSON.stringify([row.facet, row.value]),
    keepsZero: (row) => row.facet === 'total',
  });
}

// The counts of the whole visible registry, which every unfiltered list shows and every
// single-filter list shows for the filtered facet.
export function unfilteredCounts(db: Db, options: { conditions: SearchConditions; statusSql: SQL; visibility: DraftVisibility; bounds: StatusBounds }): Promise<CountRow[]> {
  const key = `facets|${visibilityKey(options.visibility)}|${options.bounds.today}|${options.bounds.warnUntil}`;
  return keptFacetCounts(db, key, { conditions: options.conditions, statusSql: options.statusSql });
}

type ValueOptions = { statusSql: SQL; visibility: DraftVisibility; bounds: StatusBounds };

// One value of one facet: the total and every other facet among the visible agreements having it
// (a row of the registry's facet-by-facet table). Bounded by the registry's facet values, not by
// the queries asked.
function valueCounts(db: Db, input: ValueOptions & { name: FacetName; value: string }): Promise<CountRow[]> {
  const { name, value } = input;
  const key = `value|${visibilityKey(input.visibility)}|${input.bounds.today}|${input.bounds.warnUntil}|${name}|${value}`;
  const filters = { [name]: [name === 'year' ? Number(value) : value] } as SearchFilters;
  const conditions = buildConditions(filters, { visibility: input.visibility, bounds: input.bounds });
  return keptFacetCounts(db, key, { conditions, statusSql: input.statusSql, skip: new Set([name]) });
}

// The counts among the agreements having any of the chosen values of one facet (every facet but
// that one, and the total): the sum of each value's counts, exact when summable(name, values).
export async function chosenValueCounts(db: Db, input: ValueOptions & { name: FacetName; values: readonly unknown[] }): Promise<CountRow[]> {
  const { name, values, ...options } = input;
  const parts = await Promise.all([...new Set(values.map(String))].map((value) => valueCounts(db, { ...options, name, value })));
  const sums = new Map<string, CountRow>();
  for (const row of parts.flat()) {
    if (row.facet === name) continue;
    const key = `${row.facet}|${row.value ?? ''}`;
    const known = sums.get(key);
    sums.set(key, known ? { ...known, count: known.count + row.count } : { ...row });
  }
  return [...sums.values()];
}

export async function toFacets(db: Db, rows: CountRow[]): Promise<{ total: number; facets: SearchFacets }> {
  const unitIds = rows.filter((row) => row.facet === 'unit' && row.value).map((row) => row.value as string);
  return facetsOf(rows, await facetLabels(db, unitIds));
}
