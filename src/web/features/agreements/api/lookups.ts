import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { PartnerListView, PartnerView } from '../../../../shared/partners';
import type { AgreementListItem, AgreementSearchResult } from '../../../../shared/search';
import { api } from '../../../lib/api';
import { agreementKeys } from './agreement-queries';

const MIN_SEARCH = 2;

// Typing searches after a short pause. Until the answer for exactly what is typed has come,
// no options are offered, so a click can never pick a match for an earlier text.
function useSearchOptions<T>(search: string, kind: 'partners' | 'parents', fetchItems: (q: string, signal: AbortSignal) => Promise<T[]>) {
  const typed = search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const query = useQuery({
    queryKey: agreementKeys.lookup(kind, q),
    queryFn: ({ signal }) => fetchItems(q, signal),
    enabled: q.length >= MIN_SEARCH,
    placeholderData: keepPreviousData,
  });
  if (typed.length < MIN_SEARCH) return { items: [] as T[], isLoading: false };
  const isCurrent = q === typed && query.isSuccess && !query.isPlaceholderData;
  return { items: isCurrent ? query.data : [], isLoading: !isCurrent };
}

export function usePartnerOptions(search: string) {
  return useSearchOptions<PartnerView>(search, 'partners', async (q, signal) => (await api<PartnerListView>('/partners', { query: { q, pageSize: 10 }, signal })).items);
}

export function useParentOptions(search: string) {
  return useSearchOptions<AgreementListItem>(search, 'parents', async (q, signal) => (await api<AgreementSearchResult>('/agreements', { query: { q, pageSize: 10 }, signal })).items);
}
