import { sql, type SQL } from 'drizzle-orm';
import { AGREEMENT_STATUSES, COOPERATION_KINDS, DOC_TYPES } from '../../../shared/agreement-codes';
import { FACET_NAMES, type FacetBucket, type FacetName, type SearchFacets, type SearchFilters } from '../../../shared/search';
import type { Db } from '../../db/client';
import type { DraftVisibility } from '../agreements/agreements.policy';
import { cachedByRevision } from './search.cache';
import { countParts, matchedSet, type CountRow } from './search.counts';
import { buildConditions, type SearchConditions } from './search.filters';
import type { StatusBounds } from './search.rules';
import { agreementSearch } from './search.table';

export type { CountRow } from './search.counts';

// Without a text query: the rows of agreement_search are read once into a materialised set, and
// every facet (and the total) is then a grouped count over it, where a facet ignores its own flag so
// it shows what choosing another value would give. Facets in `skip` are known already and left out.
function facetStatement(conditions: SearchConditions, statusSql: SQL, skip: ReadonlySet<FacetName>): SQL {
  const m = matchedSet({ source: sql`${agreementSearch}`, conditions, statusSql, skip });
  return sql`WITH m AS MATERIALIZED (${m}) ${countParts(conditions.facetFilters, skip)}`;
}

export async function countRows(db: Db, conditions: SearchConditions, statusSql: SQL, skip: ReadonlySet<FacetName> = new Set()): Promise<CountRow[]> {
  // Both drivers answer a raw statement with { rows }; every count is cast to int4, a JS number.
  const { rows } = (await db.execute<CountRow>(facetStatement(conditions, statusSql, skip))) as { rows: CountRow[] };
  return rows;
}

export function visibilityKey(visibility: DraftVisibility): string {
  return visibility.kind === 'unit' ? `unit:${visibility.unitId}` : visibility.kind;
}

// The facet filters of a list, the same text for the same choice in any order.
export function filterKey(filters: SearchFilters): string {
  return FACET_NAMES.map((name) => `${name}=${[...new Set((filters[name] ?? []).map(String))].sort().join(',')}`).join('&');
}

// The counts of the whole visible registry, which every unfiltered list shows and every
// single-filter list shows for the filtered facet: kept until the registry changes.
export function unfilteredCounts(db: Db, options: { conditions: SearchConditions; statusSql: SQL; visibility: DraftVisibility; bounds: StatusBounds }): Promise<CountRow[]> {
  const key = `facets|${visibilityKey(options.visibility)}|${options.bounds.today}|${options.bounds.warnUntil}`;
  return cachedByRevision(db, key, () => countRows(db, options.conditions, options.statusSql));
}

// Facets an agreement can hold several values of: counts of one chosen value are exact, but
// summing the counts of several chosen values would count an agreement once per value it holds.
const MULTI_VALUED: ReadonlySet<FacetName> = new Set(['sector', 'unit']);

export function summable(name: FacetName, values: readonly unknown[]): boolean {
  return !MULTI_VALUED.has(name) || new Set(values).size === 1;
}

type ValueOptions = { statusSql: SQL; visibility: DraftVisibility; bounds: StatusBounds };

// One value of one facet: the total and every other facet among the visible agreements having it
// (a row of the registry's facet-by-facet table), kept until the registry changes. Bounded by the
// registry's facet values, not by the queries asked.
function valueCounts(db: Db, name: FacetName, value: string, options: ValueOptions): Promise<CountRow[]> {
  const key = `value|${visibilityKey(options.visibility)}|${options.bounds.today}|${options.bounds.warnUntil}|${name}|${value}`;
  const filters = { [name]: [name === 'year' ? Number(value) : value] } as SearchFilters;
  const conditions = buildConditions(filters, { visibility: options.visibility, bounds: options.bounds });
  return cachedByRevision(db, key, () => countRows(db, conditions, options.statusSql, new Set([name])));
}

// The counts among the agreements having any of the chosen values of one facet (every facet but
// that one, and the total): the sum of each value's counts, exact when summable(name, values).
export async function chosenValueCounts(db: Db, name: FacetName, values: readonly unknown[], options: ValueOptions): Promise<CountRow[]> {
  const parts = await Promise.all([...new Set(values.map(String))].map((value) => valueCounts(db, name, value, options)));
  const sums = new Map<string, CountRow>();
  for (const row of parts.flat()) {
    if (row.facet === name) continue;
    const key = `${row.facet}|${row.value ?? ''}`;
    const known = sums.get(key);
    sums.set(key, known ? { ...known, count: known.count + row.count } : { ...row });
  }
  return [...sums.values()];
}

const FIXED_ORDER: Partial<Record<FacetName, readonly string[]>> = { docType: DOC_TYPES, kind: COOPERATION_KINDS, status: AGREEMENT_STATUSES };

function ordered(name: FacetName, buckets: FacetBucket[]): FacetBucket[] {
  const fixed = FIXED_ORDER[name];
  if (fixed) return buckets.sort((x, y) => fixed.indexOf(x.value) - fixed.indexOf(y.value));
  if (name === 'year') return buckets.sort((x, y) => Number(y.value) - Number(x.value));
  return buckets.sort((x, y) => y.count - x.count || (x.label ?? x.value).localeCompare(y.label ?? y.value, 'id'));
}

type LabelRow = { facet: FacetName; code: string; name: string };

// The names behind the codes, in one round trip.
async function labels(db: Db, unitIds: string[]): Promise<Map<string, string>> {
  const units = unitIds.length ? sql`UNION ALL SELECT 'unit', id::text, name FROM units WHERE id = ANY(ARRAY[${sql.join(unitIds.map((id) => sql`${id}`), sql`, `)}]::uuid[])` : sql``;
  const { rows } = (await db.execute<LabelRow>(sql`SELECT 'sector' AS facet, code, name FROM sectors
    UNION ALL SELECT 'partnerCategory', code, name FROM partner_categories
    UNION ALL SELECT 'partnerGroup', code, name FROM partner_groups ${units}`)) as { rows: LabelRow[] };
  return new Map(rows.map((row) => [`${row.facet}|${row.code}`, row.name]));
}

export async function toFacets(db: Db, rows: CountRow[]): Promise<{ total: number; facets: SearchFacets }> {
  const names = await labels(db, rows.filter((row) => row.facet === 'unit' && row.value).map((row) => row.value as string));
  const facets = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const buckets = rows
        .filter((row): row is CountRow & { value: string } => row.facet === name && row.value !== null)
        .map((row): FacetBucket => {
          const label = names.get(`${name}|${row.value}`);
          return label === undefined ? { value: row.value, count: row.count } : { value: row.value, label, count: row.count };
        });
      return [name, ordered(name, buckets)];
    }),
  ) as SearchFacets;
  return { total: rows.find((row) => row.facet === 'total')?.count ?? 0, facets };
}
