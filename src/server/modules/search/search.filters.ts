import { and, gte, inArray, lt, not, or, sql, type SQL } from 'drizzle-orm';
import type { AgreementStatus } from '../../../shared/agreement-codes';
import type { FacetName, SearchFilters } from '../../../shared/search';
import { agreementSectors, agreementUnits, agreements } from '../agreements/agreements.table';
import { partnerCategories } from '../master/master.table';
import type { DraftVisibility } from './search.policy';

const a = agreements;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Validated dates go in as literals so the same expression can appear in SELECT and GROUP BY.
function dateLiteral(value: string): SQL {
  if (!ISO_DATE.test(value)) throw new Error(`not a date: ${value}`);
  return sql.raw(`'${value}'::date`);
}

export type StatusBounds = { today: string; warnUntil: string };

// The derived status (deriveAgreementStatus in src/shared/agreement-status.ts) as SQL, for facets.
export function statusExpression(bounds: StatusBounds): SQL<AgreementStatus> {
  const today = dateLiteral(bounds.today);
  const warnUntil = dateLiteral(bounds.warnUntil);
  return sql<AgreementStatus>`CASE
    WHEN ${a.isDraft} THEN 'draft'
    WHEN ${a.terminationKind} IS NOT NULL AND ${a.terminatedOn} IS NOT NULL AND ${a.terminatedOn} <= ${today} THEN ${a.terminationKind}
    WHEN ${a.endsOn} IS NULL THEN 'aktif'
    WHEN ${a.endsOn} < ${today} THEN 'berakhir'
    WHEN ${a.endsOn} <= ${warnUntil} THEN 'akan_berakhir'
    ELSE 'aktif' END`;
}

// The same rule as plain date conditions, one status at a time, for filtering.
export function statusCondition(status: AgreementStatus, bounds: StatusBounds): SQL {
  const today = dateLiteral(bounds.today);
  const warnUntil = dateLiteral(bounds.warnUntil);
  const signed = sql`NOT ${a.isDraft}`;
  const endedEarly = sql`(${a.terminationKind} IS NOT NULL AND ${a.terminatedOn} IS NOT NULL AND ${a.terminatedOn} <= ${today})`;
  const running = and(signed, sql`NOT ${endedEarly}`);
  switch (status) {
    case 'draft':
      return sql`${a.isDraft}`;
    case 'diakhiri':
    case 'dicabut':
      return sql`(${signed} AND ${endedEarly} AND ${a.terminationKind} = ${status})`;
    case 'berakhir':
      return sql`(${running} AND ${a.endsOn} < ${today})`;
    case 'akan_berakhir':
      return sql`(${running} AND ${a.endsOn} >= ${today} AND ${a.endsOn} <= ${warnUntil})`;
    case 'aktif':
      return sql`(${running} AND (${a.endsOn} IS NULL OR ${a.endsOn} > ${warnUntil}))`;
  }
}

// Both configurations: 'indonesian' finds "pembiayaan" for "biaya"; 'simple' keeps numbers and names as typed.
export function textQuery(q: string): SQL {
  return sql`(websearch_to_tsquery('indonesian', ${q}) || websearch_to_tsquery('simple', ${q}))`;
}

// A query with no letter or digit has no lexemes; it would only make PostgreSQL complain.
export function usableText(q: string | undefined): string | null {
  const trimmed = q?.trim() ?? '';
  return /[\p{L}\p{N}]/u.test(trimmed) ? trimmed : null;
}

// An agreement matches when its own vector or any of its documents' vectors does. The UNION lets
// each side use its GIN index, and the outer query then reads agreements by primary key.
export function textCondition(tsQuery: SQL): SQL {
  return sql`${a.id} IN (SELECT id FROM agreements WHERE search_vector @@ ${tsQuery} UNION SELECT agreement_id FROM documents WHERE search_vector @@ ${tsQuery})`;
}

export function visibilityCondition(visibility: DraftVisibility): SQL | undefined {
  switch (visibility.kind) {
    case 'all':
      return undefined;
    case 'none':
      return not(a.isDraft);
    case 'unit':
      return or(
        not(a.isDraft),
        inArray(a.id, sql`(SELECT ${agreementUnits.agreementId} FROM ${agreementUnits} WHERE ${agreementUnits.unitId} = ${visibility.unitId})`),
      );
  }
}

function yearCondition(years: number[]): SQL | undefined {
  return or(...years.map((year) => and(gte(a.signedOn, `${year}-01-01`), lt(a.signedOn, `${year + 1}-01-01`))));
}

type FilterKey = FacetName | 'text' | 'visibility';

export type SearchConditions = {
  tsQuery: SQL | null;
  // Every active condition; a facet counts with all of them except its own.
  where: (except?: FacetName) => SQL | undefined;
  // Visibility and text, which every facet shares.
  base: SQL | undefined;
  // The active facet filters, each on its own.
  facetFilters: [FacetName, SQL][];
};

export function buildConditions(filters: SearchFilters, options: { visibility: DraftVisibility; bounds: StatusBounds }): SearchConditions {
  const q = usableText(filters.q);
  const tsQuery = q ? textQuery(q) : null;
  const parts: [FilterKey, SQL | undefined][] = [
    ['visibility', visibilityCondition(options.visibility)],
    ['text', tsQuery ? textCondition(tsQuery) : undefined],
    ['year', filters.year?.length ? yearCondition(filters.year) : undefined],
    ['docType', filters.docType?.length ? inArray(a.docType, filters.docType) : undefined],
    ['kind', filters.kind?.length ? inArray(a.kind, filters.kind) : undefined],
    ['status', filters.status?.length ? or(...filters.status.map((status) => statusCondition(status, options.bounds))) : undefined],
    ['partnerCategory', filters.partnerCategory?.length ? inArray(a.primaryCategoryCode, filters.partnerCategory) : undefined],
    [
      'partnerGroup',
      filters.partnerGroup?.length
        ? inArray(a.primaryCategoryCode, sql`(SELECT ${partnerCategories.code} FROM ${partnerCategories} WHERE ${inArray(partnerCategories.groupCode, filters.partnerGroup)})`)
        : undefined,
    ],
    [
      'sector',
      filters.sector?.length
        ? inArray(a.id, sql`(SELECT ${agreementSectors.agreementId} FROM ${agreementSectors} WHERE ${inArray(agreementSectors.sectorCode, filters.sector)})`)
        : undefined,
    ],
    [
      'unit',
      filters.unit?.length
        ? inArray(a.id, sql`(SELECT ${agreementUnits.agreementId} FROM ${agreementUnits} WHERE ${inArray(agreementUnits.unitId, filters.unit)})`)
        : undefined,
    ],
  ];
  const active = parts.filter((part): part is [FilterKey, SQL] => part[1] !== undefined);
  return {
    tsQuery,
    where: (except) => and(...active.filter(([key]) => key !== except).map(([, condition]) => condition)),
    base: and(...active.filter(([key]) => key === 'visibility' || key === 'text').map(([, condition]) => condition)),
    facetFilters: active.filter((part): part is [FacetName, SQL] => part[0] !== 'visibility' && part[0] !== 'text'),
  };
}
