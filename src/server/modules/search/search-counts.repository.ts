import { and, sql, type SQL } from 'drizzle-orm';
import { FACET_NAMES, type FacetName } from '../../../shared/search';
import { WHOLE_REGISTRY, type CountSource } from './search-changes.repository';
import type { SearchConditions } from './search-filters.repository';
import { agreementSearch } from './search.table';

// The pieces of the statements that count facets: a materialised set `m` of the rows that can
// count anywhere, with a flag per active filter, then one grouped count per facet over it.

const f = agreementSearch;

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
  health: 'health',
};

export type CountRow = { facet: FacetName | 'total'; value: string | null; count: number };
type Filters = [FacetName, SQL][];
type Tally = Pick<CountSource, 'tally' | 'carry'>;

function flagName(name: FacetName): SQL {
  return sql.raw(`f_${FACET_COLUMNS[name]}`);
}

// The flags of every active filter except one, as a WHERE over the matched set.
export function flagsExcept(filters: Filters, except: FacetName | null): SQL {
  const flags = filters.filter(([name]) => name !== except).map(([name]) => flagName(name));
  return flags.length === 0 ? sql`TRUE` : sql.join(flags, sql` AND `);
}

const SIMPLE_FACETS = ['year', 'docType', 'kind', 'status', 'partnerGroup', 'partnerCategory', 'health'] as const;

// Facets whose own filter is not active all count under every active filter, so they share one
// pass over the matched set (GROUPING SETS), together with the total (the empty set).
function sharedCounts(names: FacetName[], filters: Filters, tally: SQL): SQL {
  const where = flagsExcept(filters, null);
  if (names.length === 0) return sql`SELECT 'total' AS facet, NULL AS value, ${tally} AS count FROM m WHERE ${where}`;
  const columns = names.map((name) => sql.raw(FACET_COLUMNS[name]));
  const which = names.map((name) => sql.raw(`WHEN GROUPING(${FACET_COLUMNS[name]}) = 0 THEN '${name}'`));
  const sets = [...columns.map((column) => sql`(${column})`), sql`()`];
  return sql`SELECT CASE ${sql.join(which, sql` `)} ELSE 'total' END AS facet, COALESCE(${sql.join(columns, sql`, `)}) AS value, ${tally} AS count
    FROM m WHERE ${where} GROUP BY GROUPING SETS (${sql.join(sets, sql`, `)})`;
}

// A facet ignores its own filter, so a row counts when it fails at most one filter; with every
// active filter's own facet known already (skipped), only rows passing all of them are needed.
function rowsNeeded(filters: Filters, skip: ReadonlySet<FacetName>): SQL {
  if (filters.length === 0) return sql`TRUE`;
  if (filters.every(([name]) => skip.has(name))) return flagsExcept(filters, null);
  if (filters.length === 1) return sql`TRUE`;
  const passed = filters.map(([name]) => sql`${flagName(name)}::int`);
  return sql`(${sql.join(passed, sql` + `)}) >= ${sql.raw(String(filters.length - 1))}`;
}

// Sectors and OPDs are lists: unnest in the select list (a ProjectSet), cheaper than a lateral join.
function ownCounts(name: FacetName, filters: Filters, { tally, carry }: Tally): SQL {
  const where = flagsExcept(filters, name);
  const label = sql.raw(`'${name}'`);
  if (name === 'sector') return sql`SELECT ${label}, v, ${tally} FROM (SELECT unnest(sector_codes) AS v ${carry} FROM m WHERE ${where}) AS l GROUP BY v`;
  if (name === 'unit') return sql`SELECT ${label}, v::text, ${tally} FROM (SELECT unnest(unit_ids) AS v ${carry} FROM m WHERE ${where}) AS l GROUP BY v`;
  const column = sql.raw(FACET_COLUMNS[name]);
  return sql`SELECT ${label}, ${column}, ${tally} FROM m WHERE ${where} GROUP BY ${column}`;
}

// Every facet not in `skip` and the total, as rows (facet, value, count) over `m`. `tally`: how
// the rows of `m` add up (each once, or by their sign when `m` holds changes).
export function countParts(filters: Filters, skip: ReadonlySet<FacetName>, tally: Tally = WHOLE_REGISTRY): SQL {
  const isActive = (name: FacetName) => filters.some(([filtered]) => filtered === name);
  const shared = SIMPLE_FACETS.filter((name) => !isActive(name) && !skip.has(name));
  const own = FACET_NAMES.filter((name) => !skip.has(name) && (isActive(name) || name === 'sector' || name === 'unit'));
  return sql`${sharedCounts(shared, filters, tally.tally)} ${sql.join(own.map((name) => sql` UNION ALL ${ownCounts(name, filters, tally)}`), sql``)}`;
}

// The body of `m`: the rows of `source` (agreement_search, or a set with its columns named so)
// that pass the base conditions and can count somewhere, with their facet values and flags.
// Inside the set a flag is true or false, never null, so flags can be added up.
export function matchedSet(options: { source: SQL; conditions: SearchConditions; statusSql: SQL; skip: ReadonlySet<FacetName>; extra?: SQL }): SQL {
  const filters = options.conditions.facetFilters;
  const flagColumns = filters.map(([name, condition]) => sql`, coalesce(${condition}, false) AS ${flagName(name)}`);
  // When only rows passing every filter are needed, the filters also go in as they are, where an
  // index can serve them (a year is a range of signing dates); the flags cannot be read that way.
  const allKnown = filters.length > 0 && filters.every(([name]) => options.skip.has(name));
  const where = and(options.conditions.base, ...(allKnown ? filters.map(([, condition]) => condition) : [])) ?? sql`TRUE`;
  return sql`SELECT * FROM (
      SELECT extract(year FROM ${f.signedOn})::int::text AS year, ${f.docType} AS doc_type, ${f.kind} AS kind, ${options.statusSql} AS status,
        ${f.primaryCategoryCode} AS category_code, pc.group_code AS group_code, ${f.sectorCodes} AS sector_codes, ${f.unitIds} AS unit_ids,
        ${f.health} AS health
        ${options.extra ?? sql``} ${sql.join(flagColumns, sql``)}
      FROM ${options.source} LEFT JOIN partner_categories pc ON pc.code = ${f.primaryCategoryCode} 
      WHERE ${where}
    ) AS visible WHERE ${rowsNeeded(filters, options.skip)}`;
}
