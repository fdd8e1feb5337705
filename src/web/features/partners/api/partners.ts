import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { MergePartnersInput, MergePartnersResult, PartnerDetailView, PartnerDuplicateView, PartnerListView, PartnerView } from '../../../../shared/partners';
import { api } from '../../../lib/api';

export const PARTNER_PAGE_SIZE = 25;

export function usePartnerList(params: { q: string; category: string | null; page: number }) {
  const query = { q: params.q.trim() || undefined, category: params.category ?? undefined, page: params.page, pageSize: PARTNER_PAGE_SIZE };
  return useQuery({
    queryKey: ['partners', 'list', query],
    queryFn: ({ signal }) => api<PartnerListView>('/partners', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePartnerDuplicates() {
  return useQuery({ queryKey: ['partners', 'duplicates'], queryFn: () => api<PartnerDuplicateView[]>('/partners/duplicates') });
}

export function usePartnerDetail(id: string | null) {
  return useQuery({ queryKey: ['partners', 'detail', id], queryFn: () => api<PartnerDetailView>(`/partners/${id ?? ''}`), enabled: id !== null });
}

// Offers matches only for exactly what is typed, never a stale list from an earlier text.
export function usePartnerSearch(search: string) {
  const typed = search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const query = useQuery({
    queryKey: ['partners', 'options', q],
    queryFn: ({ signal }) => api<PartnerListView>('/partners', { query: { q, pageSize: 10 }, signal }),
    enabled: q.length >= 2,
    placeholderData: keepPreviousData,
  });
  if (typed.length < 2) return { items: [] as PartnerView[], isLoading: false };
  const isCurrent = q === typed && query.isSuccess && !query.isPlaceholderData;
  return { items: isCurrent ? query.data.items : [], isLoading: !isCurrent };
}

export function useMergePartners() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MergePartnersInput) => api<MergePartnersResult>('/partners/merge', { method: 'POST', body: input }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['partners'] });
      void queryClient.invalidateQueries({ queryKey: ['agreements'] });
    },
  });
}
