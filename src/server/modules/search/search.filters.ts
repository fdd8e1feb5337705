import { and, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { AgreementStatus } from '../../../shared/agreement-codes';
import type { FacetName, SearchFilters } from '../../../shared/search';
import type { DraftVisibility } from '../agreements/agreements.policy';
import { agreements } from '../agreements/agreements.table';
import { partnerCategories } from '../master/master.table';
import { agreementSearch } from './search.table';

const f = agreementSearch;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

// Validated dates go in as literals so the same expression can appear in SELECT and GROUP BY.
function dateLiteral(value: string): SQL {
  if (!ISO_DATE.test(value)) throw new Error(`not a date: ${value}`);
  return sql.raw(`'${value}'::date`);
}

export type StatusBounds = { today: string; warnUntil: string };

// The columns a derived status reads: the registry list reads them from agreement_search, the
// public pages from agreements.
export type StatusColumns = { isDraft: AnyPgColumn; terminationKind: AnyPgColumn; terminatedOn: AnyPgColumn; endsOn: AnyPgColumn };
const AGREEMENT_STATUS_COLUMNS: StatusColumns = agreements;
const FACET_STATUS_COLUMNS: StatusColumns = f;

// The derived status (deriveAgreementStatus in src/shared/agreement-status.ts) as SQL, for facets.
export function statusExpression(bounds: StatusBounds, on: StatusColumns = FACET_STATUS_COLUMNS): SQL<AgreementStatus> {
  const today = dateLiteral(bounds.today);
  const warnUntil = dateLiteral(bounds.warnUntil);
  return sql<AgreementStatus>`CASE
    WHEN ${on.isDraft} THEN 'draft'
    WHEN ${on.terminationKind} IS NOT NULL AND ${on.terminatedOn} IS NOT NULL AND ${on.terminatedOn} <= ${today} THEN ${on.terminationKind}
    WHEN ${on.endsOn} IS NULL THEN 'aktif'
    WHEN ${on.endsOn} < ${today} THEN 'berakhir'
    WHEN ${on.endsOn} <= ${warnUntil} THEN 'akan_berakhir'
    ELSE 'aktif' END`;
}

// The same rule as plain date conditions, one status at a time, for filtering.
export function statusCondition(status: AgreementStatus, bounds: StatusBounds, on: StatusColumns = AGREEMENT_STATUS_COLUMNS): SQL {
  const today = dateLiteral(bounds.today);
  const warnUntil = dateLiteral(bounds.warnUntil);
  const signed = sql`NOT ${on.isDraft}`;
  const endedEarly = sql`(${on.terminationKind} IS NOT NULL AND ${on.terminatedOn} IS NOT NULL AND ${on.terminatedOn} <= ${today})`;
  const running = and(signed, sql`NOT ${endedEarly}`);
  switch (status) {
    case 'draft':
      return sql`${on.isDraft}`;
    case 'diakhiri':
    case 'dicabut':
      return sql`(${signed} AND ${endedEarly} AND ${on.terminationKind} = ${status})`;
    case 'berakhir':
      return sql`(${running} AND ${on.endsOn} < ${today})`;
    case 'akan_berakhir':
      return sql`(${running} AND ${on.endsOn} >= ${today} AND ${on.endsOn} <= ${warnUntil})`;
    case 'aktif':
      return sql`(${running} AND (${on.endsOn} IS NULL OR ${on.endsOn} > ${warnUntil}))`;
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

// The agreements whose documents hold the words. jalin_document_matches (a migration) plans its
// query with sequential scans off: the planner prices a scan of the small documents heap as cheap,
// but the scan reads every document's vector back from TOAST, while the GIN index does not.
export function documentMatches(tsQuery: SQL): SQL {
  return sql`(SELECT d.agreement_id FROM jalin_document_matches(${tsQuery}) AS d(agreement_id))`;
}

// An agreement matches when its own vector or any of its documents' vectors does; each side uses
// its GIN index. (A list with words counts and pages through searchText; this serves the export.)
export function textCondition(tsQuery: SQL): SQL {
  return sql`${f.agreementId} IN (SELECT agreement_id FROM agreement_search WHERE search_vector @@ ${tsQuery} UNION ${documentMatches(tsQuery)})`;
}

function textArray(values: string[], pgType: 'text' | 'uuid'): SQL {
  return sql`ARRAY[${sql.join(values.map((value) => sql`${value}`), sql`, `)}]::${sql.raw(pgType)}[]`;
}

export function visibilityCondition(visibility: DraftVisibility): SQL | undefined {
  switch (visibility.kind) {
    case 'all':
      return undefined;
    case 'none':
      return sql`NOT ${f.isDraft}`;
    case 'unit':
      return sql`(NOT ${f.isDraft} OR ${f.unitIds} @> ${textArray([visibility.unitId], 'uuid')})`;
  }
}

function yearCondition(years: number[]): SQL | undefined {
  return or(...years.map((year) => and(gte(f.signedOn, `${year}-01-01`), lt(f.signedOn, `${year + 1}-01-01`))));
}

type FilterKey = FacetName | 'text' | 'visibility';

// Every condition is over agreement_search, so the facet counts, the page and the export filter alike.
export type SearchConditions = {
  tsQuery: SQL | null;
  // Every active condition; a facet counts with all of them except its own.
  where: (except?: FacetName) => SQL | undefined;
  // Visibility and text, which every facet shares.
  base: SQL | undefined;
  // The actor's draft visibility alone.
  visibility: SQL | undefined;
  // The active facet filters, each on its own.
  facetFilters: [FacetName, SQL][];
};

function facetFilterParts(filters: SearchFilters, bounds: StatusBounds): [FacetName, SQL | undefined][] {
  const groupCategories = (groups: string[]) =>
    sql`(SELECT ${partnerCategories.code} FROM ${partnerCategories} WHERE ${inArray(partnerCategories.groupCode, groups)})`;
  return [
    ['year', filters.year?.length ? yearCondition(filters.year) : undefined],
    ['docType', filters.docType?.length ? inArray(f.docType, filters.docType) : undefined],
    ['kind', filters.kind?.length ? inArray(f.kind, filters.kind) : undefined],
    ['status', filters.status?.length ? or(...filters.status.map((status) => statusCondition(status, bounds, FACET_STATUS_COLUMNS))) : undefined],
    ['partnerCategory', filters.partnerCategory?.length ? inArray(f.primaryCategoryCode, filters.partnerCategory) : undefined],
    ['partnerGroup', filters.partnerGroup?.length ? inArray(f.primaryCategoryCode, groupCategories(filters.partnerGroup)) : undefined],
    ['sector', filters.sector?.length ? sql`${f.sectorCodes} && ${textArray(filters.sector, 'text')}` : undefined],
    ['unit', filters.unit?.length ? sql`${f.unitIds} && ${textArray(filters.unit, 'uuid')}` : undefined],
  ];
}

export function buildConditions(filters: SearchFilters, options: { visibility: DraftVisibility; bounds: StatusBounds }): SearchConditions {
  const q = usableText(filters.q);
  const tsQuery = q ? textQuery(q) : null;
  const visibility = visibilityCondition(options.visibility);
  const parts: [FilterKey, SQL | undefined][] = [
    ['visibility', visibility],
    ['text', tsQuery ? textCondition(tsQuery) : undefined],
    ...facetFilterParts(filters, options.bounds),
  ];
  const active = parts.filter((part): part is [FilterKey, SQL] => part[1] !== undefined);
  return {
    tsQuery,
    where: (except) => and(...active.filter(([key]) => key !== except).map(([, condition]) => condition)),
    base: and(...active.filter(([key]) => key === 'visibility' || key === 'text').map(([, condition]) => condition)),
    visibility,
    facetFilters: active.filter((part): part is [FacetName, SQL] => part[0] !== 'visibility' && part[0] !== 'text'),
  };
}
