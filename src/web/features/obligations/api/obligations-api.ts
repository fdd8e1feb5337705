import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { CreateObligationInput, ObligationView, UpdateObligationInput } from '../../../../shared/obligations';
import { api, downloadFile, uploadWithProgress } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';

const root = queryRoots.obligations;

export const obligationKeys = {
  all: root,
  list: (agreementId: string) => [...root, 'list', agreementId] as const,
};

export function useObligations(agreementId: string) {
  return useQuery({ queryKey: obligationKeys.list(agreementId), queryFn: () => api<ObligationView[]>(`/agreements/${agreementId}/obligations`) });
}

// Late obligations change the agreement's health and the home tasks: those are refreshed too.
function useInvalidate() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: root });
    void client.invalidateQueries({ queryKey: queryRoots.agreements });
    void client.invalidateQueries({ queryKey: queryRoots.home });
  };
}

export function useCreateObligation(agreementId: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: CreateObligationInput) => api<ObligationView>(`/agreements/${agreementId}/obligations`, { method: 'POST', body: input }), onSuccess: invalidate });
}

export function useUpdateObligation(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (input: UpdateObligationInput) => api<ObligationView>(`/obligations/${id}`, { method: 'PATCH', body: input }), onSuccess: invalidate });
}

export function useConfirmObligation(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (version: number) => api<ObligationView>(`/obligations/${id}/confirm`, { method: 'POST', body: { version } }), onSuccess: invalidate });
}

export type RecordOccurrence = { dueOn: string | null; status: 'met' | 'waived'; waiverReason?: string; note?: string; file?: File | null };

export function useRecordOccurrence(id: string) {
  const invalidate = useInvalidate();
  return useMutation({
    mutationFn: ({ dueOn, status, waiverReason, note, file }: RecordOccurrence) => {
      const form = new FormData();
      form.append('dueOn', dueOn ?? '');
      form.append('status', status);
      if (waiverReason) form.append('waiverReason', waiverReason);
      if (note) form.append('note', note);
      if (file) form.append('file', file);
      return uploadWithProgress<ObligationView>({ path: `/obligations/${id}/occurrences`, form });
    },
    onSuccess: invalidate,
  });
}

export function useReopenOccurrence(id: string) {
  const invalidate = useInvalidate();
  return useMutation({ mutationFn: (dueOn: string | null) => api<ObligationView>(`/obligations/${id}/occurrences/reopen`, { method: 'POST', body: { dueOn } }), onSuccess: invalidate });
}

export function downloadOccurrenceEvidence(recordId: string, fileName: string): Promise<void> {
  return downloadFile(`/obligation-occurrences/${recordId}/evidence`, fileName);
}
