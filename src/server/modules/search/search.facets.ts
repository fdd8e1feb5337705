import { sql, type SQL } from 'drizzle-orm';
import { AGREEMENT_STATUSES, COOPERATION_KINDS, DOC_TYPES } from '../../../shared/agreement-codes';
import { FACET_NAMES, type FacetBucket, type FacetName, type SearchFacets } from '../../../shared/search';
import type { Db } from '../../db/client';
import type { DraftVisibility } from '../agreements/agreements.policy';
import { cachedByRevision } from './search.cache';
import { countParts, matchedSet, type CountRow } from './search.counts';
import type { SearchConditions, StatusBounds } from './search.filters';
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

function visibilityKey(visibility: DraftVisibility): string {
  return visibility.kind === 'unit' ? `unit:${visibility.unitId}` : visibility.kind;
}

// The counts of the whole visible registry, which every unfiltered list shows and every
// single-filter list shows for the filtered facet: kept until the registry changes.
export function unfilteredCounts(db: Db, options: { conditions: SearchConditions; statusSql: SQL; visibility: DraftVisibility; bounds: StatusBounds }): Promise<CountRow[]> {
  const key = `facets|${visibilityKey(options.visibility)}|${options.bounds.today}|${options.bounds.warnUntil}`;
  return cachedByRevision(db, key, () => countRows(db, options.conditions, options.statusSql));
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
