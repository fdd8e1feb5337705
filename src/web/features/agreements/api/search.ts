import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { DEFAULT_PAGE_SIZE, type AgreementSearchResult } from '../../../../shared/search';
import { api, downloadFile } from '../../../lib/api';
import { exportPath, filterQuery, type RegistryFilters } from '../lib/search-params';
import { agreementKeys } from './agreement-queries';

export function useAgreementSearch(filters: RegistryFilters) {
  const query = { ...filterQuery(filters), page: filters.page, pageSize: DEFAULT_PAGE_SIZE };
  return useQuery({
    queryKey: agreementKeys.search(query),
    queryFn: ({ signal }) => api<AgreementSearchResult>('/agreements', { query, signal }),
    // The old page stays on screen while the next one loads, so the list does not jump.
    placeholderData: keepPreviousData,
  });
}

export type ExportFormat = 'xlsx' | 'csv';

// Downloads exactly the rows the filters select, in the import's column layout.
export function useExportAgreements() {
  return useMutation({ mutationFn: ({ filters, format }: { filters: RegistryFilters; format: ExportFormat }) => downloadFile(exportPath(filters, format), `kerja-sama.${format}`) });
}
