import { FACET_NAMES, SEARCH_SORTS, type FacetName, type SearchSort } from '../../../../shared/search';
import { toQueryString, type QueryValue } from '../../../lib/api';

// The registry's filters live in the address bar, so a search can be shared and Back works.
export type RegistryFilters = {
  q: string;
  sort: SearchSort | null;
  page: number;
  facets: Record<FacetName, string[]>;
};

export function emptyFacets(): Record<FacetName, string[]> {
  return Object.fromEntries(FACET_NAMES.map((name) => [name, []])) as unknown as Record<FacetName, string[]>;
}

function isSort(value: string | null): value is SearchSort {
  return value !== null && (SEARCH_SORTS as readonly string[]).includes(value);
}

export function filtersFromParams(params: URLSearchParams): RegistryFilters {
  const facets = emptyFacets();
  for (const name of FACET_NAMES) facets[name] = params.getAll(name).filter(Boolean);
  const page = Number(params.get('page') ?? '1');
  const sort = params.get('sort');
  return { q: params.get('q') ?? '', sort: isSort(sort) ? sort : null, page: Number.isInteger(page) && page > 0 ? page : 1, facets };
}

export function paramsFromFilters(filters: RegistryFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q.trim()) params.set('q', filters.q.trim());
  for (const name of FACET_NAMES) for (const value of filters.facets[name]) params.append(name, value);
  if (filters.sort) params.set('sort', filters.sort);
  if (filters.page > 1) params.set('page', String(filters.page));
  return params;
}

export function hasAnyFilter(filters: RegistryFilters): boolean {
  return filters.q.trim() !== '' || FACET_NAMES.some((name) => filters.facets[name].length > 0);
}

// The same filters as the API's query string (without page, for the export).
export function filterQuery(filters: RegistryFilters): Record<string, QueryValue> {
  return { q: filters.q.trim() || undefined, ...filters.facets, sort: filters.sort ?? undefined };
}

export function exportPath(filters: RegistryFilters, format: 'xlsx' | 'csv'): string {
  return `/agreements/export${toQueryString({ ...filterQuery(filters), format })}`;
}
