import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AgreementView, CreateAgreementInput, EndAgreementInput, UpdateAgreementInput } from '../../../../shared/agreements';
import type { DocumentKind } from '../../../../shared/agreement-codes';
import type { DocumentView } from '../../../../shared/documents';
import { api, uploadWithProgress } from '../../../lib/api';
import { agreementKeys } from './agreement-queries';

// After any write the lists (search, facets, partner counts) may have changed.
function useRefresh() {
  const queryClient = useQueryClient();
  return (view?: AgreementView) => {
    if (view) queryClient.setQueryData(agreementKeys.detail(view.id), view);
    void queryClient.invalidateQueries({ queryKey: agreementKeys.all });
    void queryClient.invalidateQueries({ queryKey: ['partners'] });
    void queryClient.invalidateQueries({ queryKey: ['lookup'] });
  };
}

export function useCreateAgreement() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: CreateAgreementInput) => api<AgreementView>('/agreements', { method: 'POST', body: input }),
    onSuccess: (view) => refresh(view),
  });
}

export function useUpdateAgreement(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: UpdateAgreementInput) => api<AgreementView>(`/agreements/${id}`, { method: 'PATCH', body: input }),
    onSuccess: (view) => refresh(view),
  });
}

export function useEndAgreement(id: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (input: EndAgreementInput) => api<AgreementView>(`/agreements/${id}/end`, { method: 'POST', body: input }),
    onSuccess: (view) => refresh(view),
  });
}

export type UploadInput = { file: File; kind: DocumentKind; isPublic: boolean; onProgress: (fraction: number) => void };

export function useUploadDocument(agreementId: string) {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: ({ file, kind, isPublic, onProgress }: UploadInput) => {
      const form = new FormData();
      // Text fields first: the server reads them before it streams the file.
      form.append('kind', kind);
      form.append('isPublic', String(isPublic));
      form.append('file', file, file.name);
      return uploadWithProgress<DocumentView>({ path: `/agreements/${agreementId}/documents`, form, onProgress });
    },
    onSuccess: () => refresh(),
  });
}

export function useDeleteDocument() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (documentId: string) => api<undefined>(`/documents/${documentId}`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}
