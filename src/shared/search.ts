import { z } from 'zod';
import { HEALTH_STATUSES } from './agreement-health';
import { AGREEMENT_STATUSES, COOPERATION_KINDS, DOC_TYPES, type AgreementStatus, type CooperationKind, type DocType } from './agreement-codes';
import { IMPORT_COLUMNS, IMPORT_EXTRA_COLUMNS, type ImportColumn } from './imports';
import { PAGE_SIZE_MAX } from './limits';
import { plainText } from './input';

export const SEARCH_SORTS = ['relevance', 'signed_desc', 'signed_asc', 'title', 'ends_asc'] as const;
export type SearchSort = (typeof SEARCH_SORTS)[number];

export const FACET_NAMES = ['year', 'docType', 'kind', 'status', 'partnerGroup', 'partnerCategory', 'sector', 'unit', 'health'] as const;
export type FacetName = (typeof FACET_NAMES)[number];

export const EXPORT_FORMATS = ['xlsx', 'csv'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
// An export holds every matching row; beyond this the filters must be narrowed.
export const EXPORT_MAX_ROWS = 50_000;
export const SEARCH_TEXT_MAX_LENGTH = 200;
export const DEFAULT_PAGE_SIZE = 20;

// A query-string parameter may be given once (a string) or repeated (an array): both become a list.
function many<T extends z.ZodType>(item: T) {
  return z.preprocess((value) => (value === undefined || Array.isArray(value) ? value : [value]), z.array(item).max(50).optional());
}

const code = plainText().trim().min(1).max(50);

export const SearchFiltersSchema = z.object({
  q: plainText().trim().max(SEARCH_TEXT_MAX_LENGTH).optional(),
  year: many(z.coerce.number().int().min(1900).max(2200)),
  docType: many(z.enum(DOC_TYPES)),
  kind: many(z.enum(COOPERATION_KINDS)),
  partnerGroup: many(code),
  partnerCategory: many(code),
  sector: many(code),
  unit: many(z.uuid()),
  status: many(z.enum(AGREEMENT_STATUSES)),
  // The stored health of agreements in force (decision record 0016).
  health: many(z.enum(HEALTH_STATUSES)),
  sort: z.enum(SEARCH_SORTS).optional(),
});
export type SearchFilters = z.output<typeof SearchFiltersSchema>;

export const SearchQuerySchema = SearchFiltersSchema.extend({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(PAGE_SIZE_MAX).default(DEFAULT_PAGE_SIZE),
});
export type SearchQuery = z.output<typeof SearchQuerySchema>;
export type SearchQueryInput = z.input<typeof SearchQuerySchema>;

export const ExportQuerySchema = SearchFiltersSchema.extend({
  format: z.enum(EXPORT_FORMATS).default('xlsx'),
});
export type ExportQuery = z.output<typeof ExportQuerySchema>;

// The column headers of an export: the import's columns, so that an export imports back unchanged,
// with the derived status (ignored on import) after the dates.
const STATUS_AFTER = IMPORT_COLUMNS.indexOf('tanggal_berakhir') + 1;
export const EXPORT_COLUMNS: readonly ExportColumn[] = [
  ...IMPORT_COLUMNS.slice(0, STATUS_AFTER),
  'status',
  ...IMPORT_COLUMNS.slice(STATUS_AFTER),
  ...IMPORT_EXTRA_COLUMNS,
];
export type ExportColumn = ImportColumn | 'status';
// Several partners, sectors or OPDs share one cell, in order (the first is the primary one).
export const EXPORT_LIST_SEPARATOR = '; ';

export type FacetBucket = { value: string; label?: string; count: number };
export type SearchFacets = Record<FacetName, FacetBucket[]>;

export type AgreementListItem = {
  id: string;
  docType: DocType;
  kind: CooperationKind;
  title: string;
  numberOurs: string | null;
  numberPartner: string | null;
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  status: AgreementStatus;
  primaryPartner: { id: string; name: string; categoryCode: string; groupCode: string } | null;
  partnerNames: string[];
  leadUnit: { id: string; name: string } | null;
  primarySectorCode: string;
  documentCount: number;
  // HTML: the surrounding text is escaped; only <mark>…</mark> around the matched words is markup.
  snippet: string | null;
  // The document the snippet was quoted from, and its page (null when the document's pages were not
  // told apart when it was read); null when the agreement's own text holds the words.
  snippetSource: { documentId: string; fileName: string; page: number | null } | null;
  // 0 when there is no free-text query.
  rank: number;
};

export type AgreementSearchResult = {
  items: AgreementListItem[];
  total: number;
  page: number;
  pageSize: number;
  facets: SearchFacets;
  // Words matching thousands of agreements are answered with estimates (shown with "≈"): the
  // total, unless every hit was read; the facet counts; and relevance orders only the newest
  // `rankedAmongNewest` hits, then continues newest first. Lists without words are always exact.
  totalIsEstimate: boolean;
  facetsAreEstimates: boolean;
  rankedAmongNewest: number | null;
};
