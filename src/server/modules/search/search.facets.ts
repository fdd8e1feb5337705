import { eq, isNotNull, and, sql, type SQL } from 'drizzle-orm';
import { AGREEMENT_STATUSES, COOPERATION_KINDS, DOC_TYPES } from '../../../shared/agreement-codes';
import type { FacetBucket, FacetName, SearchFacets } from '../../../shared/search';
import type { Db } from '../../db/client';
import { agreementSectors, agreementUnits, agreements } from '../agreements/agreements.table';
import { partnerCategories, partnerGroups, sectors } from '../master/master.table';
import { units } from '../units/units.table';
import type { SearchConditions } from './search.filters';

const a = agreements;
const count = sql<number>`count(*)::int`;
// GROUP BY by position: the grouped expression may hold literals that would otherwise not match.
const byPosition = [sql`1`, sql`2`];

type Row = { value: string | null; label: string | null; count: number };

function buckets(rows: Row[]): FacetBucket[] {
  return rows
    .filter((row): row is Row & { value: string } => row.value !== null)
    .map((row) => (row.label === null ? { value: row.value, count: row.count } : { value: row.value, label: row.label, count: row.count }));
}

function inOrder(order: readonly string[]) {
  return (rows: FacetBucket[]) => rows.sort((x, y) => order.indexOf(x.value) - order.indexOf(y.value));
}

const byCountThenLabel = (rows: FacetBucket[]) =>
  rows.sort((x, y) => y.count - x.count || (x.label ?? x.value).localeCompare(y.label ?? y.value, 'id'));

function columnFacet(db: Db, value: SQL<string | null>, where: SQL | undefined): Promise<Row[]> {
  return db.select({ value, label: sql<string | null>`NULL::text`, count }).from(a).where(where).groupBy(...byPosition);
}

async function facet(db: Db, name: FacetName, where: SQL | undefined, statusSql: SQL<string>): Promise<FacetBucket[]> {
  switch (name) {
    case 'year':
      return buckets(await columnFacet(db, sql<string>`extract(year from ${a.signedOn})::int::text`, and(where, isNotNull(a.signedOn)))).sort(
        (x, y) => Number(y.value) - Number(x.value),
      );
    case 'docType':
      return inOrder(DOC_TYPES)(buckets(await columnFacet(db, sql<string>`${a.docType}`, where)));
    case 'kind':
      return inOrder(COOPERATION_KINDS)(buckets(await columnFacet(db, sql<string>`${a.kind}`, where)));
    case 'status':
      return inOrder(AGREEMENT_STATUSES)(buckets(await columnFacet(db, statusSql, where)));
    case 'partnerCategory':
      return byCountThenLabel(
        buckets(
          await db
            .select({ value: a.primaryCategoryCode, label: partnerCategories.name, count })
            .from(a)
            .leftJoin(partnerCategories, eq(partnerCategories.code, a.primaryCategoryCode))
            .where(where)
            .groupBy(...byPosition),
        ),
      );
    case 'partnerGroup':
      return byCountThenLabel(
        buckets(
          await db
            .select({ value: partnerCategories.groupCode, label: partnerGroups.name, count })
            .from(a)
            .innerJoin(partnerCategories, eq(partnerCategories.code, a.primaryCategoryCode))
            .leftJoin(partnerGroups, eq(partnerGroups.code, partnerCategories.groupCode))
            .where(where)
            .groupBy(...byPosition),
        ),
      );
    case 'sector':
      return byCountThenLabel(
        buckets(
          await db
            .select({ value: agreementSectors.sectorCode, label: sectors.name, count })
            .from(agreementSectors)
            .innerJoin(a, eq(a.id, agreementSectors.agreementId))
            .leftJoin(sectors, eq(sectors.code, agreementSectors.sectorCode))
            .where(where)
            .groupBy(...byPosition),
        ),
      );
    case 'unit':
      return byCountThenLabel(
        buckets(
          await db
            .select({ value: agreementUnits.unitId, label: units.name, count })
            .from(agreementUnits)
            .innerJoin(a, eq(a.id, agreementUnits.agreementId))
            .leftJoin(units, eq(units.id, agreementUnits.unitId))
            .where(where)
            .groupBy(...byPosition),
        ),
      );
  }
}

// Each facet counts the agreements that match every other active filter, so a user sees what
// choosing one more value would give. Grouped queries, one per facet, never one per row.
export async function countFacets(db: Db, conditions: SearchConditions, statusSql: SQL<string>): Promise<SearchFacets> {
  const names = ['year', 'docType', 'kind', 'status', 'partnerGroup', 'partnerCategory', 'sector', 'unit'] as const;
  const results = await Promise.all(names.map((name) => facet(db, name, conditions.where(name), statusSql)));
  return Object.fromEntries(names.map((name, index) => [name, results[index] ?? []])) as SearchFacets;
}
