import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { PartnerHealthView } from '../../../../shared/partner-health';
import type { DismissPartnerDuplicateInput, MergePartnersInput, MergePartnersResult, PartnerDetailView, PartnerDuplicateView, PartnerListView, PartnerView } from '../../../../shared/partners';
import { api } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

export const PARTNER_PAGE_SIZE = 25;

const root = queryRoots.partners;

export const partnerKeys = {
  all: root,
  list: (query: Record<string, unknown>) => [...root, 'list', query] as const,
  duplicates: [...root, 'duplicates'] as const,
  detail: (id: string | null) => [...root, 'detail', id] as const,
  health: (id: string) => [...root, 'health', id] as const,
  options: (q: string) => [...root, 'options', q] as const,
};

export function usePartnerList(params: { q: string; category: string | null; page: number }) {
  const query = { q: params.q.trim() || undefined, category: params.category ?? undefined, page: params.page, pageSize: PARTNER_PAGE_SIZE };
  return useQuery({
    queryKey: partnerKeys.list(query),
    queryFn: ({ signal }) => api<PartnerListView>('/partners', { query, signal }),
    placeholderData: keepPreviousData,
  });
}

export function usePartnerDuplicates() {
  return useQuery({ queryKey: partnerKeys.duplicates, queryFn: () => api<PartnerDuplicateView[]>('/partners/duplicates') });
}

export function usePartnerDetail(id: string | null) {
  return useQuery({ queryKey: partnerKeys.detail(id), queryFn: () => api<PartnerDetailView>(`/partners/${id ?? ''}`), enabled: id !== null });
}

// The partner's page: its agreements the reader may see, each with its health.
export function usePartnerHealth(id: string) {
  return useQuery({ queryKey: partnerKeys.health(id), queryFn: () => api<PartnerHealthView>(`/partners/${id}/agreements`) });
}

// Offers matches only for exactly what is typed, never a stale list from an earlier text.
export function usePartnerSearch(search: string) {
  const typed = search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const query = useQuery({
    queryKey: partnerKeys.options(q),
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
      void queryClient.invalidateQueries({ queryKey: partnerKeys.all });
      void queryClient.invalidateQueries({ queryKey: queryRoots.agreements });
    },
  });
}

// "Bukan duplikat": the pair leaves the list for good.
export function useDismissPartnerDuplicate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: DismissPartnerDuplicateInput) => api<null>('/partners/duplicates/dismiss', { method: 'POST', body: input }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: partnerKeys.duplicates }),
  });
}
