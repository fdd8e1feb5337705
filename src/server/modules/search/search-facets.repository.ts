import { sql, type SQL } from 'drizzle-orm';
import type { FacetName } from '../../../shared/search';
import type { Db } from '../../db/client';
import { WHOLE_REGISTRY, type CountSource } from './search-changes.repository';
import { countParts, matchedSet, type CountRow } from './search-counts.repository';
import type { SearchConditions } from './search-filters.repository';

// Without a text query: the rows of agreement_search are read once into a materialised set, and
// every facet (and the total) is then a grouped count over it, where a facet ignores its own flag so
// it shows what choosing another value would give. Facets in `skip` are known already and left out.
// `source`: the whole register, or the changes since kept counts were counted (search-kept.service.ts).
export type FacetCountInput = { conditions: SearchConditions; statusSql: SQL; skip?: ReadonlySet<FacetName> };

export function facetStatement(input: FacetCountInput, source: CountSource = WHOLE_REGISTRY): SQL {
  const skip = input.skip ?? new Set<FacetName>();
  const m = matchedSet({ source: source.from, conditions: input.conditions, statusSql: input.statusSql, skip, extra: source.carry });
  return sql`WITH m AS MATERIALIZED (${m}) ${countParts(input.conditions.facetFilters, skip, source)}`;
}

export async function countRows(db: Db, input: FacetCountInput): Promise<CountRow[]> {
  // Both drivers answer a raw statement with { rows }; every count is cast to int4, a JS number.
  const { rows } = (await db.execute<CountRow>(facetStatement(input))) as { rows: CountRow[] };
  return rows;
}

type LabelRow = { facet: FacetName; code: string; name: string };

// The names behind the codes, in one round trip: `facet|code` → name.
export async function facetLabels(db: Db, unitIds: string[]): Promise<Map<string, string>> {
  const units = unitIds.length ? sql`UNION ALL SELECT 'unit', id::text, name FROM units WHERE id = ANY(ARRAY[${sql.join(unitIds.map((id) => sql`${id}`), sql`, `)}]::uuid[])` : sql``;
  const { rows } = (await db.execute<LabelRow>(sql`SELECT 'sector' AS facet, code, name FROM sectors
    UNION ALL SELECT 'partnerCategory', code, name FROM partner_categories
    UNION ALL SELECT 'partnerGroup', code, name FROM partner_groups ${units}`)) as { rows: LabelRow[] };
  return new Map(rows.map((row) => [`${row.facet}|${row.code}`, row.name]));
}
