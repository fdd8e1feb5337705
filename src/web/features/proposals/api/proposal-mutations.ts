import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ProcedureDocType } from '../../../../shared/procedures';
import type { CreateProposalInput, ProposalDocumentView, ProposalView, TransitionProposalInput, UpdateProposalInput } from '../../../../shared/proposals';
import { api, uploadWithProgress } from '../../../lib/api';
import { queryRoots } from '../../../lib/query-keys';
import { proposalKeys } from './proposal-queries';

// After any write the lists, the board and the durations may have changed.
function useRefresh() {
  const queryClient = useQueryClient();
  return (view?: ProposalView) => {
    if (view) queryClient.setQueryData(proposalKeys.detail(view.id), view);
    void queryClient.invalidateQueries({ queryKey: proposalKeys.all });
    void queryClient.invalidateQueries({ queryKey: queryRoots.notifications });
  };
}

export function useCreateProposal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CreateProposalInput) => api<ProposalView>('/proposals', { method: 'POST', body: input }),
    onSuccess: (view) => refresh(view),
  });
}

export function useUpdateProposal(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: UpdateProposalInput) => api<ProposalView>(`/proposals/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (view) => refresh(view),
  });
}

export function useTransitionProposal(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: TransitionProposalInput) => api<ProposalView>(`/proposals/${id}/transitions`, { method: 'POST', body: input }),
    onSuccess: (view) => refresh(view),
  });
}

export type ProposalUploadInput = { file: File; docType: ProcedureDocType; note: string; onProgress: (fraction: number) => void };

export function useUploadProposalDocument(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ file, docType, note, onProgress }: ProposalUploadInput) => {
      const form = new FormData();
      // Text fields first: the server reads them before it streams the file.
      form.append('docType', docType);
      if (note.trim()) form.append('note', note.trim());
      form.append('file', file, file.name);
      return uploadWithProgress<ProposalDocumentView>({ path: `/proposals/${id}/documents`, form, onProgress });
    },
    onSuccess: () => refresh(),
  });
}

export function useReissueTrackingLink(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<{ expiresAt: string }>(`/proposals/${id}/tracking-link`, { method: 'POST' }),
    onSuccess: () => refresh(),
  });
}

export function useRevokeTrackingLink(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: () => api<{ revoked: number }>(`/proposals/${id}/tracking-link`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}

// Right after creating: the new proposal's id is known only when the creation answers.
export function useSubmitNewProposal() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ id, version }: { id: string; version: number }) => api<ProposalView>(`/proposals/${id}/transitions`, { method: 'POST', body: { action: 'submit', version } }),
    onSuccess: (view) => refresh(view),
  });
}
