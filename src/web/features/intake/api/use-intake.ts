import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { AcceptAgreeingResult, AcceptIntakeInput, AcceptIntakeResult, IntakeBatchSummary, IntakeBatchView } from '../../../../shared/intake';
import type { PartnerListView, PartnerView } from '../../../../shared/partners';
import { api } from '../../../lib/api';
import { queryRoots, sharedKeys } from '../../../lib/query-keys';

export const intakeKeys = {
  all: queryRoots.intake,
  list: [...queryRoots.intake, 'list'] as const,
};

export function useIntakeBatches() {
  return useQuery({ queryKey: intakeKeys.list, queryFn: () => api<IntakeBatchSummary[]>('/intake'), staleTime: 0 });
}

// The answer to an upload is the batch itself: its review opens without asking for it again.
export function useRememberBatch() {
  const queryClient = useQueryClient();
  return (batch: IntakeBatchView) => {
    queryClient.setQueryData(sharedKeys.intakeBatch(batch.id), batch);
    void queryClient.invalidateQueries({ queryKey: intakeKeys.list });
  };
}

// After a decision the batch is read again, and every register screen sees the new or filled agreement.
function useAfterDecision(batchId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: sharedKeys.intakeBatch(batchId) }),
      queryClient.invalidateQueries({ queryKey: intakeKeys.list }),
      queryClient.invalidateQueries({ queryKey: queryRoots.agreements }),
    ]);
}

export function useAcceptIntakeFile(batchId: string) {
  const onSuccess = useAfterDecision(batchId);
  return useMutation({
    mutationFn: ({ fileId, input }: { fileId: string; input: AcceptIntakeInput }) =>
      api<AcceptIntakeResult>(`/intake/files/${encodeURIComponent(fileId)}/accept`, { method: 'POST', body: input }),
    onSuccess,
  });
}

export function useRejectIntakeFile(batchId: string) {
  const onSuccess = useAfterDecision(batchId);
  return useMutation({
    mutationFn: (fileId: string) => api<undefined>(`/intake/files/${encodeURIComponent(fileId)}/reject`, { method: 'POST' }),
    onSuccess,
  });
}

export function useAcceptAgreeing(batchId: string) {
  const onSuccess = useAfterDecision(batchId);
  return useMutation({
    mutationFn: () => api<AcceptAgreeingResult>(`/intake/accept-agreeing/${encodeURIComponent(batchId)}`, { method: 'POST' }),
    onSuccess,
  });
}

const MIN_PARTNER_SEARCH = 2;

// Registered partners whose name is like what is typed. Until the answer for exactly the typed
// text has come, none are offered, so a pick never belongs to an earlier text.
export function usePartnerSuggestions(search: string) {
  const typed = search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const query = useQuery({
    queryKey: [...queryRoots.partners, 'intake-suggestions', q] as const,
    queryFn: async ({ signal }) => (await api<PartnerListView>('/partners', { query: { q, pageSize: 8 }, signal })).items,
    enabled: q.length >= MIN_PARTNER_SEARCH,
    placeholderData: keepPreviousData,
  });
  if (typed.length < MIN_PARTNER_SEARCH) return { items: [] as PartnerView[], isLoading: false };
  const isCurrent = q === typed && query.isSuccess && !query.isPlaceholderData;
  return { items: isCurrent ? query.data : [], isLoading: !isCurrent };
}
