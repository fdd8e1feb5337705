import { and, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import type { AgreementStatus } from '../../../shared/agreement-codes';
import type { FacetName, SearchFilters } from '../../../shared/search';
import type { DraftVisibility } from '../agreements/agreements.policy';
import { categoriesOfGroups } from './search.repository';
import { statusCondition, statusExpression, textQuery, usableText, type StatusBounds, type StatusColumns } from './search.rules';
import { agreementSearch } from './search.table';

const f = agreementSearch;
const FACET_STATUS_COLUMNS: StatusColumns = f;

// The derived status of the registry's list rows (agreement_search), for facets.
export function registryStatus(bounds: StatusBounds): SQL<AgreementStatus> {
  return statusExpression(bounds, FACET_STATUS_COLUMNS);
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
  return [
    ['year', filters.year?.length ? yearCondition(filters.year) : undefined],
    ['docType', filters.docType?.length ? inArray(f.docType, filters.docType) : undefined],
    ['kind', filters.kind?.length ? inArray(f.kind, filters.kind) : undefined],
    ['status', filters.status?.length ? or(...filters.status.map((status) => statusCondition(status, { bounds, on: FACET_STATUS_COLUMNS }))) : undefined],
    ['partnerCategory', filters.partnerCategory?.length ? inArray(f.primaryCategoryCode, filters.partnerCategory) : undefined],
    ['partnerGroup', filters.partnerGroup?.length ? inArray(f.primaryCategoryCode, categoriesOfGroups(filters.partnerGroup)) : undefined],
    ['sector', filters.sector?.length ? sql`${f.sectorCodes} && ${textArray(filters.sector, 'text')}` : undefined],
    ['unit', filters.unit?.length ? sql`${f.unitIds} && ${textArray(filters.unit, 'uuid')}` : undefined],
    ['health', filters.health?.length ? inArray(f.health, filters.health) : undefined],
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
