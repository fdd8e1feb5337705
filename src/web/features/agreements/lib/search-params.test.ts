import { describe, expect, it } from 'vitest';
import { emptyFacets, exportPath, filtersFromParams, paramsFromFilters } from './search-params';

describe('registry filters in the address bar', () => {
  it('reads repeated facet parameters as lists and ignores an unknown sort', () => {
    const filters = filtersFromParams(new URLSearchParams('q=air&docType=KB&docType=PKS&year=2022&sort=bogus&page=3'));
    expect(filters.q).toBe('air');
    expect(filters.facets.docType).toEqual(['KB', 'PKS']);
    expect(filters.facets.year).toEqual(['2022']);
    expect(filters.sort).toBeNull();
    expect(filters.page).toBe(3);
  });

  it('writes back the same filters, leaving page 1 and empty values out', () => {
    const facets = { ...emptyFacets(), sector: ['pendidikan'] };
    const params = paramsFromFilters({ q: ' beasiswa ', sort: 'title', page: 1, facets });
    expect(params.toString()).toBe('q=beasiswa&sector=pendidikan&sort=title');
  });

  it('exports with the current filters but without the page', () => {
    const facets = { ...emptyFacets(), status: ['aktif', 'akan_berakhir'] };
    expect(exportPath({ q: '', sort: null, page: 4, facets }, 'csv')).toBe('/agreements/export?status=aktif&status=akan_berakhir&format=csv');
  });
});
