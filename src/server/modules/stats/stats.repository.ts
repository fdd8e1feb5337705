import { asc, sql, type SQL } from 'drizzle-orm';
import { COUNTED_DOC_TYPES } from '../../../shared/stats';
import type { Db } from '../../db/client';
import { partnerCategories, partnerGroups, sectors } from '../master/master.table';
import { agreements } from '../agreements/agreements.table';
import { agreementSearch } from '../search/search.table';

// Read-only: the registry's own row per agreement (search module) and the master data's names.
// agreement_search is kept current by the transaction of every agreement write (search.table.ts).

export type CountRow = { year: number; category: string | null; sector: string; count: number };

const counted = sql`signed_on IS NOT NULL AND NOT is_draft AND doc_type IN (${sql.join(COUNTED_DOC_TYPES.map((type) => sql`${type}`), sql`, `)})`;

async function rowsOf<T>(db: Db, query: ReturnType<typeof sql>): Promise<T[]> {
  const result: unknown = await db.execute(query);
  // Both drivers answer raw SQL with { rows }.
  return (result as { rows: T[] }).rows;
}

// min() and max() of the column itself, so both signing dates are read from the index's ends.
export async function selectSignedYearSpan(db: Db): Promise<{ first: number; latest: number } | null> {
  const [row] = await rowsOf<{ first: number | null; latest: number | null }>(
    db,
    sql`SELECT extract(year FROM min(signed_on))::int AS first, extract(year FROM max(signed_on))::int AS latest FROM ${agreementSearch} WHERE ${counted}`,
  );
  return row?.first != null && row.latest != null ? { first: row.first, latest: row.latest } : null;
}

// Counted per signing year, primary category and primary sector, over `source`: the whole register,
// or the changes since the counts kept in memory were counted (search module, decision 0038).
export function signedCountsStatement(range: { from: number; to: number }, source: { from: SQL; tally: SQL }): SQL {
  return sql`SELECT extract(year FROM signed_on)::int AS year, primary_category_code AS category, primary_sector_code AS sector, ${source.tally} AS count
      FROM ${source.from}
      WHERE ${counted} AND signed_on >= ${`${range.from}-01-01`}::date AND signed_on <= ${`${range.to}-12-31`}::date
      GROUP BY 1, 2, 3`;
}

export function selectGroupLabels(db: Db): Promise<{ code: string; name: string }[]> {
  return db.select({ code: partnerGroups.code, name: partnerGroups.name }).from(partnerGroups).orderBy(asc(partnerGroups.sortOrder), asc(partnerGroups.code));
}

export function selectCategoryLabels(db: Db): Promise<{ code: string; name: string; groupCode: string }[]> {
  return db
    .select({ code: partnerCategories.code, name: partnerCategories.name, groupCode: partnerCategories.groupCode })
    .from(partnerCategories)
    .orderBy(asc(partnerCategories.sortOrder), asc(partnerCategories.code));
}

export function selectSectorLabels(db: Db): Promise<{ code: string; name: string; isActive: boolean }[]> {
  return db.select({ code: sectors.code, name: sectors.name, isActive: sectors.isActive }).from(sectors).orderBy(asc(sectors.sortOrder), asc(sectors.code));
}

// Per year of the range, the counted agreements in force at some time in it (signed, started by its
// last day, not ended and not ended early before its first day: the rule realisation's reports
// follow). Read from agreements, whose start date the registry row does not carry.
export function selectInForceCounts(db: Db, range: { from: number; to: number }): Promise<{ year: number; count: number }[]> {
  return rowsOf(
    db,
    sql`SELECT y.year::int AS year, count(a.id)::int AS count
        FROM generate_series(${range.from}::int, ${range.to}::int) AS y(year)
        LEFT JOIN ${agreements} a ON NOT a.is_draft AND a.signed_on IS NOT NULL
          AND a.doc_type IN (${sql.join(COUNTED_DOC_TYPES.map((type) => sql`${type}`), sql`, `)})
          AND coalesce(a.starts_on, a.signed_on) <= make_date(y.year, 12, 31)
          AND (a.ends_on IS NULL OR a.ends_on >= make_date(y.year, 1, 1))
          AND NOT coalesce(a.termination_kind IS NOT NULL AND a.terminated_on < make_date(y.year, 1, 1), false)
        GROUP BY 1 ORDER BY 1`,
  );
}
