import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PartnerListView } from '../../../../shared/partners';
import type { AgreementSearchResult } from '../../../../shared/search';
import { api } from '../../../lib/api';

// Typing searches after a short pause, not on every key.
export function usePartnerOptions(search: string) {
  const [q] = useDebouncedValue(search.trim(), 250);
  return useQuery({
    queryKey: ['partners', 'options', q],
    queryFn: ({ signal }) => api<PartnerListView>('/partners', { query: { q, pageSize: 10 }, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}

export function useParentOptions(search: string) {
  const [q] = useDebouncedValue(search.trim(), 250);
  return useQuery({
    queryKey: ['agreements', 'parent-options', q],
    queryFn: ({ signal }) => api<AgreementSearchResult>('/agreements', { query: { q, pageSize: 10 }, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
}
