import { inArray, sql, type SQL } from 'drizzle-orm';
import { AGREEMENT_STATUSES, COOPERATION_KINDS, DOC_TYPES } from '../../../shared/agreement-codes';
import { FACET_NAMES, type FacetBucket, type FacetName, type SearchFacets } from '../../../shared/search';
import type { Db } from '../../db/client';
import { agreements } from '../agreements/agreements.table';
import { partnerCategories, partnerGroups, sectors } from '../master/master.table';
import { units } from '../units/units.table';
import type { SearchConditions } from './search.filters';

const a = agreements;

// The grouped value of each facet, as a column of the matched set.
const FACET_COLUMNS: Record<FacetName, string> = {
  year: 'year',
  docType: 'doc_type',
  kind: 'kind',
  status: 'status',
  partnerGroup: 'group_code',
  partnerCategory: 'category_code',
  sector: 'sector_code',
  unit: 'unit_id',
};

type CountRow = { facet: string; value: string | null; count: number };

function flagName(name: FacetName): SQL {
  return sql.raw(`f_${FACET_COLUMNS[name]}`);
}

// The flags of every active filter except one, as a WHERE over the matched set.
function flagsExcept(filters: [FacetName, SQL][], except: FacetName | null): SQL {
  const flags = filters.filter(([name]) => name !== except).map(([name]) => flagName(name));
  return flags.length === 0 ? sql`TRUE` : sql.join(flags, sql` AND `);
}

const SIMPLE_FACETS = ['year', 'docType', 'kind', 'status', 'partnerGroup', 'partnerCategory'] as const;

// Facets whose own filter is not active all count under every active filter, so they share one
// pass over the matched set (GROUPING SETS), together with the total (the empty set).
function sharedCounts(names: FacetName[], filters: [FacetName, SQL][]): SQL {
  const columns = names.map((name) => sql.raw(FACET_COLUMNS[name]));
  const which = names.map((name) => sql.raw(`WHEN GROUPING(${FACET_COLUMNS[name]}) = 0 THEN '${name}'`));
  const value = names.length ? sql`COALESCE(${sql.join(columns, sql`, `)})` : sql`NULL`;
  const sets = [...columns.map((column) => sql`(${column})`), sql`()`];
  return sql`SELECT CASE ${sql.join(which, sql` `)} ELSE 'total' END AS facet, ${value} AS value, count(*)::int AS count
    FROM m WHERE ${flagsExcept(filters, null)} GROUP BY GROUPING SETS (${sql.join(sets, sql`, `)})`;
}

// One statement: the visible, text-matching agreements are read once into a materialised set with
// a flag per active filter; every facet (and the total) is then a grouped count over that set, where
// a facet ignores its own flag so it shows what choosing another value would give.
function facetStatement(conditions: SearchConditions, statusSql: SQL): SQL {
  const filters = conditions.facetFilters;
  const isActive = (name: FacetName) => filters.some(([filtered]) => filtered === name);
  const flagColumns = filters.map(([name, condition]) => sql`, (${condition}) AS ${flagName(name)}`);
  const own = SIMPLE_FACETS.filter(isActive).map((name) => {
    const column = sql.raw(FACET_COLUMNS[name]);
    return sql`SELECT ${sql.raw(`'${name}'`)} AS facet, ${column} AS value, count(*)::int AS count FROM m WHERE ${flagsExcept(filters, name)} GROUP BY ${column}`;
  });
  return sql`WITH m AS MATERIALIZED (
    SELECT ${a.id} AS id, extract(year FROM ${a.signedOn})::int::text AS year, ${a.docType} AS doc_type, ${a.kind} AS kind,
      ${statusSql} AS status, ${a.primaryCategoryCode} AS category_code, pc.group_code AS group_code ${sql.join(flagColumns, sql``)}
    FROM ${a} LEFT JOIN partner_categories pc ON pc.code = ${a.primaryCategoryCode}
    WHERE ${conditions.base ?? sql`TRUE`}
  )
  ${sharedCounts(SIMPLE_FACETS.filter((name) => !isActive(name)), filters)}
  ${sql.join(own.map((query) => sql` UNION ALL ${query}`), sql``)}
  UNION ALL SELECT 'sector', s.sector_code, count(*)::int FROM m JOIN agreement_sectors s ON s.agreement_id = m.id WHERE ${flagsExcept(filters, 'sector')} GROUP BY s.sector_code
  UNION ALL SELECT 'unit', u.unit_id::text, count(*)::int FROM m JOIN agreement_units u ON u.agreement_id = m.id WHERE ${flagsExcept(filters, 'unit')} GROUP BY u.unit_id`;
}

async function labels(db: Db, unitIds: string[]): Promise<Partial<Record<FacetName, Map<string, string>>>> {
  const [sectorRows, categoryRows, groupRows, unitRows] = await Promise.all([
    db.select({ code: sectors.code, name: sectors.name }).from(sectors),
    db.select({ code: partnerCategories.code, name: partnerCategories.name }).from(partnerCategories),
    db.select({ code: partnerGroups.code, name: partnerGroups.name }).from(partnerGroups),
    unitIds.length ? db.select({ code: units.id, name: units.name }).from(units).where(inArray(units.id, unitIds)) : Promise.resolve([]),
  ]);
  const toMap = (rows: { code: string; name: string }[]) => new Map(rows.map((row) => [row.code, row.name]));
  return { sector: toMap(sectorRows), partnerCategory: toMap(categoryRows), partnerGroup: toMap(groupRows), unit: toMap(unitRows) };
}

const FIXED_ORDER: Partial<Record<FacetName, readonly string[]>> = { docType: DOC_TYPES, kind: COOPERATION_KINDS, status: AGREEMENT_STATUSES };

function ordered(name: FacetName, buckets: FacetBucket[]): FacetBucket[] {
  const fixed = FIXED_ORDER[name];
  if (fixed) return buckets.sort((x, y) => fixed.indexOf(x.value) - fixed.indexOf(y.value));
  if (name === 'year') return buckets.sort((x, y) => Number(y.value) - Number(x.value));
  return buckets.sort((x, y) => y.count - x.count || (x.label ?? x.value).localeCompare(y.label ?? y.value, 'id'));
}

export async function countFacetsAndTotal(db: Db, conditions: SearchConditions, statusSql: SQL): Promise<{ total: number; facets: SearchFacets }> {
  // Both drivers answer a raw statement with { rows }; every count is cast to int4, a JS number.
  const { rows } = (await db.execute<CountRow>(facetStatement(conditions, statusSql))) as { rows: CountRow[] };
  const names = await labels(db, rows.filter((row) => row.facet === 'unit' && row.value).map((row) => row.value as string));
  const facets = Object.fromEntries(
    FACET_NAMES.map((name) => {
      const buckets = rows
        .filter((row): row is CountRow & { value: string } => row.facet === name && row.value !== null)
        .map((row): FacetBucket => {
          const label = names[name]?.get(row.value);
          return label === undefined ? { value: row.value, count: row.count } : { value: row.value, label, count: row.count };
        });
      return [name, ordered(name, buckets)];
    }),
  ) as SearchFacets;
  return { total: rows.find((row) => row.facet === 'total')?.count ?? 0, facets };
}
